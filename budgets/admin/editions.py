"""导入年度目录: upload one classification's official file for one year → diff → confirm.

The upload passes the guards of the workbook import (size limit while the body is read,
archive checks before openpyxl); a file that passes every cell check is kept privately
(``budgets/workbook/pending.py``) under a token in the session, with the fingerprint of
the previewed changes, and applied only when the administrator confirms. If the loaded
catalogue changed meanwhile, the confirmation is refused and nothing is written.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from budgets.catalogue_files import EditionFileRefused
from budgets.services.editions import EDITION_KINDS, edition_compare, edition_load, edition_read
from budgets.uploads import size_text, upload_problem
from budgets.workbook.pending import (
    pending_upload_delete,
    pending_upload_read,
    pending_upload_store,
)

SESSION_KEY = "catalogue_edition"
EXPIRED = "预览已过期或已被处理，未写入任何内容：请重新上传文件。"
MODELS = {
    "functional": "functionalsubject",
    "dept_economic": "economicsubject",
    "gov_economic": "economicsubject",
    "correspondence": "economiccorrespondence",
}


class EditionUploadForm(forms.Form):
    kind = forms.ChoiceField(label="分类", choices=list(EDITION_KINDS.items()))
    year = forms.IntegerField(
        label="适用年度", min_value=2000, max_value=2100, help_text="该目录适用的预算年度"
    )
    edition_file = forms.FileField(label="目录文件（.xlsx 或 .csv）")


def may_load(user, kind: str) -> bool:
    """Loading an edition adds, changes and ends entries of the kind's catalogue."""
    model = MODELS[kind]
    return all(user.has_perm(f"budgets.{action}_{model}") for action in ("add", "change"))


class EditionLoadAdminMixin:
    """Adds 导入年度目录 to a catalogue admin (one view for the three classifications)."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.edition_load_view)
        return [path("edition/", view, name="catalogue_edition_load"), *super().get_urls()]

    def edition_load_view(self, request):
        if not any(may_load(request.user, kind) for kind in EDITION_KINDS):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "导入年度目录",
            "max_size": size_text(settings.WORKBOOK_UPLOAD_MAX_BYTES),
        }
        if request.method == "POST" and request.POST.get("cancel"):
            return self._edition_cancel(request)
        if request.method == "POST" and request.POST.get("token"):
            return self._edition_confirm(request)
        form = EditionUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and (problem := upload_problem(request, "edition_file")):
            context["problems"] = [problem]
        elif request.method == "POST" and form.is_valid():
            return self._edition_preview(request, form, context)
        context["form"] = form
        return TemplateResponse(request, "admin/budgets/edition/upload.html", context)

    def _edition_preview(self, request, form, context):
        kind, year = form.cleaned_data["kind"], form.cleaned_data["year"]
        if not may_load(request.user, kind):
            raise PermissionDenied
        data = form.cleaned_data["edition_file"].read()
        self._edition_forget(request)
        try:
            entries = edition_read(data=data, kind=kind, year=year)
        except EditionFileRefused as refused:
            context.update(form=form, problems=refused.problems[: settings.WORKBOOK_PROBLEMS_SHOWN])
            context["problems_hidden"] = max(len(refused.problems) - len(context["problems"]), 0)
            return TemplateResponse(request, "admin/budgets/edition/upload.html", context)
        diff = edition_compare(kind=kind, year=year, entries=entries)
        token = ""
        if diff.changed:
            token = pending_upload_store(data=data)
            request.session[SESSION_KEY] = {
                "token": token,
                "kind": kind,
                "year": year,
                "digest": diff.digest(),
            }
        context.update(diff=diff, token=token, title=f"导入预览：{year} 年度{diff.label}")
        return TemplateResponse(request, "admin/budgets/edition/preview.html", context)

    def _edition_forget(self, request) -> dict:
        pending = request.session.pop(SESSION_KEY, None) or {}
        pending_upload_delete(token=pending.get("token", ""))
        return pending

    def _edition_cancel(self, request):
        self._edition_forget(request)
        self.message_user(request, "已取消导入，上传的文件已删除。", messages.INFO)
        return HttpResponseRedirect(reverse("admin:catalogue_edition_load"))

    def _edition_confirm(self, request):
        pending = request.session.get(SESSION_KEY) or {}
        data = None
        if pending.get("token") == request.POST["token"]:
            data = pending_upload_read(token=pending["token"])
        self._edition_forget(request)
        if data is None:
            self.message_user(request, EXPIRED, messages.ERROR)
            return HttpResponseRedirect(reverse("admin:catalogue_edition_load"))
        if not may_load(request.user, pending["kind"]):
            raise PermissionDenied
        try:
            entries = edition_read(data=data, kind=pending["kind"], year=pending["year"])
            diff = edition_load(
                kind=pending["kind"],
                year=pending["year"],
                entries=entries,
                digest=pending["digest"],
            )
        except EditionFileRefused as refused:
            for problem in refused.problems[: settings.WORKBOOK_PROBLEMS_SHOWN]:
                self.message_user(request, problem, messages.ERROR)
            return HttpResponseRedirect(reverse("admin:catalogue_edition_load"))
        self.message_user(
            request,
            f"已导入 {diff.year} 年度{diff.label}：新增 {len(diff.added)} 项，"
            f"更名 {len(diff.renamed)} 项，删除 {len(diff.removed)} 项。",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:catalogue_edition_load"))
