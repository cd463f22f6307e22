"""The grid pages and their JSON saves, served by the budget admin (``entry/admin.py``).

Who may: a user who sees the budget (the admin's department scoping) and may add, change
and delete 支出明细 (填报员, superuser), on a draft (a superuser also on other states,
as in the admin). Whoever sees the budget and may view its 支出明细 but not edit them now
(审核员, 财政管理员, a clerk once the budget is submitted or published) gets the same grid
read-only: the rows, totals and checks, no inputs and no save, and a note saying why.
A save is JSON; every answer to it is JSON with a Chinese message: 200 saved, 400 refused
(every problem with its row and cell), 409 somebody else saved meanwhile, 403 not
allowed — never a 500 for anything the client sends.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied, RequestDataTooBig, ValidationError
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse

from budgets.admin.workflow import is_editable
from budgets.entry.lookups import budget_lookups, message_templates, page_catalogue
from budgets.entry.selectors import grid_rows, grid_version, outside_totals
from budgets.entry.services import GridConflict, GridRefused, budget_lines_replace
from budgets.models import Budget, LineKind, Project
from budgets.models.registry import edit_refusal

LINE_PERMISSIONS = (
    "budgets.add_expenditureline",
    "budgets.change_expenditureline",
    "budgets.delete_expenditureline",
)
MALFORMED = "无法读取提交的数据（格式不正确），没有保存任何内容；请刷新页面后重试。"
TOO_BIG = "提交的数据过大，没有保存任何内容；请分批粘贴保存。"


VIEW_PERMISSION = "budgets.view_expenditureline"
NOT_EDITOR = "只读：您可以查看本预算的支出明细，但没有修改权限（由本部门的填报员填写）。"
NOT_EDITOR_SAVE = "您没有修改支出明细的权限，没有保存任何内容。"


def entry_budget(model_admin, request, object_id, *, viewing: bool = False) -> Budget:
    """The budget, if the user sees it and may enter its lines (``viewing``: or only view
    them); else PermissionDenied."""
    budget = model_admin.get_object(request, str(object_id))
    allowed = may_view_lines(request.user) if viewing else request.user.has_perms(LINE_PERMISSIONS)
    if budget is None or not allowed:
        raise PermissionDenied
    return budget


def may_view_lines(user) -> bool:
    return user.has_perm(VIEW_PERMISSION) or user.has_perms(LINE_PERMISSIONS)


def may_enter(request, budget) -> bool:
    """For the link on the budget page."""
    return request.user.has_perms(LINE_PERMISSIONS) and is_editable(request, budget)


def read_only_reason(request, budget) -> str | None:
    """Why the grid is shown read-only to this user, in Chinese; None when they may edit."""
    if not request.user.has_perms(LINE_PERMISSIONS):
        return NOT_EDITOR
    if not is_editable(request, budget):
        return f"只读：{edit_refusal(budget)}"
    return None


def locked_redirect(model_admin, request, budget):
    model_admin.message_user(request, edit_refusal(budget) or "", messages.ERROR)
    return HttpResponseRedirect(reverse("admin:budgets_budget_change", args=[budget.pk]))


def json_dumps(value) -> str:
    """Compact JSON, safe inside ``<script type="application/json">`` (UTF-8, not \\u)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")


def grid_context(
    model_admin, request, budget, project=None, *, new_project=False, read_only=None
) -> dict:
    """The page's context; ``read_only``: why the grid is shown without inputs (or None)."""
    lookups = budget_lookups(budget=budget)
    projects = list(
        budget.projects.select_related("unit").order_by("unit__code", "position", "code")
    )
    kind = LineKind.PROJECT if project or new_project else LineKind.BASIC
    data = {
        "readOnly": bool(read_only),
        "kind": kind.value,
        "year": budget.year,
        "catalogue": page_catalogue(lookups),
        "messages": message_templates(lookups),
        "rows": [] if new_project else grid_rows(budget=budget, project=project),
        "version": "" if new_project else grid_version(budget=budget, project=project),
        "outside": outside_totals(budget=budget, project=project, everything=new_project),
        "project": (
            {"unit": project.unit.code, "unitName": project.unit.name, "name": project.name}
            if project
            else None
        ),
        "declared": f"{project.declared_total:.2f}" if project and project.declared_total else None,
    }
    title = f"{project.code} {project.name}" if project else "基本支出"
    if read_only:
        title += "（只读）"
    return {
        **model_admin.admin_site.each_context(request),
        "is_nav_sidebar_enabled": False,
        "title": f"表格录入：{title}",
        "opts": model_admin.model._meta,
        "original": budget,
        "budget": budget,
        "project": project,
        "projects": projects,
        "grid_data": json_dumps(data),
        "read_only": read_only,
    }


def grid_view(model_admin, request, object_id, project_id=None):
    posting = request.method == "POST"
    budget = entry_budget(model_admin, request, object_id, viewing=True)
    project = None
    if project_id is not None:
        project = get_object_or_404(
            Project.objects.select_related("unit"), pk=project_id, budget=budget
        )
    if posting and not request.user.has_perms(LINE_PERMISSIONS):
        return refused(NOT_EDITOR_SAVE, status=403)
    if posting:
        return grid_save(request, budget, project)
    reason = read_only_reason(request, budget)
    context = grid_context(model_admin, request, budget, project, read_only=reason)
    return TemplateResponse(request, "budgets/entry/grid.html", context)


def read_payload(request) -> dict:
    """The JSON object a page posted; ValueError (Chinese) for anything else."""
    try:
        payload = json.loads(request.body.decode("utf-8"))
    except RequestDataTooBig:
        raise ValueError(TOO_BIG) from None
    except (UnicodeDecodeError, ValueError):
        raise ValueError(MALFORMED) from None
    if not isinstance(payload, dict):
        raise ValueError(MALFORMED)
    return payload


def read_rows(value) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(row, dict) for row in value):
        raise ValueError(MALFORMED)
    for row in value:
        if row.get("id") is not None and (not isinstance(row["id"], int) or row["id"] < 1):
            raise ValueError(MALFORMED)
        if any(not isinstance(v, (str, int, float, type(None))) for v in row.values()):
            raise ValueError(MALFORMED)
    return value


def refused(message: str, status: int = 400, **extra) -> JsonResponse:
    return JsonResponse({"ok": False, "message": message, **extra}, status=status)


def grid_save(request, budget, project) -> JsonResponse:
    try:
        payload = read_payload(request)
        rows = read_rows(payload.get("rows"))
        version = payload.get("version")
        if not isinstance(version, str):
            raise ValueError(MALFORMED)
    except ValueError as error:
        return refused(str(error))
    try:
        saved = budget_lines_replace(
            budget=budget, project=project, rows=rows, version=version, user=request.user
        )
    except GridConflict as error:
        return refused(error.messages[0], status=409, conflict=True)
    except GridRefused as error:
        return refused(error.messages[0], errors=[p.as_json() for p in error.problems])
    except ValidationError as error:
        return refused(" ".join(error.messages), status=403)
    message = f"已保存：新增 {saved.created} 行，修改 {saved.updated} 行，删除 {saved.deleted} 行。"
    return JsonResponse(
        {
            "ok": True,
            "message": message,
            "version": saved.version,
            "ids": saved.ids,
            "warnings": [p.as_json() for p in saved.warnings],
        }
    )
