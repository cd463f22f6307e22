"""Resources of the unit, line and project sheets (预算单位, 基本支出, 项目, 项目支出明细, 项目绩效指标)."""

from typing import Any

from django.core.exceptions import ValidationError

from budgets.models import (
    BudgetUnit,
    EconomicSubject,
    ExpenditureLine,
    FunctionalSubject,
    FundingForm,
    GoalHorizon,
    LineKind,
    Project,
    ProjectIndicator,
    ProjectIndicatorLevel1,
    ProjectKind,
    UnitKind,
)
from budgets.pickers import table_path
from budgets.validation import line_subject_errors
from budgets.workbook import codes
from budgets.workbook.layout import SHEET
from budgets.workbook.resources.base import SheetField, SheetResource
from budgets.workbook.widgets import ChoiceWidget, CodeLookupWidget, SubjectLookupWidget, TextWidget

UNITS, BASIC, PROJECTS = SHEET["units"], SHEET["basic_lines"], SHEET["projects"]
PROJECT_LINES, INDICATORS = SHEET["project_lines"], SHEET["project_indicators"]
SUBJECT_RELATED = ("functional_subject", "dept_economic", "gov_economic")
LINE_FIELDS = (*SUBJECT_RELATED, "funding_source", "amount")
# What the Hebei 绩效目标表 prints of a project besides lines and indicators (optional).
PROJECT_FORM_FIELDS = (
    "purpose",
    "objective",
    "plan_march",
    "plan_june",
    "plan_october",
    "plan_december",
)


def _values_widget(choices, what: str) -> ChoiceWidget:
    """A choice written as its stored value (单位性质, 项目类型, 一级指标)."""
    return ChoiceWidget({v: v for v in choices.values}, what, show_labels=False)


def _unit_widget():
    return CodeLookupWidget(
        BudgetUnit, source="units", missing="单位代码 {code} 不在本部门的预算单位中"
    )


def _project_widget():
    return CodeLookupWidget(
        Project, source="projects", missing="项目代码 {code} 在“项目”工作表中不存在"
    )


SUBJECTS = {  # column key → (attribute, related model, lookup table, label, scheme)
    "func": ("functional_subject", FunctionalSubject, "functional", "功能分类", ""),
    "dept_econ": ("dept_economic", EconomicSubject, "dept", "部门经济分类", "dept"),
    "gov_econ": ("gov_economic", EconomicSubject, "gov", "政府经济分类", "gov"),
}


def _subject(sheet, key):
    attribute, model, source, label, scheme = SUBJECTS[key]
    widget = SubjectLookupWidget(model, source=source, label=label, scheme=scheme)
    return SheetField(sheet, key, attribute=attribute, widget=widget)


def _source(sheet):
    widget = ChoiceWidget(codes.SOURCE_LABEL, "资金来源")
    return SheetField(sheet, "source", attribute="funding_source", widget=widget)


