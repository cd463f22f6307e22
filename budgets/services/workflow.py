"""The publishing workflow: 草稿 → 已提交 → 已发布, 退回 and 更正.

Every transition is one ``@transaction.atomic`` service that checks the user's right
(group permission *and* department scope), refuses with a Chinese ``ValidationError``,
and writes a ``BudgetTransition`` (who, when, comment). ``user=None`` means the system
itself (management commands), which may do everything.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from budgets.models import Budget, BudgetStatus, BudgetTransition, TransitionAction
from budgets.selectors import visible_departments
from budgets.signals import budget_published, budget_transition_requested

# action → (permission, allowed source states, target state)
RULES = {
    TransitionAction.SUBMIT: (
        "budgets.submit_budget",
        {BudgetStatus.DRAFT},
        BudgetStatus.SUBMITTED,
    ),
    TransitionAction.RETURN: (
        "budgets.return_budget",
        {BudgetStatus.SUBMITTED},
        BudgetStatus.DRAFT,
    ),
    TransitionAction.PUBLISH: (
        "budgets.publish_budget",
        {BudgetStatus.SUBMITTED},
        BudgetStatus.PUBLISHED,
    ),
    TransitionAction.REOPEN: (
        "budgets.reopen_budget",
        {BudgetStatus.PUBLISHED},
        BudgetStatus.DRAFT,
    ),
}


def budget_transition_allowed(*, user, budget: Budget, action: TransitionAction) -> bool:
    """May ``user`` apply ``action`` to ``budget`` now (right, scope and current state)?"""
    permission, sources, _ = RULES[action]
    if budget.status not in sources:
        return False
    if user is None:
        return True
    if not user.is_active or not user.has_perm(permission):
        return False
    return visible_departments(user).filter(pk=budget.department_id).exists()


def budget_allowed_actions(*, user, budget: Budget) -> list[TransitionAction]:
    return [
        a for a in TransitionAction if budget_transition_allowed(user=user, budget=budget, action=a)
    ]


def _transition(*, budget: Budget, user, action: TransitionAction, comment: str) -> Budget:
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    _, sources, target = RULES[action]
    if budget.status not in sources:
        raise ValidationError(
            f"当前状态为“{budget.get_status_display()}”，不能{TransitionAction(action).label}。"
        )
    if not budget_transition_allowed(user=user, budget=budget, action=action):
        raise PermissionDenied(f"您没有{TransitionAction(action).label}该部门预算的权限。")
    budget_transition_requested.send(sender=Budget, budget=budget, user=user, action=action)
    return budget


def _record(budget: Budget, *, user, action, source, comment: str) -> BudgetTransition:
    target = RULES[action][2]
    Budget.objects.filter(pk=budget.pk).update(status=target)
    budget.status = target
    return BudgetTransition.objects.create(
        budget=budget,
        action=action,
        from_status=source,
        to_status=target,
        user=user,
        comment=comment,
    )


@transaction.atomic
def budget_submit(*, budget: Budget, user=None, comment: str = "") -> BudgetTransition:
    """审核员 submits a draft to the finance bureau.

    The ``disclosures`` app refuses it while the disclosure checks find errors.
    """
    budget = _transition(budget=budget, user=user, action=TransitionAction.SUBMIT, comment=comment)
    return _record(
        budget, user=user, action=TransitionAction.SUBMIT, source=budget.status, comment=comment
    )


def _commented(budget, user, action, comment: str, missing: str) -> BudgetTransition:
    """A transition whose reason is required (``missing`` is the message without one)."""
    if not comment.strip():
        raise ValidationError(missing)
    budget = _transition(budget=budget, user=user, action=action, comment=comment)
    return _record(budget, user=user, action=action, source=budget.status, comment=comment)


@transaction.atomic
def budget_return(*, budget: Budget, user=None, comment: str) -> BudgetTransition:
    """Send a submitted budget back to the clerk as a draft; the reason is required."""
    return _commented(budget, user, TransitionAction.RETURN, comment, "退回时必须填写退回原因。")


@transaction.atomic
def budget_publish(*, budget: Budget, user=None, comment: str = "") -> BudgetTransition:
    """财政管理员 publishes a submitted budget as its next frozen version (第 N 版).

    A correction (version ≥ 2) needs a reason: ``comment``, else the reopening reason.
    Freezing the version is the ``disclosures`` app's (``budget_published`` signal), which
    also refuses the transition while its checks find errors.
    """
    budget = _transition(budget=budget, user=user, action=TransitionAction.PUBLISH, comment=comment)
    source = budget.status
    reason = comment.strip()
    if budget.publications.exists() and not reason:
        reopened = budget.transitions.filter(action=TransitionAction.REOPEN).first()
        reason = reopened.comment if reopened else ""
        if not reason:
            raise ValidationError("更正发布必须填写更正原因。")
    budget_published.send(sender=Budget, budget=budget, user=user, reason=reason)
    return _record(
        budget, user=user, action=TransitionAction.PUBLISH, source=source, comment=reason
    )


@transaction.atomic
def budget_reopen(*, budget: Budget, user=None, comment: str) -> BudgetTransition:
    """Reopen a published budget as a new draft revision (更正); the public keeps the old version."""
    return _commented(budget, user, TransitionAction.REOPEN, comment, "更正时必须填写更正原因。")


def budget_last_return(*, budget: Budget) -> BudgetTransition | None:
    """The latest 退回 of a draft budget (its reason is shown to the clerk), if any."""
    if budget.status != BudgetStatus.DRAFT:
        return None
    last = budget.transitions.first()
    return last if last and last.action == TransitionAction.RETURN else None
