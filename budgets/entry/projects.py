"""A project in one go: its name, kind, unit, lines and indicators, checked and created
together (``project_create_with_lines``), errors shown next to the row that has them."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from simple_history.utils import bulk_create_with_history

from budgets.entry import views
from budgets.entry.lookups import budget_lookups
from budgets.entry.rows import Problem, RowChecker, parse_amount, text, unit_of
from budgets.entry.services import (
    MAX_ROWS,
    TOO_MANY,
    GridRefused,
    check_project_total,
    check_state,
    lock_budget,
)
from budgets.models import (
    Budget,
    ExpenditureLine,
    Project,
    ProjectIndicator,
    ProjectIndicatorLevel1,
    ProjectKind,
)

PROJECT_FIELDS = {"code": "项目编码", "name": "项目名称", "kind": "项目类型", "unit": "项目单位"}
NO_LINES = "请至少填写一行项目支出明细。"
LEVEL1 = "一级指标“{value}”无法识别：请填写成本指标、产出指标、效益指标或满意度指标。"
TOO_LONG = "{label}最多 {limit} 个字。"


@dataclass
class ProjectProblems:
    project: list[Problem] = field(default_factory=list)
    lines: list[Problem] = field(default_factory=list)
    indicators: list[Problem] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.project or self.lines or self.indicators)

    def as_json(self) -> dict:
        return {part: [p.as_json() for p in getattr(self, part)] for part in PARTS}


PARTS = ("project", "lines", "indicators")


class ProjectRefused(ValidationError):
    def __init__(self, problems: ProjectProblems):
        self.problems = problems
        count = sum(len(getattr(problems, part)) for part in PARTS)
        super().__init__(f"保存失败：有 {count} 处需要更正（见各行提示），本次没有保存任何内容。")


def _kind_of(value: str) -> str | None:
    for key, label in ProjectKind.choices:
        if value in (key, label):
            return key
    return None


def _project(budget: Budget, lookups, fields: dict, problems: ProjectProblems) -> Project:
    cells = {name: text(fields.get(name)) for name in (*PROJECT_FIELDS, "declared_total")}

    def error(name, message):
        problems.project.append(Problem(-1, name, message))

    for name, label in PROJECT_FIELDS.items():
        if not cells[name]:
            error(name, f"请填写{label}。")
    unit = unit_of(cells["unit"], lookups) if cells["unit"] else None
    if cells["unit"] and unit is None:
        error("unit", f"预算单位“{cells['unit']}”不是本部门的预算单位。")
    kind = _kind_of(cells["kind"]) if cells["kind"] else ""
    if kind is None:
        error("kind", f"项目类型“{cells['kind']}”无法识别。")
    for name, limit in (("code", 30), ("name", 200)):
        if len(cells[name]) > limit:
            error(name, TOO_LONG.format(label=PROJECT_FIELDS[name], limit=limit))
    if cells["code"] and budget.projects.filter(code=cells["code"]).exists():
        error("code", f"本预算已有项目编码 {cells['code']}；同一预算中项目编码不能重复。")
    declared = None
    if cells["declared_total"]:
        declared, message = parse_amount(cells["declared_total"])
        if message:
            error("declared_total", message)
    return Project(
        budget=budget,
        unit=unit,
        code=cells["code"],
        name=cells["name"],
        kind=kind or "",
        declared_total=declared,
    )


def _level1(value: str) -> str | None:
    for key, _ in ProjectIndicatorLevel1.choices:
        if value in (key, key.removesuffix("指标")):
            return key
    return None


INDICATOR_FIELDS = {"level1": ("一级指标", 10), "level2": ("二级指标", 30)}
INDICATOR_FIELDS |= {"level3": ("三级指标", 200), "value": ("指标值", 200)}


def _indicators(rows: list[dict], problems: ProjectProblems) -> list[ProjectIndicator]:
    indicators: list[ProjectIndicator] = []
    for index, row in enumerate(rows):
        cells = {name: text(row.get(name)) for name in INDICATOR_FIELDS}
        if not any(cells.values()):
            continue
        before = len(problems.indicators)
        level1 = _level1(cells["level1"]) if cells["level1"] else None
        if not cells["level1"]:
            problems.indicators.append(Problem(index, "level1", "请填写一级指标。"))
        elif level1 is None:
            problems.indicators.append(
                Problem(index, "level1", LEVEL1.format(value=cells["level1"]))
            )
        if not cells["level3"]:
            problems.indicators.append(Problem(index, "level3", "请填写三级指标。"))
        for name, (label, limit) in INDICATOR_FIELDS.items():
            if name != "level1" and len(cells[name]) > limit:
                message = TOO_LONG.format(label=label, limit=limit)
                problems.indicators.append(Problem(index, name, message))
        if len(problems.indicators) == before:
            indicators.append(
                ProjectIndicator(
                    level1=level1 or "",
                    level2=cells["level2"],
                    level3=cells["level3"],
                    value=cells["value"],
                    position=len(indicators) + 1,
                )
            )
    return indicators


@transaction.atomic
def project_create_with_lines(
    *, budget: Budget, fields: dict, rows: list[dict], indicators: list[dict], user
) -> Project:
    """Create a project with its lines and indicators, or nothing (``ProjectRefused``
    names every problem by part, row and cell)."""
    if len(rows) > MAX_ROWS or len(indicators) > MAX_ROWS:
        raise GridRefused([], TOO_MANY)
    budget = lock_budget(budget)
    check_state(budget, user)
    lookups = budget_lookups(budget=budget)
    problems = ProjectProblems()
    project = _project(budget, lookups, fields, problems)
    checked = RowChecker(lookups, project).check(rows)
    problems.lines = checked.errors
    if not checked.lines and not checked.errors:
        problems.lines.append(Problem(0, "amount", NO_LINES))
    new_indicators = _indicators(indicators, problems)
    if not problems.lines:
        try:
            check_project_total(project, checked.lines)
        except GridRefused as error:
            problems.project.append(Problem(-1, "declared_total", error.messages[0]))
    if problems:
        raise ProjectRefused(problems)
    last = budget.projects.aggregate(last=Max("position"))["last"] or 0
    project.position = last + 1
    project.save()
    for line in checked.lines:
        line.project = project
    bulk_create_with_history(checked.lines, ExpenditureLine, default_user=user)
    for indicator in new_indicators:
        indicator.project = project
    bulk_create_with_history(new_indicators, ProjectIndicator, default_user=user)
    return project


def project_new_view(model_admin, request, object_id):
    budget = views.entry_budget(model_admin, request, object_id)
    if request.method == "POST":
        return _project_save(request, budget)
    if not views.is_editable(request, budget):
        return views.locked_redirect(model_admin, request, budget)
    context = views.grid_context(model_admin, request, budget, new_project=True)
    context["title"] = "新建项目（项目信息、支出明细和绩效指标一次填完）"
    context["kinds"] = ProjectKind.choices
    context["level1_choices"] = ProjectIndicatorLevel1.choices
    context["units"] = budget.department.units.order_by("code")
    return TemplateResponse(request, "budgets/entry/project.html", context)


def _project_save(request, budget) -> JsonResponse:
    try:
        payload = views.read_payload(request)
        fields = payload.get("project")
        if not isinstance(fields, dict):
            raise ValueError(views.MALFORMED)
        rows = views.read_rows(payload.get("rows"))
        indicators = views.read_rows(payload.get("indicators"))
    except ValueError as error:
        return views.refused(str(error))
    try:
        project = project_create_with_lines(
            budget=budget, fields=fields, rows=rows, indicators=indicators, user=request.user
        )
    except ProjectRefused as error:
        return views.refused(error.messages[0], errors=error.problems.as_json())
    except GridRefused as error:
        return views.refused(error.messages[0])
    except ValidationError as error:
        return views.refused(" ".join(error.messages), status=403)
    url = reverse("admin:budget_entry_project", args=[budget.pk, project.pk])
    return JsonResponse({"ok": True, "message": f"已创建项目：{project}", "url": url})
