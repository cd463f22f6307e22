"""The 基本信息 sheet: the budget's region, department and year, read cell by cell.

When 基本信息 cannot be read whole (sheet or column missing, a bad year, an unknown
department …) the preview still checks every other sheet, so that a clerk sees all the
problems of the workbook at once. ``fallback_lookups`` builds the lookups for that check
from the cells that could be read: the department code as written (units must start with
it; no check without it) and the year as written when it is set up, else the latest year
set up, with a note naming the year whose catalogue the codes were checked against.
"""

import datetime
from collections.abc import Callable
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError

from budgets.models import Department, FiscalYear, Region
from budgets.workbook.layout import INFO
from budgets.workbook.reading import Problem, SheetRows
from budgets.workbook.resources import BudgetLookups, InfoResource

# 基本信息 column key → the model field its value goes into (validated before writing).
HEAD_FIELDS = {
    "region_code": (Region, "code"),
    "region_name": (Region, "name"),
    "department_code": (Department, "code"),
    "department_name": (Department, "name"),
    "short_name": (Department, "short_name"),
    "supervising_section": (Department, "supervising_section"),
}


def row_clean(
    resource, rows: SheetRows, index: int, problems: list[Problem], *, present_only=False
) -> tuple[dict, bool]:
    """One row of a sheet read field by field: the readable values, and whether all were.

    ``present_only``: columns missing from the sheet are skipped (already reported)."""
    row = dict(zip(rows.dataset.headers, rows.dataset[index], strict=True))
    record, ok = {}, True
    for name, resource_field in resource.fields.items():
        if present_only and resource_field.column_name not in row:
            record[name] = resource_field.blank
            ok = ok and not resource_field.required
            continue
        try:
            record[name] = resource_field.clean(row)
        except ValueError as error:
            number = rows.numbers[index]
            problems.append(
                Problem(rows.sheet.title, number, resource_field.column_name, str(error))
            )
            ok = False
    return record, ok


def head_read(rows: SheetRows, problems: list[Problem]) -> tuple[dict | None, dict]:
    """The 基本信息 row, or None with its problems; and the values that could be read."""
    if not rows.numbers:
        if not any(p.sheet == rows.sheet.title for p in problems):
            problems.append(Problem(rows.sheet.title, 2, "", "缺少基本信息（第 2 行）"))
        return None, {}
    head, ok = row_clean(InfoResource(), rows, 0, problems, present_only=True)
    checks: list[tuple[str, Callable[[Any], None]]] = [
        (key, partial(_field_clean, *target)) for key, target in HEAD_FIELDS.items()
    ]
    checks += [("year", _year_in_range), ("cover_date", _iso_date)]
    for key, check in checks:
        if head.get(key) and (message := _invalid(check, head[key])):
            header = INFO.column(key).header
            problems.append(Problem(rows.sheet.title, rows.numbers[0], header, message))
            head.pop(key)
            ok = False
    return (head if ok else None), head


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


def head_description(head: dict) -> dict:
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


def head_lookups(head: dict, existing) -> BudgetLookups:
    """Lookups of the budget 基本信息 names (its department's units when it exists)."""
    if existing is None:
        department = Department.objects.filter(
            region__code=head.get("region_code") or "", code=head.get("department_code") or ""
        ).first()
        if department is not None:
            head = dict(head, department=department)
    return BudgetLookups.for_workbook(head, existing)


def fallback_lookups(known: dict, warnings: list[Problem]) -> BudgetLookups:
    """Lookups for checking the other sheets when 基本信息 is unusable; a note says how."""
    years = FiscalYear.objects.values_list("year", flat=True)
    year = known.get("year")
    if year not in set(years):
        year = years.first() or datetime.date.today().year
    head = {
        "region_code": known.get("region_code") or "",
        "region_name": known.get("region_name") or "",
        "department_code": known.get("department_code") or "",
        "department_name": known.get("department_name") or "",
        "year": year,
    }
    unit_check = (
        f"单位代码按部门代码 {head['department_code']} 核对"
        if head["department_code"]
        else "未核对单位代码是否属于本部门"
    )
    warnings.append(
        Problem(
            INFO.title,
            0,
            "",
            f"基本信息有误，其他工作表暂按 {year} 年度科目目录核对，{unit_check}；"
            "改正基本信息后请重新上传再核对一次。",
        )
    )
    return head_lookups(head, None)
