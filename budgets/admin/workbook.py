"""Excel workbooks in the admin: export a budget, upload → preview → confirm, blank template."""

from typing import Any, Protocol
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from budgets.admin.scoping import visible_departments
from budgets.formatting import format_amount
from budgets.uploads import size_text, upload_problem
from budgets.workbook.export import (
    blank_workbook,
    budget_workbook_export,
    budget_workbook_template,
)
from budgets.workbook.importing import (
    ImportRefused,
    budget_workbook_import,
    budget_workbook_preview,
)
from budgets.workbook.pending import (
    pending_upload_delete,
    pending_upload_read,
    pending_upload_store,
)
from budgets.workbook.reading import Problem

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXPIRED = "预览已过期，请重新上传。"
SESSION_KEY = "budget_workbook_token"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def _own_department(user, preview) -> bool:
    department = preview.data.get("department", {}).get("code")
    region = preview.data.get("region", {}).get("code")
    return visible_departments(user).filter(code=department, region__code=region).exists()


def _total(amount) -> str:
    return "" if amount is None else format_amount(amount, blank_zero=False)


class _MessagingAdmin(Protocol):
    """What ``_refused`` needs of the ModelAdmin the mixin is mixed into."""

    def message_user(self, request: Any, message: str, level: int = ..., *args: Any) -> None: ...


class BudgetWorkbookAdminMixin:
    """Adds the workbook views to the budget admin."""

    def get_urls(self):
        wrap = self.admin_site.admin_view
        extra = [
            path(
                "workbook/import/", wrap(self.workbook_import_view), name="budget_workbook_import"
            ),
            path(
                "workbook/template/",
                wrap(self.workbook_template_view),
                name="budget_workbook_template",
            ),
            path(
                "<path:object_id>/workbook/template/",
                wrap(self.workbook_budget_template_view),
                name="budget_workbook_budget_template",
            ),
            path(
                "<path:object_id>/workbook/",
                wrap(self.workbook_export_view),
                name="budget_workbook_export",
            ),
        ]
        return extra + super().get_urls()

    def workbook_export_view(self, request, object_id):
        budget = get_object_or_404(self.get_queryset(request), pk=object_id)
        return _xlsx(budget_workbook_export(budget=budget), f"{budget}.xlsx")

    def workbook_budget_template_view(self, request, object_id):
        """The import template with this budget's 基本信息 and 预算单位 filled in."""
        budget = get_object_or_404(self.get_queryset(request), pk=object_id)
        return _xlsx(budget_workbook_template(budget=budget), f"{budget}导入模板.xlsx")

    def workbook_template_view(self, request):
        return _xlsx(blank_workbook(), "部门预算导入模板.xlsx")

    def workbook_import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "从 Excel 导入预算",
            "max_size": size_text(settings.WORKBOOK_UPLOAD_MAX_BYTES),
        }
        if request.method == "POST" and request.POST.get("cancel"):
            return self._cancel(request)
        if request.method == "POST" and request.POST.get("token"):
            return self._confirm(request, context)
        if request.method == "POST" and (problem := upload_problem(request, "workbook")):
            context["problem"] = problem
        elif request.method == "POST" and request.FILES.get("workbook"):
            return self._preview(request, context)
        return TemplateResponse(request, "admin/budgets/workbook/upload.html", context)

    def _preview(self, request, context):
        data = request.FILES["workbook"].read()
        preview = budget_workbook_preview(data=data)
        if preview.ok and not _own_department(request.user, preview):
            preview.problems.append(Problem("基本信息", 2, "部门代码", "您只能导入本部门的预算"))
        pending_upload_delete(token=request.session.pop(SESSION_KEY, ""))
        token = ""
        if preview.ok:
            token = pending_upload_store(data=data)
            request.session[SESSION_KEY] = token
        shown = settings.WORKBOOK_PROBLEMS_SHOWN
        context.update(
            preview=preview,
            sheet_rows=[
                (title, count, _total(preview.totals.get(title)))
                for title, count in preview.counts.items()
            ],
            token=token,
            title="导入预览",
            problems_shown=preview.problems[:shown],
            problems_hidden=max(len(preview.problems) - shown, 0),
        )
        return TemplateResponse(request, "admin/budgets/workbook/preview.html", context)

    def _cancel(self, request):
        """取消: the kept upload is removed at once."""
        pending_upload_delete(token=request.session.pop(SESSION_KEY, ""))
        self.message_user(request, "已取消导入，上传的工作簿已删除。", messages.INFO)
        return HttpResponseRedirect(reverse("admin:budget_workbook_import"))

    def _confirm(self, request, context):
        token = request.POST["token"]
        if token != request.session.get(SESSION_KEY):
            raise Http404(EXPIRED)
        data = pending_upload_read(token=token)
        if data is None:
            raise Http404(EXPIRED)
        if not _own_department(request.user, budget_workbook_preview(data=data)):
            raise PermissionDenied
        try:
            budget = budget_workbook_import(data=data, replace=bool(request.POST.get("replace")))
        except ImportRefused as refused:
            pending_upload_delete(token=request.session.pop(SESSION_KEY, ""))
            self._refused(request, refused.problems)
            return HttpResponseRedirect(reverse("admin:budget_workbook_import"))
        pending_upload_delete(token=token)
        request.session.pop(SESSION_KEY, None)
        self.message_user(
            request, f"已导入 {budget}。下方是十二张公开表的检查结果。", messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:budgets_budget_change", args=[budget.pk]))

    def _refused(self: _MessagingAdmin, request, problems: list[Problem]) -> None:
        """The first problems as messages, then how many more there are."""
        shown = settings.WORKBOOK_PROBLEMS_SHOWN
        for problem in problems[:shown]:
            self.message_user(request, str(problem), messages.ERROR)
        if len(problems) > shown:
            self.message_user(
                request,
                f"共 {len(problems)} 个问题，仅显示前 {shown} 个。",
                messages.ERROR,
            )
