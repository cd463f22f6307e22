"""Preview (dry run) and import of a budget workbook: all or nothing, every problem named.

Each sheet's rows go through its django-import-export resource (``resources/``) with
``import_data(..., use_transactions=False)`` and ``collect=True``: the widgets read the
cells, lookups resolve codes from dicts loaded once, and every valid row becomes an
unsaved model instance. Only when no sheet has a problem does ``budget_workbook_import``
write, in bulk, inside its one transaction (``writing.py``).
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from budgets.fields import ZERO, quantize
from budgets.models import Budget, BudgetStatus, PriorYearFigures
from budgets.services.organisation import organisation_problems
from budgets.workbook import writing
from budgets.workbook.heading import (
    fallback_lookups,
    head_description,
    head_lookups,
    head_read,
    row_clean,
)
from budgets.workbook.layout import INFO, SHEET
from budgets.workbook.numeric_codes import numeric_codes_restore
from budgets.workbook.reading import Problem, SheetRows, workbook_sheets
from budgets.workbook.resources import (
    RESOURCES,
    BudgetLookups,
    PriorYearResource,
    result_problems,
)

RECORD_SHEETS = [key for key in RESOURCES if key not in ("info", "previous_year")]


@dataclass
class Preview:
    """What importing would do: rows per sheet, problems, the budget and its new records.

    ``data`` holds the region, department and budget of 基本信息 (as in
    docs/demo-data-format.md); ``records`` the unsaved instances per sheet key.
    """

    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    # Not errors: what was read differently from the cell (a code Excel made a number).
    warnings: list[Problem] = field(default_factory=list)
    totals: dict[str, Decimal] = field(default_factory=dict)  # sheet title → 万元
    data: dict = field(default_factory=dict)
    existing: Budget | None = None
    records: dict[str, list] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def title(self) -> str:
        if not self.data:
            return "（基本信息有误，无法确定部门和年度）"
        info = self.data.get("department", {})
        return f"{info.get('name', '')}{self.data.get('budget', {}).get('year', '')}年部门预算"


def _organisation_check(rows: SheetRows, head: dict, problems, *, create_missing: bool) -> bool:
    """Region, department and year of 基本信息 exist (unless ``create_missing``) and keep
    their names: an import writes inside one budget only. False with problems otherwise."""
    found = organisation_problems(data=head_description(head), create_missing=create_missing)
    problems += [
        Problem(rows.sheet.title, rows.numbers[0], INFO.column(key).header, message)
        for key, message in found
    ]
    return not found


def budget_workbook_preview(*, data: bytes, create_missing: bool = False) -> Preview:
    """Read and check the whole workbook without writing anything.

    ``create_missing``: the operator's import may create the region, department and year.
    When 基本信息 is unusable the other sheets are still checked (``heading.py``), so
    every problem of every sheet is reported at once.
    """
    sheets, problems = workbook_sheets(data)
    preview = Preview(problems=problems)
    if not sheets:
        return preview
    preview.warnings = numeric_codes_restore(sheets)
    preview.counts = {rows.sheet.title: len(rows.numbers) for rows in sheets.values()}
    head, known = head_read(sheets["info"], problems)
    lookups = None
    if head is not None:
        preview.data = head_description(head)
        info = sheets["info"]
        if _organisation_check(info, head, problems, create_missing=create_missing):
            preview.existing = _existing(head)
            lookups = head_lookups(head, preview.existing)
        else:
            known = head
    if lookups is None:
        lookups = fallback_lookups(known, preview.warnings)
    for key in RECORD_SHEETS:
        preview.records[key] = _read(key, sheets[key], lookups, problems)
    preview.records["previous_year"] = _prior(sheets["previous_year"], problems)
    _check_goal(preview.records, problems)
    preview.totals = _totals(preview.records)
    return preview


def _existing(head: dict) -> Budget | None:
    return (
        Budget.objects.filter(
            department__region__code=head["region_code"],
            department__code=head["department_code"],
            fiscal_year__year=head["year"],
        )
        .select_related("department__region", "fiscal_year")
        .first()
    )


# sheet key → the amount each of its records adds to the sheet's total (万元).
TOTALLED = {
    "basic_lines": "amount",
    "projects": "declared_total",
    "project_lines": "amount",
    "procurement": "amount",
    "transfer_payments": "amount",
}


def _totals(records: dict[str, list]) -> dict[str, Decimal]:
    """The amount total of each sheet with amounts, of its readable rows (万元)."""
    return {
        SHEET[key].title: quantize(sum((getattr(r, name) or ZERO for r in records[key]), ZERO))
        for key, name in TOTALLED.items()
        if records.get(key)
    }


def _read(key: str, rows: SheetRows, lookups: BudgetLookups, problems: list[Problem]) -> list:
    """The sheet's rows as unsaved instances through its resource; problems appended."""
    resource = RESOURCES[key](lookups=lookups, collect=True)
    result = resource.import_data(
        rows.dataset, dry_run=False, raise_errors=False, use_transactions=False
    )
    problems += result_problems(resource, result, rows.numbers)
    if key == "units":
        lookups.units = resource.by_code
    elif key == "projects":
        lookups.projects = resource.by_code
    elif key == "department_goals":
        lookups.goals = resource.by_code
    return resource.collected


