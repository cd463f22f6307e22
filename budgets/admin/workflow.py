"""Workflow in the admin: transition buttons on the budget page, read-only non-drafts.

Clerks edit only drafts: once a budget is 已提交 or 已发布 its data are shown read-only
to everybody but a superuser, until it is 退回 or reopened for 更正.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from budgets.models import BudgetTransition, TransitionAction
from budgets.models.registry import edit_refusal
from budgets.services.workflow import (
    budget_allowed_actions,
    budget_last_return,
    budget_publish,
    budget_reopen,
    budget_return,
    budget_submit,
    budget_transition_allowed,
)

# Transitions that list the open warnings and ask for a confirmation first.
CONFIRMED = {TransitionAction.SUBMIT, TransitionAction.PUBLISH}

SERVICES = {
    TransitionAction.SUBMIT: budget_submit,
    TransitionAction.RETURN: budget_return,
    TransitionAction.PUBLISH: budget_publish,
    TransitionAction.REOPEN: budget_reopen,
}


def is_editable(request, obj) -> bool:
    """The state lock of the registry of budget-owned models (``models/registry.py``)."""
    return obj is None or request.user.is_superuser or edit_refusal(obj) is None


class DraftOnlyMixin:
    """For ModelAdmins and inlines of budget data: change/add/delete only on drafts.

    For an inline, ``obj`` is the parent (a budget or project); for a unit, the lock is its
    department's (no unit changes while a budget of the department is 已提交).
    """

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and is_editable(request, obj)

    def has_add_permission(self, request, obj=None):
        args = (request, obj) if isinstance(self, admin.options.InlineModelAdmin) else (request,)
        return super().has_add_permission(*args) and is_editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and is_editable(request, obj)


class TransitionInline(admin.TabularInline):
    model = BudgetTransition
    extra = 0
    can_delete = False
    fields = ("created_at", "action", "from_status", "to_status", "user", "comment")
    readonly_fields = fields
    verbose_name_plural = "流转记录（提交、退回、发布、更正）"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return True


class WorkflowAdminMixin:
    """Adds ``<id>/transition/<action>/`` (POST, with ``comment``) and its buttons."""

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/transition/<str:action>/",
                self.admin_site.admin_view(self.transition_view),
                name="budgets_budget_transition",
            )
        ]
        return urls + super().get_urls()

    def workflow_context(self, request, budget) -> dict:
        actions = budget_allowed_actions(user=request.user, budget=budget)
        return {
            "workflow_actions": [
                (action.label, reverse("admin:budgets_budget_transition", args=[budget.pk, action]))
                for action in actions
            ],
            "workflow_last_return": budget_last_return(budget=budget),
            "workflow_status": budget.get_status_display(),
        }

    def transition_view(self, request, object_id, action):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        budget = self.get_object(request, object_id)
        if budget is None or action not in TransitionAction.values:
            raise PermissionDenied
        budget = get_object_or_404(type(budget), pk=budget.pk)
        action = TransitionAction(action)
        comment = request.POST.get("comment", "")
        confirming = (
            action in CONFIRMED
            and not request.POST.get("confirmed")
            and budget_transition_allowed(user=request.user, budget=budget, action=action)
        )
        if confirming and (warnings := open_warnings(budget)):
            return self.confirm_view(request, budget, action, comment, warnings)
        try:
            SERVICES[action](budget=budget, user=request.user, comment=comment)
        except ValidationError as error:
            for message in error.messages:
                self.message_user(request, message, messages.ERROR)
        else:
            self.message_user(request, f"已{action.label}：{budget}", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:budgets_budget_change", args=[budget.pk]))

    def confirm_view(self, request, budget, action, comment, warnings):
        """Before 提交/发布 over open warnings: list them and ask to go on (or go back)."""
        context = {
            **self.admin_site.each_context(request),
            "title": f"确认{action.label}：{budget}",
            "opts": self.model._meta,
            "original": budget,
            "action_label": action.label,
            "action_url": reverse("admin:budgets_budget_transition", args=[budget.pk, action]),
            "comment": comment,
            "warnings": warnings,
        }
        return TemplateResponse(request, "admin/budgets/budget/transition_confirm.html", context)


def open_warnings(budget) -> list[str]:
    """The checks' open 提示 of a budget (errors refuse the transition in the service)."""
    from disclosures.checks import Level, check_budget

    findings = check_budget(budget_id=budget.pk)
    if any(f.level == Level.ERROR for f in findings):
        return []  # refused anyway, with the errors listed
    return [f.message for f in findings if f.level == Level.WARNING]


class AuditAdminMixin:
    """``<id>/audit/``: the budget's 修改记录 (all its data), for reviewers and the bureau."""

    def get_urls(self):
        urls = [
            path(
                "<path:object_id>/audit/",
                self.admin_site.admin_view(self.audit_view),
                name="budgets_budget_audit",
            )
        ]
        return urls + super().get_urls()

    def audit_view(self, request, object_id):
        from budgets.audit import budget_audit_entries

        budget = self.get_object(request, object_id)
        if budget is None or not request.user.has_perm("budgets.view_historicalbudget"):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": f"{budget} 修改记录",
            "opts": self.model._meta,
            "original": budget,
            "entries": budget_audit_entries(budget=budget),
        }
        return TemplateResponse(request, "admin/budgets/budget/audit.html", context)
