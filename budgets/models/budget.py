"""The department-year budget (部门预算) and what it discloses besides its lines."""

from django.db import models
from simple_history.models import HistoricalRecords

from budgets.fields import MoneyField
from budgets.models.locking import LockedModel
from budgets.models.organisation import (
    Department,
    DisclosureFormat,
    FiscalYear,
    default_disclosure_format,
)


class BudgetStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "已提交"
    PUBLISHED = "published", "已发布"


class Budget(LockedModel):
    """One department's budget for one year: what is reviewed and published as a disclosure."""

    department = models.ForeignKey(
        Department, verbose_name="部门", on_delete=models.PROTECT, related_name="budgets"
    )
    fiscal_year = models.ForeignKey(
        FiscalYear, verbose_name="预算年度", on_delete=models.PROTECT, related_name="budgets"
    )
    status = models.CharField(
        "状态", max_length=10, choices=BudgetStatus.choices, default=BudgetStatus.DRAFT
    )
    cover_date = models.DateField("封面日期", null=True, blank=True)
    # Copied from the region when the budget is created, so that a province changing its
    # format later does not rewrite earlier years; changeable while the budget is a draft.
    disclosure_format = models.CharField(
        "公开格式", max_length=20, choices=DisclosureFormat.choices, blank=True
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "部门预算"
        verbose_name_plural = "部门预算"
        ordering = ["-fiscal_year__year", "department__region__code", "department__code"]
        permissions = [
            ("submit_budget", "可以提交部门预算"),
            ("return_budget", "可以退回部门预算"),
            ("publish_budget", "可以发布部门预算"),
            ("reopen_budget", "可以更正已发布的部门预算"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["department", "fiscal_year"],
                name="budget_unique_per_department_year",
                violation_error_message="该部门该年度的预算已存在。",
            )
        ]

    def __str__(self):
        return f"{self.department.name}{self.year}年部门预算"

    @property
    def year(self) -> int:
        return self.fiscal_year.year

    def save(self, *args, **kwargs):
        if not self.disclosure_format:
            region = self.department.region
            self.disclosure_format = region.disclosure_format or default_disclosure_format(
                region.code
            )
        super().save(*args, **kwargs)


class PriorYearFigures(LockedModel):
    """The previous year's figures the narrative compares against (上年预算数, 万元).

    Every figure starts empty: not known, which is not zero (the narrative then states this
    year's figure without a comparison).
    """

    budget = models.OneToOneField(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="prior_year"
    )
    income_total = MoneyField("收入总计", null=True, blank=True)
    expenditure_total = MoneyField("支出总计", null=True, blank=True)
    general_public_total = MoneyField("一般公共预算收支", null=True, blank=True)
    gov_fund_total = MoneyField("政府性基金预算收支", null=True, blank=True)
    three_public_outbound = MoneyField("因公出国（境）费", null=True, blank=True)
    three_public_vehicle_purchase = MoneyField("公务用车购置费", null=True, blank=True)
    three_public_vehicle_operation = MoneyField("公务用车运行维护费", null=True, blank=True)
    three_public_reception = MoneyField("公务接待费", null=True, blank=True)
    # None: last year's 机关运行经费 on this product's definition is not known, so the
    # explanation states this year's figure without a comparison.
    operating_costs = MoneyField("机关运行经费", null=True, blank=True)
    # Last year's 基本支出 and 项目支出 (Hebei 二（三）); None: not known, no comparison.
    basic_total = MoneyField("基本支出", null=True, blank=True)
    project_total = MoneyField("项目支出", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "上年对比数"
        verbose_name_plural = "上年对比数"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    income_total__gte=0,
                    expenditure_total__gte=0,
                    general_public_total__gte=0,
                    gov_fund_total__gte=0,
                    three_public_outbound__gte=0,
                    three_public_vehicle_purchase__gte=0,
                    three_public_vehicle_operation__gte=0,
                    three_public_reception__gte=0,
                    operating_costs__gte=0,
                ),
                name="prior_year_non_negative",
                violation_error_message="上年对比数不能为负数。",
            ),
            models.CheckConstraint(
                condition=(
                    (models.Q(basic_total__isnull=True) | models.Q(basic_total__gte=0))
                    & (models.Q(project_total__isnull=True) | models.Q(project_total__gte=0))
                ),
                name="prior_year_split_non_negative",
                violation_error_message="上年对比数不能为负数。",
            ),
        ]

    def __str__(self):
        return f"{self.budget} 上年对比数"

    @property
    def three_public_total(self):
        """The four “三公” items added up, or None while any of them is not known."""
        items = (
            self.three_public_outbound,
            self.three_public_vehicle_purchase,
            self.three_public_vehicle_operation,
            self.three_public_reception,
        )
        return None if any(item is None for item in items) else sum(items)


