"""What a project form and the department form need besides lines (Hubei （九）（十）).

Free texts of a project (设立依据, 测算依据, 中期/年度目标 …), the two planning years'
资金来源 and 支出明细 (the budget year itself is summed from the lines), and the department's
figures of the two years before the budget year. Generic models: any format may print them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from budgets.fields import MoneyField
from budgets.models.budget import Budget
from budgets.models.lines import Project
from budgets.models.locking import LockedModel


class ProjectTextKey(models.TextChoices):
    """The free texts of a project form."""

    BASIS = "basis", "设立依据"
    CONTENT = "content", "项目主要内容及必要性及可行性分析"
    CALCULATION = "calculation", "测算依据及说明"
    MEDIUM_GOAL = "medium_goal", "中期目标"
    ANNUAL_GOAL = "annual_goal", "年度目标"
    GOAL_NAME = "goal_name", "项目绩效总目标：目标名称"
    GOAL_DESCRIPTION = "goal_description", "项目绩效总目标：目标说明"
    USAGE = "usage", "项目主要支出方向和用途"
    OTHER_NOTES = "other_notes", "其他说明的问题"


class ProjectText(LockedModel):
    """One free text of a project (设立依据, 测算依据 …)."""

    project = models.ForeignKey(
        Project, verbose_name="项目", on_delete=models.CASCADE, related_name="texts"
    )
    key = models.CharField("内容", max_length=30, choices=ProjectTextKey.choices)
    text = models.TextField("文字")

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "项目说明"
        verbose_name_plural = "项目说明"
        ordering = ["project", "key"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "key"],
                name="project_text_key_unique",
                violation_error_message="同一项目中每项说明只能填写一次。",
            )
        ]

    def __str__(self):
        return self.get_key_display()


class PlanRow(models.TextChoices):
    """The rows a planning year is entered on: 资金来源 and 支出明细 of a project form.

    Parents (1、财政拨款补助, 纳入预算管理的非税收入安排的拨款, 3、上级补助收入, 4、其他资本性支出
    小计) add up their rows; an amount entered on a parent itself is added too.
    """

    FUNDING = "funding", "资金来源：经费拨款"
    NONTAX = "nontax", "资金来源：纳入预算管理的非税收入安排的拨款"
    SPECIAL_REVENUE = "special_revenue", "资金来源：专项收入"
    ADMIN_FEES = "admin_fees", "资金来源：行政性收费收入"
    SERVICE_FEES = "service_fees", "资金来源：事业性收费收入"
    FINES = "fines", "资金来源：罚没收入"
    STATE_RESOURCES = "state_resources", "资金来源：国有资源（资产）有偿使用收入"
    OTHER_NONTAX = "other_nontax", "资金来源：其他纳入预算管理的非税收入"
    SPECIAL_ACCOUNT = "special_account", "资金来源：纳入专户管理的非税收入"
    HIGHER_SUBSIDY = "higher_subsidy", "资金来源：上级补助收入"
    PROVINCIAL_SPECIAL = "provincial_special", "资金来源：省专项转移支付"
    PROVINCIAL_GENERAL = "provincial_general", "资金来源：省一般性转移支付"
    CITY_SPECIAL = "city_special", "资金来源：市专款"
    GOV_FUND = "gov_fund", "资金来源：纳入预算管理的政府性基金收入"
    OTHER_INCOME = "other_income", "资金来源：其他收入"
    CARRY_OVER = "carry_over", "资金来源：上年结余结转"
    WAGES = "wages", "支出明细：工资福利支出"
    GOODS = "goods", "支出明细：商品和服务支出"
    HOUSEHOLDS = "households", "支出明细：对个人和家庭补助"
    REMITTANCE = "remittance", "支出明细：上缴上级支出"
    ADMIN_COST = "admin_cost", "支出明细：行政事业类成本支出"
    OTHER_CAPITAL = "other_capital", "支出明细：其他资本性支出"


SOURCE_ROWS = frozenset(r for r in PlanRow if r.label.startswith("资金来源"))


class ProjectPlan(LockedModel):
    """One amount (万元) of a project's planning year (Y+1 or Y+2) on one form row."""

    project = models.ForeignKey(
        Project, verbose_name="项目", on_delete=models.CASCADE, related_name="plans"
    )
    year = models.PositiveSmallIntegerField("规划年度")
    row = models.CharField("项目", max_length=30, choices=PlanRow.choices)
    amount = MoneyField("金额（万元）")

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "项目中期规划"
        verbose_name_plural = "项目中期规划（以后两个年度的资金来源和支出明细）"
        ordering = ["project", "year", "row"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "year", "row"],
                name="project_plan_unique",
                violation_error_message="同一项目同一规划年度的每一项只能填写一次。",
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="project_plan_non_negative",
                violation_error_message="金额不能为负数。",
            ),
        ]

    def __str__(self):
        return f"{self.year}年 {self.get_row_display()}"

    def clean(self):
        budget = self.project.budget if self.project_id else None
        if budget is not None and self.year not in (budget.year + 1, budget.year + 2):
            raise ValidationError(
                {
                    "year": f"规划年度只能是预算年度之后的两个年度"
                    f"（{budget.year + 1} 或 {budget.year + 2} 年）。"
                }
            )


class PriorYearTotals(LockedModel):
    """The department's figures of one of the two years before the budget year (万元).

    Empty means not known (not zero). 收入合计 = 财政拨款 + 其他资金, 支出合计 = 基本 + 项目.
    """

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="prior_totals"
    )
    year = models.PositiveSmallIntegerField("年度")
    appropriation = MoneyField("财政拨款", null=True, blank=True)
    other_funds = MoneyField("其他资金", null=True, blank=True)
    basic = MoneyField("基本支出", null=True, blank=True)
    project = MoneyField("项目支出", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "近两年收支金额"
        verbose_name_plural = "近两年收支金额（万元，未知留空）"
        ordering = ["budget", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "year"],
                name="prior_totals_unique_per_year",
                violation_error_message="同一预算中每个年度只能填写一次。",
            ),
            models.CheckConstraint(
                condition=Q(appropriation__gte=0) | Q(appropriation__isnull=True),
                name="prior_totals_appropriation_non_negative",
                violation_error_message="金额不能为负数。",
            ),
            models.CheckConstraint(
                condition=Q(other_funds__gte=0) | Q(other_funds__isnull=True),
                name="prior_totals_other_non_negative",
                violation_error_message="金额不能为负数。",
            ),
            models.CheckConstraint(
                condition=Q(basic__gte=0) | Q(basic__isnull=True),
                name="prior_totals_basic_non_negative",
                violation_error_message="金额不能为负数。",
            ),
            models.CheckConstraint(
                condition=Q(project__gte=0) | Q(project__isnull=True),
                name="prior_totals_project_non_negative",
                violation_error_message="金额不能为负数。",
            ),
        ]

    def __str__(self):
        return f"{self.year}年收支金额"

    def clean(self):
        budget = self.budget if self.budget_id else None
        if budget is not None and self.year not in (budget.year - 2, budget.year - 1):
            raise ValidationError(
                {
                    "year": f"只能填写预算年度之前的两个年度"
                    f"（{budget.year - 2} 或 {budget.year - 1} 年）。"
                }
            )
