"""Field-level rules for data entry, with the Chinese messages clerks see.

Used by the models' ``clean()`` (so the admin and the importer give the same messages).
Cross-table rules of the disclosure (spec section 3) live with the tables, not here.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError

from budgets.catalogue_messages import code_editions, unknown_code_message
from budgets.fields import quantize
from budgets.formatting import format_amount
from budgets.models.catalogues import (
    ClassificationLevel,
    CorrespondenceScope,
    EconomicCorrespondence,
    EconomicScheme,
    correspondence_scope,
)
from budgets.models.lines import OTHER_LINE_KINDS, LineKind

# The scheme as the workbook's columns name it, in the shared unknown-code message.
SHORT_LABELS = {
    EconomicScheme.DEPARTMENT: "部门经济分类",
    EconomicScheme.GOVERNMENT: "政府经济分类",
}


PathOf = Callable[[Any], str]  # a catalogue row → its path label (pickers.py)


def db_paths(year: int) -> PathOf:
    """Path labels read from the catalogue: one query per message, on error paths only."""

    def path(subject) -> str:
        from budgets.pickers import label_path  # pickers needs the models loaded

        return label_path(subject, year=year)

    return path


def _edition_error(subject, label: str, year: int) -> str:
    """A subject of another edition: the shared unknown-code message (one query, only on
    this error path)."""
    editions = code_editions(type(subject), subject.code, scheme=getattr(subject, "scheme", ""))
    return unknown_code_message(
        label=label, code=subject.code, year=year, editions=editions, name=subject.name
    )


def _functional_error(line, year: int, path: PathOf) -> str | None:
    subject = line.functional_subject
    if subject.level != ClassificationLevel.ITEM:
        return f"功能分类科目 {path(subject)} 不是 {year} 年度有效的“项”级科目，请选择 7 位的“项”级科目。"
    if not subject.is_valid_in(year):
        return _edition_error(subject, "功能分类", year)
    return None


def _economic_error(
    subject, scheme: str, year: int, path: PathOf, province: str = ""
) -> str | None:
    label = EconomicScheme(scheme).label
    if subject.scheme != scheme:
        return f"科目 {subject.code} 不属于{label}。"
    if subject.province and subject.province != province:
        return f"{label}科目 {subject.code} 是其他省份的地方科目，不能用于本地区的预算。"
    # A line sits on a 款, or on a province's 7-digit 子目.
    leaf_levels = {ClassificationLevel.SECTION, ClassificationLevel.SUBITEM}
    if subject.level not in leaf_levels:
        return f"{label}科目 {path(subject)} 不是 {year} 年度有效的“款”级科目。"
    if not subject.is_valid_in(year):
        return _edition_error(subject, SHORT_LABELS[EconomicScheme(scheme)], year)
    return None


def _province(line) -> str:
    """The province digits of the line's region; read only for a province's own entries."""
    uses_local = any(
        getattr(line, field).province
        for field in ("dept_economic", "gov_economic")
        if getattr(line, f"{field}_id")
    )
    if not uses_local:
        return ""
    from budgets.models.registry import follow

    # Also through an unsaved budget (a workbook read before its budget exists).
    region = follow(line, "budget__department__region")
    return region.code[:2] if region is not None and region.code else ""


def pair_scopes(dept_code: str, gov_code: str, year: int) -> set[str]:
    """The unit kinds (行政/事业) for which the economic pair is an allowed correspondence."""
    return set(
        EconomicCorrespondence.objects.valid_in(year)
        .filter(dept_code=dept_code, gov_code=gov_code)
        .values_list("applies_to", flat=True)
    )


def cross_kind_message(*, dept_code: str, gov_code: str, scopes: set[str], unit) -> str | None:
    """The warning for a pair meant for the other unit kind, or None if the pair fits."""
    if not scopes or correspondence_scope(unit.kind) in scopes:
        return None
    other = CorrespondenceScope(sorted(scopes)[0]).label
    return (
        f"部门经济分类 {dept_code} 与政府经济分类 {gov_code} "
        f"的对应关系适用于{other}，而预算单位“{unit.name}”是{unit.get_kind_display()}。"
    )


def economic_pair_warning(line) -> str | None:
    """A pair meant for the other unit kind: allowed (real budgets mix them), but flagged."""
    dept_code, gov_code = line.dept_economic.code, line.gov_economic.code
    scopes = pair_scopes(dept_code, gov_code, line.budget.year)
    return cross_kind_message(dept_code=dept_code, gov_code=gov_code, scopes=scopes, unit=line.unit)


def line_errors(line) -> None:
    """Raise a ValidationError naming each bad field of an expenditure line."""
    from budgets.models.registry import follow, own_unit_errors

    errors: dict[str, str] = {}
    budget = follow(line, "budget")  # also an unsaved budget (the lines of a new budget)
    if budget is not None and budget.fiscal_year_id:
        errors.update(_catalogue_errors(line, budget.year))
    errors.update(own_unit_errors(line))
    errors.update(_project_link_errors(line))
    if errors:
        raise ValidationError(errors)


def line_subject_errors(line, year: int, *, path: PathOf | None = None) -> dict[str, str]:
    """Subjects valid in the budget year at the right level. A message names the subject
    by its whole path (``path``: the workbook passes its lookup tables; by default read
    from the catalogue, only when there is a message)."""
    path = path or db_paths(year)
    errors: dict[str, str | None] = {}
    if line.functional_subject_id:
        errors["functional_subject"] = _functional_error(line, year, path)
    province = _province(line)
    if line.dept_economic_id:
        errors["dept_economic"] = _economic_error(
            line.dept_economic, EconomicScheme.DEPARTMENT, year, path, province
        )
    if line.gov_economic_id:
        errors["gov_economic"] = _economic_error(
            line.gov_economic, EconomicScheme.GOVERNMENT, year, path, province
        )
    return {field: message for field, message in errors.items() if message}


def _catalogue_errors(line, year: int) -> dict[str, str]:
    """Subjects valid in the budget year at the right level, and a corresponding pair."""
    errors = line_subject_errors(line, year)
    # A province's own entries have no published 部门↔政府 correspondence to check against.
    pair_checkable = (
        line.dept_economic_id
        and line.gov_economic_id
        and not (line.dept_economic.province or line.gov_economic.province)
    )
    if pair_checkable and not (errors.get("dept_economic") or errors.get("gov_economic")):
        dept, gov = line.dept_economic, line.gov_economic
        if not pair_scopes(dept.code, gov.code, year):
            from budgets.pickers import label_paths

            paths = label_paths([dept, gov], year=year)  # one query, for both
            errors["gov_economic"] = (
                f"部门经济分类 {paths[dept.pk]} 与政府经济分类 {paths[gov.pk]} 不存在对应关系。"
            )
    return {field: message for field, message in errors.items() if message}


def missing_pair_message(dept, gov) -> str:
    """An economic pair in no correspondence of the year (an error)."""
    return (
        f"部门经济分类 {dept.code} {dept.name} 与政府经济分类 "
        f"{gov.code} {gov.name} 不存在对应关系。"
    )


def _project_link_errors(line) -> dict[str, str]:
    if line.kind == LineKind.BASIC and line.project_id:
        return {"project": "基本支出不能属于项目。"}
    if line.kind == LineKind.PROJECT and not line.project_id:
        return {"project": "项目支出必须选择所属项目。"}
    if line.kind in OTHER_LINE_KINDS and line.project_id:
        return {"project": f"{line.get_kind_display()}不能属于项目。"}
    if line.project_id and line.unit_id and line.project.unit_id != line.unit_id:
        return {
            "unit": (
                f"项目支出明细的预算单位（{line.unit.name}）与所属项目的预算单位"
                f"（{line.project.unit.name}）不一致。"
            )
        }
    return {}


def project_errors(project) -> None:
    """Raise a ValidationError if the project's unit is not one of the budget's department."""
    from budgets.models.registry import own_unit_errors

    if errors := own_unit_errors(project):
        raise ValidationError(errors)


def project_total_error(declared_total: Decimal | None, lines_total: Decimal) -> str | None:
    """Message when a project's lines do not add up to its declared total (万元)."""
    if declared_total is None:
        return None
    lines_total = quantize(lines_total)
    if lines_total == quantize(declared_total):
        return None
    difference = quantize(abs(lines_total - declared_total))
    return (
        f"项目支出明细合计 {format_amount(lines_total, blank_zero=False)} 万元与项目总额 {format_amount(declared_total, blank_zero=False)} 万元"
        f"不一致，相差 {format_amount(difference, blank_zero=False)} 万元。"
    )


