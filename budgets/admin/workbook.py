"""Excel workbooks in the admin: export a budget, upload → preview → confirm, blank template."""

import secrets
import tempfile
from pathlib import Path
from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from budgets.admin.scoping import visible_departments
from budgets.workbook.export import blank_workbook, budget_workbook_export
from budgets.workbook.importing import (
    ImportRefused,
    budget_workbook_import,
    budget_workbook_preview,
)
from budgets.workbook.reading import Problem

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UPLOADS = Path(tempfile.gettempdir()) / "budget-workbook-uploads"


def _xlsx(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


def _own_department(user, preview) -> bool:
    department = preview.data.get("department", {}).get("code")
    region = preview.data.get("region", {}).get("code")
    return visible_departments(user).filter(code=department, region__code=region).exists()


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
                "<path:object_id>/workbook/",
                wrap(self.workbook_export_view),
                name="budget_workbook_export",
            ),
        ]
        return extra + super().get_urls()

    def workbook_export_view(self, request, object_id):
        budget = get_object_or_404(self.get_queryset(request), pk=object_id)
        return _xlsx(budget_workbook_export(budget=budget), f"{budget}.xlsx")

    def workbook_template_view(self, request):
        return _xlsx(blank_workbook(), "部门预算导入模板.xlsx")

    def workbook_import_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "从 Excel 导入预算",
        }
        if request.method == "POST" and request.POST.get("token"):
            return self._confirm(request, context)
        if request.method == "POST" and request.FILES.get("workbook"):
            return self._preview(request, context)
        return TemplateResponse(request, "admin/budgets/workbook/upload.html", context)

    def _preview(self, request, context):
        data = request.FILES["workbook"].read()
        preview = budget_workbook_preview(data=data)
        if preview.ok and not _own_department(request.user, preview):
            preview.problems.append(Problem("基本信息", 2, "部门代码", "您只能导入本部门的预算"))
        token = ""
        if preview.ok:
            token = secrets.token_urlsafe(16)
            UPLOADS.mkdir(parents=True, exist_ok=True)
            (UPLOADS / f"{token}.xlsx").write_bytes(data)
            request.session["budget_workbook_token"] = token
        context.update(preview=preview, token=token, title="导入预览")
        return TemplateResponse(request, "admin/budgets/workbook/preview.html", context)

    def _confirm(self, request, context):
        token = request.POST["token"]
        if token != request.session.get("budget_workbook_token"):
            raise Http404("预览已过期，请重新上传。")
        upload = UPLOADS / f"{token}.xlsx"
        if not upload.exists():
            raise Http404("预览已过期，请重新上传。")
        data = upload.read_bytes()
        if not _own_department(request.user, budget_workbook_preview(data=data)):
            raise PermissionDenied
        try:
            budget = budget_workbook_import(data=data, replace=bool(request.POST.get("replace")))
        except ImportRefused as refused:
            for problem in refused.problems:
                self.message_user(request, str(problem), messages.ERROR)
            return HttpResponseRedirect(reverse("admin:budget_workbook_import"))
        upload.unlink(missing_ok=True)
        self.message_user(
            request, f"已导入 {budget}。下方是十二张公开表的检查结果。", messages.SUCCESS
        )
        return HttpResponseRedirect(reverse("admin:budgets_budget_change", args=[budget.pk]))
