"""Resources of the optional sheets a form needs (Hubei （九）（十）): 项目说明, 项目中期规划,
整体绩效分目标, 近两年收支金额, and the lines that are neither basic nor project (其他支出明细).

Every one is optional: a workbook without them (every Henan workbook) imports as before.
"""

from typing import Any

from budgets.models import (
    OTHER_LINE_KINDS,
    DepartmentGoal,
    ExpenditureLine,
    GoalHorizon,
    PlanRow,
    PriorYearTotals,
    ProjectPlan,
    ProjectText,
    ProjectTextKey,
)
from budgets.workbook.layout import SHEET
from budgets.workbook.resources.base import SheetField, SheetResource
from budgets.workbook.resources.lines import (
    LINE_FIELDS,
    LineResource,
    ProjectReferenceMixin,
    _project_widget,
    _source,
    _subject,
    _unit_widget,
)
from budgets.workbook.widgets import ChoiceWidget

TEXTS, PLANS = SHEET["project_texts"], SHEET["project_plans"]
GOALS, TOTALS, OTHER = SHEET["department_goals"], SHEET["prior_totals"], SHEET["other_lines"]
# 项目中期规划 rows are written by their label without the 资金来源/支出明细 prefix too.
PLAN_LABELS = {row.value: row.label for row in PlanRow}
PLAN_SHORT = {row.label.split("：", 1)[1]: row.value for row in PlanRow}


class PlanRowWidget(ChoiceWidget):
    """A 项目中期规划 row: its full label, its short label (经费拨款) or its key."""

    def __init__(self):
        super().__init__(PLAN_LABELS, "项目中期规划的项目（如 资金来源：经费拨款）")
        self.values |= PLAN_SHORT


class ProjectTextResource(ProjectReferenceMixin, SheetResource):
    """项目说明: a free text of a project (设立依据, 测算依据 …), one per 内容."""

    sheet = TEXTS
    budget_field = ""
    project = SheetField(TEXTS, "project", widget=_project_widget())
    key = SheetField(
        TEXTS, "key", widget=ChoiceWidget(dict(ProjectTextKey.choices), "项目说明内容")
    )
    text = SheetField(TEXTS, "text")

    class Meta:
        model = ProjectText
        fields = ("project", "key", "text")
        force_init_instance = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.seen: set = set()

    def check(self, text) -> dict[str, str]:
        key = (text.project.code, text.key)
        if key in self.seen:
            return {"key": "同一项目中每项说明只能填写一次。"}
        self.seen.add(key)
        return {}

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("project")


class ProjectPlanResource(ProjectReferenceMixin, SheetResource):
    """项目中期规划: an amount of a planning year (预算年度之后两年) on a form row."""

    sheet = PLANS
    budget_field = ""
    project = SheetField(PLANS, "project", widget=_project_widget())
    year = SheetField(PLANS, "year")
    row = SheetField(PLANS, "row", widget=PlanRowWidget())
    amount = SheetField(PLANS, "amount")

    class Meta:
        model = ProjectPlan
        fields = ("project", "year", "row", "amount")
        force_init_instance = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.seen: set = set()

    def check(self, plan) -> dict[str, str]:
        year = self.import_lookups.year
        if plan.year not in (year + 1, year + 2):
            return {"year": f"规划年度只能是 {year + 1} 或 {year + 2} 年"}
        key = (plan.project.code, plan.year, plan.row)
        if key in self.seen:
            return {"row": "同一项目同一规划年度的每一项只能填写一次。"}
        self.seen.add(key)
        return {}

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("project")


class DepartmentGoalResource(SheetResource):
    """整体绩效分目标: 长期目标N / 年度目标N and its text; 整体绩效指标 name it (所属分目标)."""

    sheet = GOALS
    horizon = SheetField(
        GOALS, "horizon", widget=ChoiceWidget(dict(GoalHorizon.choices), "目标期限（长期/年度）")
    )
    number = SheetField(GOALS, "number")
    text = SheetField(GOALS, "text")

    class Meta:
        model = DepartmentGoal
        fields = ("horizon", "number", "text")
        force_init_instance = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.by_code: dict[str, DepartmentGoal] = {}

    def check(self, goal) -> dict[str, str]:
        if goal.code in self.by_code:
            return {"number": f"{goal.code} 重复"}
        self.by_code[goal.code] = goal
        return {}


class PriorTotalsResource(SheetResource):
    """近两年收支金额: one row per year before the budget year; a blank amount is unknown."""

    sheet = TOTALS
    year = SheetField(TOTALS, "year")
    appropriation = SheetField(TOTALS, "appropriation")
    other_funds = SheetField(TOTALS, "other_funds")
    basic = SheetField(TOTALS, "basic")
    project = SheetField(TOTALS, "project")

    class Meta:
        model = PriorYearTotals
        fields = ("year", "appropriation", "other_funds", "basic", "project")
        force_init_instance = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.seen: set[int] = set()

    def check(self, totals) -> dict[str, str]:
        year = self.import_lookups.year
        if totals.year not in (year - 2, year - 1):
            return {"year": f"只能填写 {year - 2} 或 {year - 1} 年"}
        if totals.year in self.seen:
            return {"year": f"{totals.year} 年重复"}
        self.seen.add(totals.year)
        return {}


class OtherLineResource(LineResource):
    """其他支出明细: 事业单位经营支出, 其他支出 or 结转下年 lines of a unit (万元)."""

    sheet = OTHER
    line_kind = SheetField(
        OTHER,
        "kind",
        attribute="kind",
        widget=ChoiceWidget({k.value: k.label for k in OTHER_LINE_KINDS}, "支出类型"),
    )
    unit = SheetField(OTHER, "unit", widget=_unit_widget())
    functional_subject = _subject(OTHER, "func")
    dept_economic = _subject(OTHER, "dept_econ")
    gov_economic = _subject(OTHER, "gov_econ")
    funding_source = _source(OTHER)
    amount = SheetField(OTHER, "amount")

    class Meta:
        model = ExpenditureLine
        fields = ("line_kind", "unit", *LINE_FIELDS)
        force_init_instance = True

    def after_init_instance(self, instance, new, row, **kwargs):
        SheetResource.after_init_instance(self, instance, new, row, **kwargs)  # kind: the cell

    def filter_export(self, queryset, **kwargs):
        related = ("unit", "functional_subject", "dept_economic", "gov_economic")
        return queryset.filter(kind__in=OTHER_LINE_KINDS).select_related(*related)