class NarrativeKey(models.TextChoices):
    """The free texts of a disclosure (文字说明) that cannot be computed."""

    OVERVIEW = "overview", "概况"
    MAIN_DUTIES = "main_duties", "主要职责"
    ORGANISATION = "organisation", "机构设置"
    UNIT_COMPOSITION = "unit_composition", "预算单位构成情况"
    GLOSSARY = "glossary", "名词解释"
    REASON_INCOME = "reason_income_change", "收入增减主要原因"
    REASON_EXPENDITURE = "reason_expenditure_change", "支出增减主要原因"
    # One reason for figures that moved together, printed once.
    REASON_INCOME_EXPENDITURE = "reason_income_expenditure_change", "收入、支出增减主要原因（共用）"
    REASON_APPROPRIATION = "reason_appropriation_change", "财政拨款收支增减主要原因"
    REASON_GENERAL_PUBLIC = "reason_general_public_change", "一般公共预算支出增减主要原因"
    REASON_THREE_PUBLIC = "reason_three_public_change", "“三公”经费增减主要原因（总体）"
    REASON_OUTBOUND = "reason_outbound_change", "因公出国（境）费增减原因"
    # Shared by 购置 and 运行维护 (printed once); each may instead have its own reason.
    REASON_VEHICLE = "reason_vehicle_change", "公务用车购置及运行费增减原因（两项共用）"
    REASON_VEHICLE_PURCHASE = "reason_vehicle_purchase_change", "公务用车购置费增减原因"
    REASON_VEHICLE_OPERATION = "reason_vehicle_operation_change", "公务用车运行维护费增减原因"
    REASON_RECEPTION = "reason_reception_change", "公务接待费增减原因"
    REASON_OPERATING_COSTS = "reason_operating_cost_change", "机关运行经费增减原因"
    REASON_GOV_FUND = "reason_gov_fund_change", "政府性基金预算增减原因"
    GENERAL_PUBLIC_USAGE = "general_public_usage", "一般公共预算主要用途"
    # What the money is used for, printed instead of the standard sentence when given.
    USAGE_OUTBOUND = "usage_outbound", "因公出国（境）费主要用途"
    USAGE_RECEPTION = "usage_reception", "公务接待费主要用途"
    USAGE_VEHICLE = "usage_vehicle", "公务用车购置及运行费主要用途"
    USAGE_OPERATING_COSTS = "usage_operating_costs", "机关运行经费主要用途"
    USAGE_GOV_FUND = "usage_gov_fund", "政府性基金预算支出主要用途"
    PERFORMANCE_STATEMENT = "performance_statement", "绩效目标设置情况"
    # Texts the Hebei 情况说明 prints (spec §2.2).
    REASON_BASIC = "reason_basic_change", "基本支出增减主要原因"
    REASON_PROJECT = "reason_project_change", "项目支出增减主要原因"
    WORK_SAFEGUARDS = "work_safeguards", "工作保障措施"
    SPECIAL_FUNDS = "special_funds", "部门主管专项资金预算安排情况及绩效目标"
    OTHER_NOTES = "other_notes", "其他需要说明的事项"


class NarrativeSection(LockedModel):
    """One free text of the narrative (主要职责, 名词解释, a 主要原因 …)."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="narrative_sections"
    )
    key = models.CharField("内容", max_length=40, choices=NarrativeKey.choices)
    text = models.TextField("文字")

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "文字说明"
        verbose_name_plural = "文字说明"
        ordering = ["budget", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "key"],
                name="narrative_key_unique_per_budget",
                violation_error_message="同一预算中每项文字说明只能填写一次。",
            )
        ]

    def __str__(self):
        return self.get_key_display()
