"""Performance goals (绩效目标): per project (table 12) and department-wide (table 11)."""

from django.db import models
from simple_history.models import HistoricalRecords

from budgets.models.budget import Budget
from budgets.models.lines import Project
from budgets.models.locking import LockedModel


class ProjectIndicatorLevel1(models.TextChoices):
    COST = "成本指标", "成本指标"
    OUTPUT = "产出指标", "产出指标"
    BENEFIT = "效益指标", "效益指标"
    SATISFACTION = "满意度指标", "满意度指标"


# 二级指标 commonly used under each 一级; offered as suggestions, not enforced,
# because provinces name them differently.
PROJECT_LEVEL2_SUGGESTIONS = [
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济成本指标",
    "社会成本指标",
    "生态环境成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
]


class GoalHorizon(models.TextChoices):
    """Whether a goal or indicator is long-term (中期/长期) or of the budget year (年度)."""

    LONG_TERM = "long", "长期"
    ANNUAL = "annual", "年度"


class ProjectIndicator(LockedModel):
    """One project performance indicator: 一级 → 二级 → 三级 with its 指标值 as written."""

    project = models.ForeignKey(
        Project, verbose_name="项目", on_delete=models.CASCADE, related_name="indicators"
    )
    level1 = models.CharField("一级指标", max_length=10, choices=ProjectIndicatorLevel1.choices)
    level2 = models.CharField("二级指标", max_length=30, blank=True)
    # Blank allowed: Hubei （九） leaves 三级指标 empty and names the indicator by 目标名称.
    level3 = models.CharField("三级指标", max_length=200, blank=True)
    value = models.CharField("指标值", max_length=200, blank=True)
    description = models.TextField("指标说明", blank=True)
    basis = models.TextField("指标值确定依据", blank=True)
    position = models.PositiveIntegerField("排序", default=0)
    # Hubei （九）: the goal an indicator serves, its horizon and the two prior years' values
    # as written (预计当年 is ``value``); empty means not entered.
    goal_name = models.CharField("目标名称", max_length=300, blank=True)
    horizon = models.CharField(
        "目标期限", max_length=10, choices=GoalHorizon.choices, default=GoalHorizon.ANNUAL
    )
    value_y2 = models.CharField("前年值", max_length=200, blank=True)
    value_y1 = models.CharField("上年值", max_length=200, blank=True)
    standard = models.CharField("绩效标准", max_length=50, blank=True)

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "项目绩效指标"
        verbose_name_plural = "项目绩效指标"
        ordering = ["project", "position", "id"]

    def __str__(self):
        return f"{self.level1}/{self.level3}：{self.value}"


class PerformanceGoal(LockedModel):
    """部门（单位）整体绩效目标: the year's mission statement (年度履职目标)."""

    budget = models.OneToOneField(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="performance_goal"
    )
    objective = models.TextField("年度履职目标")
    # Hubei （十）: who filled it in, and the long-term goal with the year it runs to.
    reporter = models.CharField("填报人", max_length=50, blank=True)
    phone = models.CharField("联系电话", max_length=30, blank=True)
    long_term_objective = models.TextField("长期目标", blank=True)
    long_term_end_year = models.PositiveSmallIntegerField("长期目标截止年度", null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "整体绩效目标"
        verbose_name_plural = "整体绩效目标"

    def __str__(self):
        return f"{self.budget} 整体绩效目标"


class DepartmentTask(LockedModel):
    """A 年度主要任务 of the department-wide goals."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="department_tasks"
    )
    name = models.CharField("任务名称", max_length=200)
    content = models.TextField("主要内容", blank=True)
    # Hebei's 分项绩效目标 print a 绩效目标 (``content``) and a 绩效指标 text per item.
    indicators = models.TextField("绩效指标", blank=True)
    position = models.PositiveIntegerField("排序", default=0)

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "年度主要任务"
        verbose_name_plural = "年度主要任务"
        ordering = ["budget", "position", "id"]

    def __str__(self):
        return self.name


class DepartmentGoal(LockedModel):
    """A numbered 长期目标 or 年度目标 of the department form (Hubei （十）), with its indicators."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="department_goals"
    )
    horizon = models.CharField("目标期限", max_length=10, choices=GoalHorizon.choices)
    number = models.PositiveSmallIntegerField("目标序号")
    text = models.TextField("目标内容")

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "整体绩效分目标"
        verbose_name_plural = "整体绩效分目标（长期目标、年度目标）"
        ordering = ["budget", "-horizon", "number"]  # 长期 (long) before 年度 (annual)
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "horizon", "number"],
                name="department_goal_number_unique",
                violation_error_message="同一预算中同一期限的目标序号不能重复。",
            )
        ]

    def __str__(self):
        return self.code

    @property
    def code(self) -> str:
        """How a row refers to the goal (workbook 所属分目标): 长期目标1, 年度目标2 …"""
        return f"{self.get_horizon_display()}目标{self.number}"


class DepartmentIndicator(LockedModel):
    """One indicator row of the department-wide goals (一级/二级/三级/指标值/指标值说明)."""

    budget = models.ForeignKey(
        Budget,
        verbose_name="部门预算",
        on_delete=models.CASCADE,
        related_name="department_indicators",
    )
    level1 = models.CharField("一级指标", max_length=30)
    level2 = models.CharField("二级指标", max_length=50, blank=True)
    level3 = models.CharField("三级指标", max_length=200)
    value = models.CharField("指标值", max_length=200, blank=True)
    explanation = models.TextField("指标值说明", blank=True)
    position = models.PositiveIntegerField("排序", default=0)
    # Hubei （十）: the numbered goal the indicator belongs to, the two prior years' values as
    # written and its 绩效标准 (计划标准, 历史标准 …); empty means not entered.
    goal = models.ForeignKey(
        DepartmentGoal,
        verbose_name="所属分目标",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="indicators",
    )
    value_y2 = models.CharField("前年值", max_length=200, blank=True)
    value_y1 = models.CharField("上年值", max_length=200, blank=True)
    standard = models.CharField("绩效标准", max_length=50, blank=True)

    history = HistoricalRecords(excluded_fields=["lock_version"])

    class Meta:
        verbose_name = "整体绩效指标"
        verbose_name_plural = "整体绩效指标"
        ordering = ["budget", "position", "id"]

    def __str__(self):
        return f"{self.level1}/{self.level2}/{self.level3}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.goal_id and self.budget_id and self.goal.budget_id != self.budget_id:
            raise ValidationError({"goal": "所属分目标必须是本预算的目标。"})
