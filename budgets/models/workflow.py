"""The review trail of a budget: every state change with who, when and why."""

from django.conf import settings
from django.db import models

from budgets.models.budget import Budget, BudgetStatus


class TransitionAction(models.TextChoices):
    SUBMIT = "submit", "提交财政"
    RETURN = "return", "退回修改"
    PUBLISH = "publish", "发布"
    REOPEN = "reopen", "更正（重新打开）"


class BudgetTransition(models.Model):
    """One step of 草稿 → 已提交 → 已发布 (or 退回 / 更正), as it happened."""

    budget = models.ForeignKey(
        Budget, verbose_name="部门预算", on_delete=models.CASCADE, related_name="transitions"
    )
    action = models.CharField("操作", max_length=10, choices=TransitionAction.choices)
    from_status = models.CharField("原状态", max_length=10, choices=BudgetStatus.choices)
    to_status = models.CharField("新状态", max_length=10, choices=BudgetStatus.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="操作人",
        on_delete=models.PROTECT,
        related_name="budget_transitions",
    )
    comment = models.TextField("说明", blank=True)
    created_at = models.DateTimeField("时间", auto_now_add=True)

    class Meta:
        verbose_name = "审核记录"
        verbose_name_plural = "审核记录"
        ordering = ["budget", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(action__in=["return", "reopen"]) | ~models.Q(comment=""),
                name="transition_return_reopen_need_reason",
                violation_error_message="退回和更正必须填写原因。",
            )
        ]

    def __str__(self):
        return f"{self.budget} {self.get_action_display()}"
