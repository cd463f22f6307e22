"""The 功能分类 family: expenditure by 功能分类 科目, in one of two row layouts.

- ``ITEMS_SPLIT`` (Henan 预算03/05/09表): 合计, the department, then one row per 项 with
  its code split into 类 | 款 | 项 columns.
- ``SUBTOTALS`` (Hubei （三）（五）（八）): 合计, then depth-first 类 → 款 → 项 subtotal
  rows, each code whole in one column, no department row.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.models import LineKind
from disclosures.tables.base import Column, ReportTable, Row, RowKind, amount, code, group, text
from disclosures.tables.common import expenditure_sums
from disclosures.tables.data import BudgetData, Cell


class Layout:
    ITEMS_SPLIT = "items_split"
    SUBTOTALS = "subtotals"


@dataclass(frozen=True)
class FunctionalOptions:
    title: str  # with ``{year}``
    columns: Callable[[], list[Column]]
    # cells → amount cells of one row
    sums: Callable[[BudgetData, list[Cell]], dict[str, Decimal]]
    layout: str = Layout.ITEMS_SPLIT
    notes: tuple[str, ...] = ()
    empty_notes: tuple[str, ...] = ()  # added when the table has no money
    empty_rows: int = 0  # an empty table prints this many blank rows and no 合计 (Hubei)
    cells: Callable[[Cell], bool] = field(default=lambda cell: True)


def henan_sums(data: BudgetData, cells: list[Cell]) -> dict[str, Decimal]:
    """合计 | 基本支出 [小计, 人员经费 […], 公用经费 […]] | 项目支出 [小计, …] (Henan)."""
    return expenditure_sums(cells, {p.pk: p.kind for p in data.projects})


# Hubei's 其中 columns by line kind (002 prints 0.00 in the last three: it has no such lines).
HUBEI_KIND_COLUMNS = {
    "basic": LineKind.BASIC,
    "project": LineKind.PROJECT,
    "business": LineKind.OPERATING,
    "other": LineKind.OTHER,
    "carry_forward": LineKind.CARRY_FORWARD,
}


def by_kind_sums(data: BudgetData, cells: list[Cell]) -> dict[str, Decimal]:
    """预算数 | 基本支出 | 项目支出 | 事业单位经营支出 | 其他支出 | 结转下年支出 (Hubei)."""
    sums = {"total": quantize(sum((c.amount for c in cells), ZERO))}
    for key, kind in HUBEI_KIND_COLUMNS.items():
        sums[key] = quantize(sum((c.amount for c in cells if c.kind == kind), ZERO))
    return sums


def by_kind_columns() -> list[Column]:
    """Hubei （三）（五）（八）: 功能分类科目 [科目编码 | 科目名称] | 预算数 | 其中 […]."""
    return [
        group("功能分类科目", code("code", "科目编码"), text("name", "科目名称")),
        amount("total", "预算数"),
        group(
            "其中",
            amount("basic", "基本支出"),
            amount("project", "项目支出"),
            amount("business", "事业单位经营支出"),
            amount("other", "其他支出"),
            amount("carry_forward", "结转下年支出"),
        ),
    ]


def _items_split_rows(data, cells, sums) -> list[Row]:
    by_item: dict[str, list[Cell]] = defaultdict(list)
    for cell in cells:
        by_item[cell.func_code].append(cell)
    department = data.department
    rows = [
        Row(RowKind.TOTAL, {"name": "合计", **sums(data, cells)}),
        Row(
            RowKind.DEPARTMENT,
            {"unit_code": department.code, "name": department.name, **sums(data, cells)},
        ),
    ]
    for item_code in sorted(by_item):
        item_cells = by_item[item_code]
        split = {"cat": item_code[:3], "sec": item_code[3:5], "item": item_code[5:7]}
        rows.append(
            Row(RowKind.ITEM, {**split, "name": item_cells[0].func_name, **sums(data, item_cells)})
        )
    return rows


LEVELS = ((3, RowKind.CATEGORY), (5, RowKind.SECTION), (7, RowKind.ITEM))


def _subtotal_rows(data, cells, sums) -> list[Row]:
    """合计, then every 类, 款 and 项 with money, depth-first in code order."""
    by_code: dict[str, list[Cell]] = defaultdict(list)
    item_names: dict[str, str] = {}
    for cell in cells:
        item_names[cell.func_code] = cell.func_name
        for length, _kind in LEVELS:
            by_code[cell.func_code[:length]].append(cell)
    rows = [Row(RowKind.TOTAL, {"name": "合计", **sums(data, cells)})]
    kinds = dict(LEVELS)
    for subject_code in sorted(by_code):  # "210" < "21007" < "2100799" < "21011": depth-first
        subject = data.functional.get(subject_code)
        name = item_names.get(subject_code) or (subject.name if subject else "")
        rows.append(
            Row(
                kinds[len(subject_code)],
                {"code": subject_code, "name": name, **sums(data, by_code[subject_code])},
            )
        )
    return rows


def functional_table(data: BudgetData, options: FunctionalOptions) -> ReportTable:
    """The table of ``options`` over the cells it selects."""
    cells = [c for c in data.cells if options.cells(c)]
    notes = list(options.notes)
    if not cells:
        notes += options.empty_notes
    if not cells and options.empty_rows:
        rows = [Row(RowKind.ITEM, {}) for _ in range(options.empty_rows)]
    elif options.layout == Layout.SUBTOTALS:
        rows = _subtotal_rows(data, cells, options.sums)
    else:
        rows = _items_split_rows(data, cells, options.sums)
    return ReportTable(
        number=0,
        title=options.title.format(year=data.year),
        department_name=data.department.display_name,
        columns=options.columns(),
        rows=rows,
        notes=notes,
    )
