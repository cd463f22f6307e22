"""Resources of the other sheets: 基本信息, performance goals, 文字说明, 上年对比数, 政府采购 …"""

import datetime
from typing import Any

from import_export import resources

from budgets.models import (
    AssetHolding,
    Budget,
    BudgetUnit,
    DepartmentGoal,
    DepartmentIndicator,
    DepartmentTask,
    NarrativeSection,
    PerformanceGoal,
    ProcurementItem,
    Project,
    TransferPayment,
)
from budgets.validation import procurement_errors
from budgets.workbook import codes
from budgets.workbook.layout import INFO, SHEET
from budgets.workbook.resources.base import SheetField, SheetResource
from budgets.workbook.widgets import ChoiceWidget, CodeLookupWidget

OBJECTIVE, TASKS, GOAL_INDICATORS = SHEET["objective"], SHEET["tasks"], SHEET["indicators"]
NARRATIVE, PRIOR, PROCUREMENT = SHEET["narrative"], SHEET["previous_year"], SHEET["procurement"]
ASSETS, TRANSFERS = SHEET["assets"], SHEET["transfer_payments"]


class InfoResource(SheetResource):
    """基本信息: the budget's region, department and year (one row; read by field, not saved)."""

    sheet = INFO
    budget_field = ""
    region_code = SheetField(INFO, "region_code", attribute="department__region__code")
    region_name = SheetField(INFO, "region_name", attribute="department__region__name")
    department_code = SheetField(INFO, "department_code", attribute="department__code")
    department_name = SheetField(INFO, "department_name", attribute="department__name")
    short_name = SheetField(INFO, "short_name", attribute="department__short_name")
    supervising_section = SheetField(
        INFO, "supervising_section", attribute="department__supervising_section"
    )
    year = SheetField(INFO, "year", attribute="fiscal_year__year")
    cover_date = SheetField(INFO, "cover_date")

    class Meta:
        model = Budget
        fields = (
            "region_code",
            "region_name",
            "department_code",
            "department_name",
            "short_name",
            "supervising_section",
            "year",
            "cover_date",
        )

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("department__region", "fiscal_year")


class PriorYearResource(resources.Resource):
    """上年对比数: one row per figure of ``PriorYearFigures`` (项目, 金额), exported from dicts."""

    sheet = PRIOR
    key = SheetField(PRIOR, "key", widget=ChoiceWidget(codes.PRIOR_LABEL, "上年对比项目"))
    amount = SheetField(PRIOR, "amount")

    @staticmethod
    def rows_of(prior) -> list[dict]:
        """The figures of a ``PriorYearFigures`` (or none) as rows {key, amount}."""
        if prior is None:
            return []
        return [{"key": name, "amount": getattr(prior, name)} for name in codes.PRIOR_FIELDS]


class GoalResource(SheetResource):
    """整体绩效目标: the 年度履职目标 (the first row is the one kept)."""

    sheet = OBJECTIVE
    objective = SheetField(OBJECTIVE, "objective")
    reporter = SheetField(OBJECTIVE, "reporter")
    phone = SheetField(OBJECTIVE, "phone")
    long_term_objective = SheetField(OBJECTIVE, "long_term_objective")
    long_term_end_year = SheetField(OBJECTIVE, "long_term_end_year", blank=None)

    class Meta:
        model = PerformanceGoal
        fields = ("objective", "reporter", "phone", "long_term_objective", "long_term_end_year")
        force_init_instance = True


class TaskResource(SheetResource):
    """年度主要任务."""

    sheet = TASKS
    name = SheetField(TASKS, "name")
    content = SheetField(TASKS, "content")
    indicators = SheetField(TASKS, "indicators")

    class Meta:
        model = DepartmentTask
        fields = ("name", "content", "indicators")
        force_init_instance = True


class GoalIndicatorResource(SheetResource):
    """整体绩效指标: 一级/二级/三级指标, 指标值, 指标值说明."""

    sheet = GOAL_INDICATORS
    level1 = SheetField(GOAL_INDICATORS, "level1")
    level2 = SheetField(GOAL_INDICATORS, "level2")
    level3 = SheetField(GOAL_INDICATORS, "level3")
    value = SheetField(GOAL_INDICATORS, "value")
    explanation = SheetField(GOAL_INDICATORS, "explanation")
    goal = SheetField(
        GOAL_INDICATORS,
        "goal",
        widget=CodeLookupWidget(
            DepartmentGoal, source="goals", missing="所属分目标 {code} 在“整体绩效分目标”中不存在"
        ),
        blank=None,
    )
    value_y2 = SheetField(GOAL_INDICATORS, "value_y2")
    value_y1 = SheetField(GOAL_INDICATORS, "value_y1")
    standard = SheetField(GOAL_INDICATORS, "standard")

    class Meta:
        model = DepartmentIndicator
        fields = (
            "level1",
            "level2",
            "level3",
            "value",
            "explanation",
            "goal",
            "value_y2",
            "value_y1",
            "standard",
        )
        force_init_instance = True

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("goal")


