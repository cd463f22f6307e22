"""The review workflow: 草稿 → 已提交 → 已发布, 退回 and 更正, each step recorded.

Every service checks the user's role permission and department, refuses a transition the
current state does not allow, and refuses to submit or publish while the checks of the
tables report an error (listing them). Refusals are ``ValidationError`` in Chinese.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from budgets.models import Budget, BudgetStatus, BudgetTransition, TransitionAction
from budgets.selectors import visible_departments

S = BudgetStatus
# action → (allowed from, to, permission)
RULES = {
    TransitionAction.SUBMIT: ({S.DRAFT}, S.SUBMITTED, "budgets.submit_budget"),
    TransitionAction.RETURN: ({S.DRAFT, S.SUBMITTED}, S.DRAFT, "budgets.return_budget"),
    TransitionAction.PUBLISH: ({S.SUBMITTED}, S.PUBLISHED, "budgets.publish_budget"),
    TransitionAction.REOPEN: ({S.PUBLISHED}, S.DRAFT, "budgets.publish_budget"),
}


def budget_may(*, user, budget: Budget, action: str) -> bool:
    """Whether ``user`` may take ``action`` on ``budget`` now (role, department, state)."""
    allowed_from, _, permission = RULES[action]
    return (
        budget.status in allowed_from
        and user.has_perm(permission)
        and visible_departments(user).filter(pk=budget.department_id).exists()
    )


def _check_errors(budget: Budget, verb: str) -> None:
    from disclosures.checks import Level, check_budget

    errors = [f.message for f in check_budget(budget_id=budget.pk) if f.level == Level.ERROR]
    if errors:
        raise ValidationError(
            [f"校验发现 {len(errors)} 个错误，不能{verb}："] + [f"· {m}" for m in errors]
        )


def _transition(*, budget: Budget, user, action: str, comment: str) -> Budget:
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    allowed_from, to_status, _ = RULES[action]
    if not budget_may(user=user, budget=budget, action=action):
        if budget.status not in allowed_from:
            raise ValidationError(
                f"预算当前状态为“{budget.get_status_display()}”，不能{TransitionAction(action).label}。"
            )
        raise PermissionDenied("您没有权限对该部门的预算执行此操作。")
    if action in (TransitionAction.RETURN, TransitionAction.REOPEN) and not comment.strip():
        raise ValidationError("请填写原因。")
    BudgetTransition.objects.create(
        budget=budget,
        action=action,
        from_status=budget.status,
        to_status=to_status,
        user=user,
        comment=comment.strip(),
    )
    Budget.objects.filter(pk=budget.pk).update(status=to_status)
    budget.status = to_status
    return budget


@transaction.atomic
def budget_submit(*, budget: Budget, user, comment: str = "") -> Budget:
    """审核员 submits the department's draft to the finance bureau."""
    _check_errors(budget, "提交")
    return _transition(budget=budget, user=user, action=TransitionAction.SUBMIT, comment=comment)


@transaction.atomic
def budget_return(*, budget: Budget, user, reason: str) -> Budget:
    """Back to 草稿 with a reason the clerk sees."""
    return _transition(budget=budget, user=user, action=TransitionAction.RETURN, comment=reason)


@transaction.atomic
def budget_publish(*, budget: Budget, user, comment: str = ""):
    """财政管理员 publishes: the disclosure is frozen as the next numbered version."""
    from disclosures.services.publishing import publication_create

    _check_errors(budget, "发布")
    reopened = budget.transitions.filter(action=TransitionAction.REOPEN).first()
    budget = _transition(budget=budget, user=user, action=TransitionAction.PUBLISH, comment=comment)
    # A correction's 更正说明 carries the reason given when it was reopened.
    reason = comment or (reopened.comment if reopened and budget.publications.exists() else "")
    return publication_create(budget=budget, user=user, reason=reason)


@transaction.atomic
def budget_reopen(*, budget: Budget, user, reason: str) -> Budget:
    """Open a published budget as a draft revision; the public keeps seeing the last version."""
    return _transition(budget=budget, user=user, action=TransitionAction.REOPEN, comment=reason)


def budget_return_reason(budget: Budget) -> str:
    """The reason of the latest 退回 of a draft, shown to the clerk; empty otherwise."""
    if budget.status != BudgetStatus.DRAFT:
        return ""
    latest = budget.transitions.order_by("-created_at", "-id").first()
    return latest.comment if latest and latest.action == TransitionAction.RETURN else ""
