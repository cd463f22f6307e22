"""Review workflow in the admin: transition buttons, the clerk's 退回 reason, draft-only editing.

Budget data can be changed only while the budget is a draft (草稿); a submitted budget is
locked for everyone, a published one is changed only through 更正 (reopen as a revision).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse

from budgets.models import Budget, BudgetStatus, TransitionAction
from budgets.services.workflow import (
    budget_may,
    budget_publish,
    budget_reopen,
    budget_return,
    budget_return_reason,
    budget_submit,
)


def budget_editable(budget) -> bool:
    return budget is None or budget.status == BudgetStatus.DRAFT


class DraftLockMixin:
    """A ModelAdmin whose objects (or their budget, via ``budget_path``) edit only as drafts."""

    budget_path = "budget"

    def _budget_of(self, obj):
        if obj is None:
            return None
        return obj if not self.budget_path else getattr(obj, self.budget_path)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and budget_editable(
            self._budget_of(obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and budget_editable(
            self._budget_of(obj)
        )


class DraftLockInlineMixin:
    """An inline of a budget (or of a project) that edits only while the budget is a draft."""

    def _locked(self, obj) -> bool:
        if obj is None:
            return False
        budget = obj if isinstance(obj, Budget) else obj.budget
        return not budget_editable(budget)

    def has_add_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(obj) and super().has_delete_permission(request, obj)


ACTIONS = {
    TransitionAction.SUBMIT: lambda b, u, text: budget_submit(budget=b, user=u, comment=text),
    TransitionAction.RETURN: lambda b, u, text: budget_return(budget=b, user=u, reason=text),
    TransitionAction.PUBLISH: lambda b, u, text: budget_publish(budget=b, user=u, comment=text),
    TransitionAction.REOPEN: lambda b, u, text: budget_reopen(budget=b, user=u, reason=text),
}
DONE = {
    TransitionAction.SUBMIT: "已提交财政部门审核。",
    TransitionAction.RETURN: "已退回填报员修改。",
    TransitionAction.PUBLISH: "已发布，公众现在可以看到新的公开版本。",
    TransitionAction.REOPEN: "已重新打开为草稿，修改后再次发布即为更正版本；公众仍看到当前版本。",
}


class BudgetWorkflowAdminMixin:
    """Adds ``<id>/transition/<action>/`` and the workflow panel of the budget page."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.transition_view)
        extra = [path("<path:object_id>/transition/<str:action>/", view, name="budget_transition")]
        return extra + super().get_urls()

    def transition_view(self, request, object_id, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if action not in ACTIONS:
            raise PermissionDenied
        budget = get_object_or_404(self.get_queryset(request), pk=object_id)
        back = reverse("admin:budgets_budget_change", args=[budget.pk])
        try:
            ACTIONS[action](budget, request.user, request.POST.get("comment", ""))
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(back)
        self.message_user(request, DONE[action], messages.SUCCESS)
        return HttpResponseRedirect(back)

    def workflow_context(self, request, budget) -> dict:
        allowed = [
            (action, action.label)
            for action in ACTIONS
            if budget_may(user=request.user, budget=budget, action=action)
        ]
        return {
            "workflow_actions": allowed,
            "return_reason": budget_return_reason(budget),
            "transitions": budget.transitions.select_related("user")[:20],
            "publications": budget.publications.order_by("-version"),
        }
