"""Preview (dry run) and import of a budget workbook: all or nothing, every problem named.

Each sheet's rows go through its django-import-export resource (``resources/``) with
``import_data(..., use_transactions=False)`` and ``collect=True``: the widgets read the
cells, lookups resolve codes from dicts loaded once, and every valid row becomes an
unsaved model instance. Only when no sheet has a problem does ``budget_workbook_import``
write, in bulk, inside its one transaction (``writing.py``).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from budgets.fields import ZERO, quantize
from budgets.models import Budget, BudgetStatus, Department, PriorYearFigures, Region
from budgets.services.organisation import organisation_problems
from budgets.workbook import writing
from budgets.workbook.layout import INFO, SHEET
from budgets.workbook.numeric_codes import numeric_codes_restore
from budgets.workbook.reading import Problem, SheetRows, workbook_sheets
from budgets.workbook.resources import (
    RESOURCES,
    BudgetLookups,
    InfoResource,
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
        info = self.data.get("department", {})
        return f"{info.get('name', '')}{self.data.get('budget', {}).get('year', '')}年部门预算"


def _clean(resource, rows: SheetRows, index: int, problems: list[Problem]) -> dict | None:
    """One row of a sheet read field by field (基本信息, 上年对比数), or None if a cell is bad."""
    row = dict(zip(rows.dataset.headers, rows.dataset[index], strict=True))
    record, ok = {}, True
    for name, resource_field in resource.fields.items():
        try:
            record[name] = resource_field.clean(row)
        except ValueError as error:
            problems.append(
                Problem(
                    rows.sheet.title, rows.numbers[index], resource_field.column_name, str(error)
                )
            )
            ok = False
    return record if ok else None


# 基本信息 column key → the model field its value goes into (validated before writing).
HEAD_FIELDS = {
    "region_code": (Region, "code"),
    "region_name": (Region, "name"),
    "department_code": (Department, "code"),
    "department_name": (Department, "name"),
    "short_name": (Department, "short_name"),
    "supervising_section": (Department, "supervising_section"),
}


def _head(rows: SheetRows, problems: list[Problem]) -> dict | None:
    """The 基本信息 row (cells read by ``InfoResource``), or None with its problems."""
    if not rows.numbers:
        if not any(p.sheet == rows.sheet.title for p in problems):
            problems.append(Problem(rows.sheet.title, 2, "", "缺少基本信息（第 2 行）"))
        return None
    head = _clean(InfoResource(), rows, 0, problems)
    if head is None:
        return None
    checks: list[tuple[str, Callable[[Any], None]]] = [
        (key, partial(_field_clean, *target)) for key, target in HEAD_FIELDS.items()
    ]
    checks += [("year", _year_in_range), ("cover_date", _iso_date)]
    bad = [
        (INFO.column(key).header, message)
        for key, check in checks
        if head[key] and (message := _invalid(check, head[key]))
    ]
    problems += [Problem(rows.sheet.title, rows.numbers[0], h, m) for h, m in bad]
    return None if bad else head


def _field_clean(model, name: str, value) -> None:
    model._meta.get_field(name).clean(value, None)


def _year_in_range(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise ValidationError("预算年度应在 2000—2100 之间。")


def _iso_date(value: str) -> None:
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"“{value}”不是日期（格式：2022-03-01）") from None


def _invalid(check, value) -> str | None:
    try:
        check(value)
    except ValidationError as error:
        return error.messages[0]
    return None


def _description(head: dict) -> dict:
    return {
        "region": {"code": head["region_code"], "name": head["region_name"]},
        "department": {
            "code": head["department_code"],
            "name": head["department_name"],
            "short_name": head["short_name"],
            "supervising_section": head.get("supervising_section") or "",
        },
        "budget": {"year": head["year"], "cover_date": head["cover_date"] or None},
    }


def _lookups(head: dict, existing: Budget | None) -> BudgetLookups:
    if existing is None:
        department = Department.objects.filter(
            region__code=head["region_code"], code=head["department_code"]
        ).first()
        if department is not None:
            head = dict(head, department=department)
    return BudgetLookups.for_workbook(head, existing)


def _organisation_check(rows: SheetRows, head: dict, problems, *, create_missing: bool) -> bool:
    """Region, department and year of 基本信息 exist (unless ``create_missing``) and keep
    their names: an import writes inside one budget only. False with problems otherwise."""
    found = organisation_problems(data=_description(head), create_missing=create_missing)
    problems += [
        Problem(rows.sheet.title, rows.numbers[0], INFO.column(key).header, message)
        for key, message in found
    ]
    return not found


def budget_workbook_preview(*, data: bytes, create_missing: bool = False) -> Preview:
    """Read and check the whole workbook without writing anything.

    ``create_missing``: the operator's import may create the region, department and year.
    """
    sheets, problems = workbook_sheets(data)
    preview = Preview(problems=problems)
    if not sheets:
        return preview
    preview.warnings = numeric_codes_restore(sheets)
    preview.counts = {rows.sheet.title: len(rows.numbers) for rows in sheets.values()}
    head = _head(sheets["info"], problems)
    if head is None:
        return preview
    preview.data = _description(head)
    if not _organisation_check(sheets["info"], head, problems, create_missing=create_missing):
        return preview
    preview.existing = (
        Budget.objects.filter(
            department__region__code=head["region_code"],
            department__code=head["department_code"],
            fiscal_year__year=head["year"],
        )
        .select_related("department__region", "fiscal_year")
        .first()
    )
    lookups = _lookups(head, preview.existing)
    for key in RECORD_SHEETS:
        preview.records[key] = _read(key, sheets[key], lookups, problems)
    preview.records["previous_year"] = _prior(sheets["previous_year"], problems)
    _check_goal(preview.records, problems)
    preview.totals = _totals(preview.records)
    return preview


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
        if (record := _clean(resource, rows, index, problems)) is not None:
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