# --- Hebei: 资金支出计划 and 政府采购 -------------------------------------------------


def _percent(value: Decimal) -> str:
    from budgets.formatting import format_trimmed

    return f"{format_trimmed(value)}%"


def spending_plan_problems(plan: list[tuple[str, Decimal | None]]) -> list[str]:
    """What is wrong with a cumulative 资金支出计划 [(checkpoint, percent or None), …]:
    a later checkpoint below an earlier one, or a last checkpoint other than 100%.
    An empty checkpoint is "not filled" (003 leaves 3月底 empty) and is skipped. These are
    check warnings, not entry errors: a plan may be filled in several sittings."""
    filled = [(label, value) for label, value in plan if value is not None]
    if not filled:
        return ["未填写资金支出计划。"]
    problems = []
    for (before, low), (after, high) in zip(filled, filled[1:], strict=False):
        if high < low:
            problems.append(
                f"资金支出计划是累计数，不能减少：{after} {_percent(high)} 小于 {before} {_percent(low)}。"
            )
    last_label, last = plan[-1]
    if last is None:
        problems.append(f"资金支出计划未填写{last_label}（应为 100%）。")
    elif last != 100:
        problems.append(f"资金支出计划到{last_label}应为 100%，现为 {_percent(last)}。")
    return problems


def _unit_code(obj) -> str | None:
    """The code of the object's unit, also of an unsaved one (a workbook being read)."""
    if obj.unit_id is None and "unit" not in obj._state.fields_cache:
        return None
    return obj.unit.code


def procurement_errors(item) -> dict[str, str]:
    """Field messages for a 政府采购 item (no query but the project's own row); the item
    may be unsaved, with unsaved project and unit (a workbook being read)."""
    errors: dict[str, str] = {}
    if not item.category:
        errors["category"] = (
            "请选择采购类别，或填写以 A（货物）、B（工程）、C（服务）开头的政府采购目录序号。"
        )
    if item.amount is not None and item.sme_amount is not None and item.sme_amount > item.amount:
        errors["sme_amount"] = (
            f"面向中小企业预留金额 {format_amount(item.sme_amount, blank_zero=False)} 万元"
            f"不能大于采购金额 {format_amount(item.amount, blank_zero=False)} 万元。"
        )
    if item.project_id:
        project = item.project
        if item.budget_id and project.budget_id != item.budget_id:
            errors["project"] = f"项目来源“{project.name}”不是本预算的项目。"
        elif (mine := _unit_code(item)) and (theirs := _unit_code(project)) and mine != theirs:
            errors["project"] = (
                f"项目来源“{project.name}”属于预算单位“{project.unit.name}”，"
                f"与采购单位“{item.unit.name}”不一致。"
            )
    return errors