class ProjectReferenceMixin:
    """Rows that name their project by code; in the admin the project is the budget's."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self.lookups is not None and not self.lookups.from_sheets:
            self.fields["project"].widget.missing = "项目代码 {code} 不在所选部门预算的项目中"

    def position_group(self, instance):
        return instance.project.code


class CodedRowsMixin:
    """Rows with a code (units, projects): the first row of each code is the one kept."""

    duplicate = "代码 {code} 重复"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.by_code: dict = {}

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            if instance.code:
                instance.repeated_in_sheet = instance.code in self.by_code
                self.by_code.setdefault(instance.code, instance)

    def duplicate_error(self, instance, existing: dict) -> dict[str, str]:
        if getattr(instance, "repeated_in_sheet", False) or instance.code in existing:
            return {"code": self.duplicate.format(code=instance.code)}
        return {}


class LineResource(SheetResource):
    """The columns and checks basic and project lines share (功能分类, 经济分类, 资金来源, 金额)."""

    kind = LineKind.BASIC

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        instance.kind = self.kind

    def complete(self, instance) -> None:
        super().complete(instance)
        instance.derive_cost_type()

    def check(self, line) -> dict[str, str]:
        errors = line_subject_errors(line, self.import_lookups.year, path=self._path)
        pair = (line.dept_economic.code, line.gov_economic.code)
        # A province's own entries (7-digit 子目) have no national correspondence to check.
        provincial = bool(line.dept_economic.province or line.gov_economic.province)
        if not errors and not provincial and pair not in self.import_lookups.pairs:
            # The whole paths, so the clerk sees which 款 of which 类 the codes are.
            dept = table_path(self.import_lookups.table("dept"), pair[0])
            gov = table_path(self.import_lookups.table("gov"), pair[1])
            errors["gov_economic"] = f"部门经济分类 {dept} 与政府经济分类 {gov} 不对应"
        return errors

    def _path(self, subject) -> str:
        """A subject's path from the import's lookup tables (no query)."""
        source = getattr(subject, "scheme", "functional")
        return table_path(self.import_lookups.table(source), subject.code)

    def get_queryset(self):
        return self.filter_export(ExpenditureLine.objects.all())

    def filter_export(self, queryset, **kwargs):
        related = ("unit", "project", *SUBJECT_RELATED)
        return queryset.filter(kind=self.kind).select_related(*related)


class UnitResource(CodedRowsMixin, SheetResource):
    """预算单位: a row updates the department's unit of that code, or adds one."""

    sheet = UNITS
    budget_field = ""
    duplicate = "单位代码 {code} 重复"
    code = SheetField(UNITS, "code")
    name = SheetField(UNITS, "name")
    kind = SheetField(UNITS, "kind", widget=_values_widget(UnitKind, "单位性质（行政/参公/事业）"))
    grade = SheetField(UNITS, "grade")
    funding_form = SheetField(
        UNITS, "funding_form", widget=_values_widget(FundingForm, "经费保障形式")
    )

    class Meta:
        model = BudgetUnit
        fields = ("code", "name", "kind", "grade", "funding_form")
        force_init_instance = False

    def get_instance(self, instance_loader, row):
        code = TextWidget(dates=False).clean(row.get(self.fields["code"].column_name))
        return self.lookups.units.get(code) if self.lookups else None

    def after_init_instance(self, instance, new, row, **kwargs):
        if new and self.lookups is not None:
            instance.department = self.lookups.budget.department

    def check(self, unit) -> dict[str, str]:
        department = self.import_lookups.department_code
        if not unit.code.startswith(department):
            return {"code": f"单位代码 {unit.code} 不属于部门 {department}"}
        return self.duplicate_error(unit, {})


class BasicLineResource(LineResource):
    """基本支出: one expenditure line of a unit (万元)."""

    sheet = BASIC
    kind = LineKind.BASIC
    unit = SheetField(BASIC, "unit", widget=_unit_widget())
    functional_subject = _subject(BASIC, "func")
    dept_economic = _subject(BASIC, "dept_econ")
    gov_economic = _subject(BASIC, "gov_econ")
    funding_source = _source(BASIC)
    amount = SheetField(BASIC, "amount")
    cost_type_override = SheetField(
        BASIC,
        "cost_type",
        attribute="cost_type_override",
        widget=ChoiceWidget(codes.COST_LABEL, "人员/公用经费"),
    )

    class Meta:
        model = ExpenditureLine
        fields = ("unit", *LINE_FIELDS, "cost_type_override")
        force_init_instance = True


FORM_FIELDS = (
    "manager",
    "phone",
    "postcode",
    "category",
    "spending_type",
    "attribute",
    "start_year",
    "end_year",
    "total_budget",
)