class NarrativeResource(SheetResource):
    """文字说明: a free text by its 内容 (a later row of the same 内容 wins)."""

    sheet = NARRATIVE
    key = SheetField(NARRATIVE, "key", widget=ChoiceWidget(codes.NARRATIVE_LABEL, "文字说明内容"))
    text = SheetField(NARRATIVE, "text")

    class Meta:
        model = NarrativeSection
        fields = ("key", "text")
        force_init_instance = True


class ProcurementResource(SheetResource):
    """政府采购: an item of a unit (万元); blank 单价 / 中小企业 amounts are 0, a blank 资金来源
    is 一般公共预算—财政拨款, a blank 采购类别 follows the 目录序号 (A 货物, B 工程, C 服务)."""

    sheet = PROCUREMENT
    unit = SheetField(
        PROCUREMENT,
        "unit",
        widget=CodeLookupWidget(
            BudgetUnit, source="units", missing="单位代码 {code} 不在本部门的预算单位中"
        ),
    )
    project = SheetField(
        PROCUREMENT,
        "project",
        widget=CodeLookupWidget(
            Project, source="projects", missing="项目代码 {code} 在“项目”工作表中不存在"
        ),
        blank=None,
    )
    category = SheetField(PROCUREMENT, "category")
    item = SheetField(PROCUREMENT, "item")
    catalogue_code = SheetField(PROCUREMENT, "catalogue_code")
    measure_unit = SheetField(PROCUREMENT, "measure_unit")
    quantity = SheetField(PROCUREMENT, "quantity")
    unit_price = SheetField(PROCUREMENT, "unit_price", saves_null_values=False)
    amount = SheetField(PROCUREMENT, "amount")
    funding_source = SheetField(
        PROCUREMENT,
        "funding_source",
        widget=ChoiceWidget(codes.SOURCE_LABEL, "资金来源"),
        saves_null_values=False,
        blank=None,
    )
    sme_amount = SheetField(PROCUREMENT, "sme_amount", saves_null_values=False)
    is_new_asset = SheetField(PROCUREMENT, "is_new_asset")

    class Meta:
        model = ProcurementItem
        fields = (
            "unit",
            "project",
            "category",
            "item",
            "catalogue_code",
            "measure_unit",
            "quantity",
            "unit_price",
            "amount",
            "funding_source",
            "sme_amount",
            "is_new_asset",
        )
        force_init_instance = True

    def check(self, item) -> dict[str, str]:
        item.derive_category()
        return procurement_errors(item)

    def filter_export(self, queryset, **kwargs):
        return queryset.select_related("unit", "project")


class AssetResource(SheetResource):
    """国有资产: how many of a category; each category once."""

    sheet = ASSETS
    category = SheetField(ASSETS, "category", widget=ChoiceWidget(codes.ASSET_LABEL, "资产类别"))
    quantity = SheetField(ASSETS, "quantity")
    value = SheetField(ASSETS, "value")
    as_of = SheetField(ASSETS, "as_of")

    class Meta:
        model = AssetHolding
        fields = ("category", "quantity", "value", "as_of")
        force_init_instance = True

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.seen: set[str] = set()

    def check(self, asset) -> dict[str, str]:
        if asset.category in self.seen:
            return {"category": "同一预算中每类资产只能填写一次。"}
        self.seen.add(asset.category)
        if isinstance(asset.as_of, str):
            try:  # a date cell arrives as ISO text (TextWidget); typed text must be one too
                asset.as_of = (
                    datetime.date.fromisoformat(asset.as_of.strip())
                    if asset.as_of.strip()
                    else None
                )
            except ValueError:
                return {"as_of": f"“{asset.as_of}”不是日期（格式：2021-12-31）"}
        return {}


class TransferResource(SheetResource):
    """专项转移支付: a project name and its amount (万元)."""

    sheet = TRANSFERS
    name = SheetField(TRANSFERS, "name")
    amount = SheetField(TRANSFERS, "amount")

    class Meta:
        model = TransferPayment
        fields = ("name", "amount")
        force_init_instance = True
