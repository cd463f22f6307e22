"""Expenditure at its finest grain (支出明细) and the projects (项目) it belongs to.

Every table of the disclosure is a sum over these lines; no figure is typed twice.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from budgets.fields import MoneyField, PercentField
from budgets.funding import FundingSource
from budgets.models.budget import Budget
from budgets.models.catalogues import EconomicSubject, FunctionalSubject
from budgets.models.locking import LockedModel
from budgets.models.organisation import BudgetUnit


class ProjectKind(models.TextChoices):
    OTHER_OPERATING = "其他运转类", "其他运转类"
    SPECIFIC_PURPOSE = "特定目标类", "特定目标类"
    PERSONNEL = "人员类", "人员类"
    OPERATING = "运转类", "运转类"


# The 资金支出计划 checkpoints (cumulative % of the project's money spent by the end of the
# month), as Hebei prints them: 3月底, 6月底, 10月底, 12月底 (spec §1.B).
SPENDING_CHECKPOINTS = (
    ("plan_march", "3月底"),
    ("plan_june", "6月底"),
    ("plan_october", "10月底"),
    ("plan_december", "12月底"),
)


def _plan_field(label: str) -> PercentField:
    return PercentField(
        f"资金支出计划：{label}（%）",
        null=True,
        blank=True,
        help_text=f"截至{label}累计支出占项目资金的百分比；留空即未填写。",
    )


class Project(LockedModel):
    """A 项目 of one unit; its money is spread over one or more project lines."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="projects"
    )
    unit = models.ForeignKey(
        BudgetUnit, verbose_name="项目单位", on_delete=models.PROTECT, related_name="projects"
    )
    code = models.CharField("项目编码", max_length=30)
    name = models.CharField("项目名称", max_length=200)
    kind = models.CharField("项目类型", max_length=10, choices=ProjectKind.choices)
    declared_total = MoneyField(
        "项目总额", null=True, blank=True, help_text="可选；填写后，项目支出明细合计必须与之相等。"
    )
    position = models.PositiveIntegerField("排序", default=0)
    # What the Hebei 绩效目标表 prints besides lines and indicators (spec §1.B).
    purpose = models.TextField("资金用途", blank=True)
    objective = models.TextField("项目绩效目标", blank=True, help_text="每行一段，如“1.……”。")
    plan_march = _plan_field("3月底")
    plan_june = _plan_field("6月底")
    plan_october = _plan_field("10月底")
    plan_december = _plan_field("12月底")
    # The header of a project form (Hubei （九）); optional, printed by the formats that ask.
    manager = models.CharField("项目负责人", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    category = models.CharField(
        "项目类别",
        max_length=50,
        blank=True,
        help_text="如：对个人和家庭补助性支出、商品和服务性支出。",
    )
    spending_type = models.CharField(
        "项目类型（支出类型）", max_length=50, blank=True, help_text="湖北格式，如：其他支出。"
    )
    attribute = models.CharField(
        "项目属性", max_length=50, blank=True, help_text="如：常年性项目、一次性项目。"
    )
    start_year = models.PositiveSmallIntegerField(
        "项目起始年度",
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    end_year = models.PositiveSmallIntegerField(
        "项目终止年度",
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    total_budget = MoneyField(
        "项目总预算", null=True, blank=True, help_text="跨年度项目的总预算；可选。"
    )

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "项目"
        verbose_name_plural = "项目"
        ordering = ["budget", "unit__code", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "code"],
                name="project_code_unique_per_budget",
                violation_error_message="同一预算中项目编码不能重复。",
            ),
            models.CheckConstraint(
                condition=Q(declared_total__isnull=True) | Q(declared_total__gte=0),
                name="project_declared_total_non_negative",
                violation_error_message="项目总额不能为负数。",
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="project_years_ordered",
                violation_error_message="项目终止年度不能早于起始年度。",
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def clean(self):
        from budgets.validation import project_errors

        project_errors(self)

    @property
    def spending_plan(self) -> list[tuple[str, "Decimal | None"]]:
        """The 资金支出计划 as (checkpoint label, cumulative percent or None)."""
        return [(label, getattr(self, name)) for name, label in SPENDING_CHECKPOINTS]


class LineKind(models.TextChoices):
    BASIC = "basic", "基本支出"
    PROJECT = "project", "项目支出"
    # Neither basic nor project: no project, no 人员/公用 type (Hubei （三） columns).
    OPERATING = "operating", "事业单位经营支出"
    OTHER = "other", "其他支出"
    CARRY_FORWARD = "carry_forward", "结转下年"


# The kinds that are neither 基本支出 nor 项目支出.
OTHER_LINE_KINDS = (LineKind.OPERATING, LineKind.OTHER, LineKind.CARRY_FORWARD)


class CostType(models.TextChoices):
    PERSONNEL = "personnel", "人员经费"
    PUBLIC = "public", "公用经费"


# 301 工资福利支出 and 303 对个人和家庭的补助 are 人员经费 unless a line says otherwise.
PERSONNEL_CATEGORIES = frozenset({"301", "303"})


def default_cost_type(dept_economic_code: str) -> str:
    """The cost type a basic line has when the clerk does not override it."""
    if dept_economic_code[:3] in PERSONNEL_CATEGORIES:
        return CostType.PERSONNEL
    return CostType.PUBLIC


class ExpenditureLineQuerySet(models.QuerySet):
    def basic(self):
        return self.filter(kind=LineKind.BASIC)

    def project(self):
        return self.filter(kind=LineKind.PROJECT)

    def other_kinds(self):
        return self.filter(kind__in=OTHER_LINE_KINDS)


class ExpenditureLine(LockedModel):
    """An amount (万元) for one unit, 功能分类 项, economic pair and funding source."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="lines"
    )
    unit = models.ForeignKey(
        BudgetUnit, verbose_name="预算单位", on_delete=models.PROTECT, related_name="lines"
    )
    kind = models.CharField(
        "支出类型", max_length=20, choices=LineKind.choices, default=LineKind.BASIC
    )
    project = models.ForeignKey(
        Project,
        verbose_name="项目",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="lines",
    )
    functional_subject = models.ForeignKey(
        FunctionalSubject,
        verbose_name="功能分类科目",
        on_delete=models.PROTECT,
        related_name="lines",
    )
    dept_economic = models.ForeignKey(
        EconomicSubject,
        verbose_name="部门经济分类科目",
        on_delete=models.PROTECT,
        related_name="dept_lines",
        limit_choices_to={"scheme": "dept"},
    )
    gov_economic = models.ForeignKey(
        EconomicSubject,
        verbose_name="政府经济分类科目",
        on_delete=models.PROTECT,
        related_name="gov_lines",
        limit_choices_to={"scheme": "gov"},
    )
    funding_source = models.CharField("资金来源", max_length=20, choices=FundingSource.choices)
    amount = MoneyField("金额（万元）")
    cost_type_override = models.CharField(
        "人员/公用经费（调整）",
        max_length=10,
        choices=CostType.choices,
        blank=True,
        help_text="留空则按经济分类默认：301、303 为人员经费，其余为公用经费。",
    )
    # Derived on save from the override or the economic 类, so tables can sum it in SQL.
    cost_type = models.CharField(
        "人员/公用经费", max_length=10, choices=CostType.choices, blank=True, editable=False
    )
    position = models.PositiveIntegerField("排序", default=0)

    objects = ExpenditureLineQuerySet.as_manager()

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "支出明细"
        verbose_name_plural = "支出明细"
        ordering = ["budget", "kind", "unit__code", "position", "id"]
        indexes = [models.Index(fields=["budget", "kind"], name="line_budget_kind_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="line_amount_non_negative",
                violation_error_message="金额不能为负数。",
            ),
            models.CheckConstraint(
                condition=(
                    Q(
                        kind=LineKind.BASIC,
                        project__isnull=True,
                        cost_type__in=["personnel", "public"],
                    )
                    | Q(kind=LineKind.PROJECT, project__isnull=False, cost_type="")
                    | Q(kind__in=OTHER_LINE_KINDS, project__isnull=True, cost_type="")
                ),
                name="line_kind_consistent",
                violation_error_message=(
                    "基本支出不能属于项目；项目支出必须属于一个项目；"
                    "经营支出、其他支出和结转下年不属于项目。"
                ),
            ),
        ]

    def __str__(self):
        return f"{self.unit.code} {self.functional_subject.code} {self.dept_economic.code} {self.amount}"

    def save(self, *args, **kwargs):
        self.derive_cost_type()
        super().save(*args, **kwargs)

    def clean(self):
        from budgets.validation import line_errors

        self.derive_cost_type()
        line_errors(self)

    def derive_cost_type(self) -> None:
        """Set the effective 人员/公用 type from the override or the economic 类."""
        if self.kind != LineKind.BASIC:
            self.cost_type = ""
        elif self.dept_economic_id:
            self.cost_type = self.cost_type_override or default_cost_type(self.dept_economic.code)