class ProjectResource(CodedRowsMixin, SheetResource):
    """项目: a project of one unit; its money is in 项目支出明细."""

    sheet = PROJECTS
    duplicate = "项目代码 {code} 重复"
    unit = SheetField(PROJECTS, "unit", widget=_unit_widget())
    code = SheetField(PROJECTS, "code")
    name = SheetField(PROJECTS, "name")
    kind = SheetField(PROJECTS, "kind", widget=_values_widget(ProjectKind, "项目类型"))
    declared_total = SheetField(PROJECTS, "declared_total")
    purpose = SheetField(PROJECTS, "purpose")
    objective = SheetField(PROJECTS, "objective")
    plan_march = SheetField(PROJECTS, "plan_march")
    plan_june = SheetField(PROJECTS, "plan_june")
    plan_october = SheetField(PROJECTS, "plan_october")
    plan_december = SheetField(PROJECTS, "plan_december")
    manager = SheetField(PROJECTS, "manager")
    phone = SheetField(PROJECTS, "phone")
    postcode = SheetField(PROJECTS, "postcode")
    category = SheetField(PROJECTS, "category")
    spending_type = SheetField(PROJECTS, "spending_type")
    attribute = SheetField(PROJECTS, "attribute")
    start_year = SheetField(PROJECTS, "start_year", blank=None)
    end_year = SheetField(PROJECTS, "end_year", blank=None)
    total_budget = SheetField(PROJECTS, "total_budget")

    class Meta:
        model = Project
        fields = (
            "unit",
            "code",
            "name",
            "kind",
            "declared_total",
            *PROJECT_FORM_FIELDS,
            *FORM_FIELDS,
        )
        force_init_instance = True

    def check(self, project) -> dict[str, str]:
        return self.duplicate_error(project, self.import_lookups.projects)

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("unit")


class ProjectLineResource(ProjectReferenceMixin, LineResource):
    """项目支出明细: a line of a project; its unit is the project's."""

    sheet = PROJECT_LINES
    kind = LineKind.PROJECT
    project = SheetField(PROJECT_LINES, "project", widget=_project_widget())
    functional_subject = _subject(PROJECT_LINES, "func")
    dept_economic = _subject(PROJECT_LINES, "dept_econ")
    gov_economic = _subject(PROJECT_LINES, "gov_econ")
    funding_source = _source(PROJECT_LINES)
    amount = SheetField(PROJECT_LINES, "amount")

    class Meta:
        model = ExpenditureLine
        fields = ("project", *LINE_FIELDS)
        force_init_instance = True

    def complete(self, instance) -> None:
        project = instance.project
        if getattr(project, "unit", None) is None:
            # The project's own row lacks its unit (the 项目 sheet names that cell).
            raise ValidationError(
                {"project": f"项目“{project.code}”没有预算单位：请先在“项目”工作表填写单位代码"}
            )
        instance.unit = project.unit
        super().complete(instance)


class ProjectIndicatorResource(ProjectReferenceMixin, SheetResource):
    """项目绩效指标: 一级 → 二级 → 三级 indicator of a project."""

    sheet = INDICATORS
    budget_field = ""
    project = SheetField(INDICATORS, "project", widget=_project_widget())
    level1 = SheetField(
        INDICATORS, "level1", widget=_values_widget(ProjectIndicatorLevel1, "一级指标")
    )
    level2 = SheetField(INDICATORS, "level2")
    level3 = SheetField(INDICATORS, "level3")
    value = SheetField(INDICATORS, "value")
    description = SheetField(INDICATORS, "description")
    basis = SheetField(INDICATORS, "basis")
    goal_name = SheetField(INDICATORS, "goal_name")
    horizon = SheetField(
        INDICATORS,
        "horizon",
        widget=ChoiceWidget(dict(GoalHorizon.choices), "目标期限（长期/年度）"),
        blank=GoalHorizon.ANNUAL,
    )
    value_y2 = SheetField(INDICATORS, "value_y2")
    value_y1 = SheetField(INDICATORS, "value_y1")
    standard = SheetField(INDICATORS, "standard")

    class Meta:
        model = ProjectIndicator
        fields = (
            "project",
            "level1",
            "level2",
            "level3",
            "value",
            "description",
            "basis",
            "goal_name",
            "horizon",
            "value_y2",
            "value_y1",
            "standard",
        )
        force_init_instance = True

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("project")