def _prior(rows: SheetRows, problems: list[Problem]) -> list[PriorYearFigures]:
    """上年对比数 as one ``PriorYearFigures`` (none without rows): a later row of the same
    项目 wins, a blank amount keeps the field's default."""
    resource, prior = PriorYearResource(), {}
    for index in range(len(rows.numbers)):
        record, ok = row_clean(resource, rows, index, problems)
        if ok:
            prior[record["key"]] = record["amount"]
    if not prior:
        return []
    return [PriorYearFigures(**{k: v for k, v in prior.items() if v is not None})]


def _check_goal(records: dict, problems: list[Problem]) -> None:
    if (records["tasks"] or records["indicators"]) and not records["objective"]:
        problems.append(
            Problem("整体绩效目标", 0, "年度履职目标", "填写了年度主要任务或整体绩效指标时必填")
        )


class ImportRefused(Exception):
    """The workbook was not imported; ``problems`` say why (nothing was written)."""

    def __init__(self, problems: list[Problem]):
        limit = settings.WORKBOOK_PROBLEMS_SHOWN  # a huge workbook, not a huge message
        shown = problems[:limit]
        more = f"；共 {len(problems)} 个问题" if len(problems) > limit else ""
        super().__init__("；".join(str(p) for p in shown) + more)
        self.problems = problems


def _refusal(preview: Preview, replace: bool) -> Problem | None:
    existing = preview.existing
    if existing is not None and existing.status != BudgetStatus.DRAFT:
        state = existing.get_status_display()
        return Problem(
            "基本信息",
            2,
            "",
            f"该预算{state}，不能被覆盖；请先建立更正版本（重新打开为草稿）再导入",
        )
    if existing is not None and not replace:
        return Problem("基本信息", 2, "", "该部门该年度的草稿预算已存在；确认替换后再导入")
    return None


@transaction.atomic
def budget_workbook_import(
    *, data: bytes, replace: bool = False, create_missing: bool = False
) -> Budget:
    """Import the workbook as one budget, or write nothing and raise ``ImportRefused``.

    Region, department and year must exist unless ``create_missing`` (the operator's
    ``import_budget --create-missing``); their names are never changed by an import.
    """
    preview = budget_workbook_preview(data=data, create_missing=create_missing)
    if not preview.ok:
        raise ImportRefused(preview.problems)
    if refusal := _refusal(preview, replace):
        raise ImportRefused([refusal])
    try:
        return writing.budget_records_write(
            data=preview.data, records=preview.records, create_missing=create_missing
        )
    except ValidationError as error:
        raise ImportRefused([Problem("数据", 0, "", m) for m in error.messages]) from None
