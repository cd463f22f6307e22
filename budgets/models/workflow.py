"""The publishing workflow log: every 提交 / 退回 / 发布 / 更正 of a budget, with who and why."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from budgets.models.budget import Budget, BudgetStatus


class TransitionAction(models.TextChoices):
    SUBMIT = "submit", "提交"
    RETURN = "return", "退回"
    PUBLISH = "publish", "发布"
    REOPEN = "reopen", "更正（重新打开为草稿）"


class BudgetTransition(models.Model):
    """One state change of a budget (草稿 → 已提交 → 已发布, 退回, 更正)."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField("操作", max_length=10, choices=TransitionAction.choices)
    from_status = models.CharField("原状态", max_length=10, choices=BudgetStatus.choices)
    to_status = models.CharField("新状态", max_length=10, choices=BudgetStatus.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="budget_transitions",
    )
    comment = models.TextField("意见/原因", blank=True)
    created_at = models.DateTimeField("时间", default=timezone.now)

    class Meta:
        verbose_name = "流转记录"
        verbose_name_plural = "流转记录"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(action__in=["return", "reopen"], comment=""),
                name="transition_return_reopen_need_comment",
                violation_error_message="退回和更正必须填写原因。",
            ),
            models.CheckConstraint(
                condition=~models.Q(from_status=models.F("to_status")),
                name="transition_changes_status",
                violation_error_message="流转必须改变状态。",
            ),
        ]
        indexes = [models.Index(fields=["budget", "-created_at"], name="transition_budget_time")]

    def __str__(self):
        return f"{self.budget} {self.get_action_display()}"
