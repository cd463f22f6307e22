"""The 收支总表 family: income rows beside expenditure by 功能分类 类, closed by totals.

Covers Henan 预算01表 (every catalogue 类, numbered by code, short names) and Hubei
（一） and （四） (a fixed list of 24 类, numbered in sequence with 廿一…廿四, full names).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from budgets.fields import ZERO
from budgets.funding import FundingGroup
from disclosures.tables.base import ReportTable, Row, RowKind, amount, group, text
from disclosures.tables.common import category_number, chinese_number, sum_by_category
from disclosures.tables.data import BudgetData, Cell, total

Predicate = Callable[[Cell], bool]


class Numbering:
    """How the 类 rows are numbered."""

    BY_CODE = "by_code"  # 210 → 十、 (Henan)
    SEQUENTIAL = "sequential"  # 1, 2, 3 … in list order, 21 → 廿一 (Hubei)


@dataclass(frozen=True)
class IncomeRow:
    label: str
    predicate: Predicate
    kind: RowKind = RowKind.CATEGORY


@dataclass(frozen=True)
class SummaryOptions:
    """The switches of a 收支总表; defaults are Henan's."""

    title: str  # with ``{year}``
    income_rows: tuple[IncomeRow, ...]
    amount_label: str = "金额"
    side_labels: tuple[str, str] = ("收入", "支出")
    # Fixed (code, name) list of 类, or None for every 类 of the year's catalogue.
    categories: tuple[tuple[str, str], ...] | None = None
    numbering: str = Numbering.BY_CODE
    full_names: bool = False  # 卫生健康支出 (catalogue name) instead of 卫生健康 (short name)
    cells: Predicate = lambda cell: True  # which money the table covers
    carried: Predicate = lambda cell: cell.group == FundingGroup.CARRY_OVER
    # (current income, current expenditure), (carried in, carried out), (grand totals)
    closing: tuple[tuple[str, str], tuple[str, str], tuple[str, str]] = (
        ("本年收入合计", "本年支出合计"),
        ("上年结转结余", "年终结转结余"),
        ("收入总计", "支出总计"),
    )
    # The year-end carry-forward: Henan prints it (zero); None leaves it empty.
    year_end_carry: Decimal | None = ZERO
    # Lines that are the year-end carry-forward (Hubei 结转下年): summed on that row, left out
    # of the 类 rows and of 本年支出合计; a zero sum prints empty, as 002 does.
    carried_out: Predicate | None = None
    separator_row: bool = False  # an empty row before the closing rows (Hubei)


def sequence_number(n: int) -> str:
    """1 → 一 … 20 → 二十, 21 → 廿一 … 29 → 廿九 (Hubei's numbering of the 24 类)."""
    numeral = chinese_number(n)
    return "廿" + numeral[2:] if 21 <= n <= 29 else numeral


def _categories(data: BudgetData, options: SummaryOptions) -> list[tuple[str, str]]:
    """(code, label without number) of the 类 rows, in print order."""
    if options.categories is not None:
        names = {c.code: c.name for c in data.categories()}
        return [
            (code, names.get(code, name) if options.full_names else name)
            for code, name in options.categories
        ]
    return [
        (c.code, c.name if options.full_names else (c.short_name or c.name))
        for c in data.categories()
    ]


def _expenditure(data: BudgetData, options: SummaryOptions, cells: list[Cell]) -> list[tuple]:
    by_category = sum_by_category(cells)
    rows = []
    for position, (code, name) in enumerate(_categories(data, options), start=1):
        number = (
            category_number(code)
            if options.numbering == Numbering.BY_CODE
            else sequence_number(position)
        )
        rows.append((f"{number}、{name}", by_category.get(code, ZERO), code))
    return rows


def _side_by_side(income: list[tuple], expenditure: list[tuple]) -> list[Row]:
    rows = []
    for i in range(max(len(income), len(expenditure))):
        in_label, in_amount, kind = income[i] if i < len(income) else ("", None, RowKind.ITEM)
        out_label, out_amount, out_code = expenditure[i] if i < len(expenditure) else ("", None, "")
        cells = {"in_label": in_label, "in_amount": in_amount, "out_label": out_label}
        # out_code is not printed: it lets checks find a 类 without parsing its label.
        rows.append(Row(kind, {**cells, "out_amount": out_amount, "out_code": out_code}))
    return rows


def _closing(in_label: str, in_amount, out_label: str, out_amount, kind=RowKind.TOTAL) -> Row:
    cells = {"in_label": in_label, "in_amount": in_amount, "out_label": out_label}
    return Row(kind, {**cells, "out_amount": out_amount})


def summary_table(data: BudgetData, options: SummaryOptions) -> ReportTable:
    """Income rows and expenditure rows side by side, closed by the three total rows."""
    cells = [c for c in data.cells if options.cells(c)]
    income = [(r.label, total(cells, r.predicate), r.kind) for r in options.income_rows]
    carried = total(cells, options.carried)
    current = total(cells, lambda c: not options.carried(c))
    spent = total(cells)
    year_end, spent_now, this_year = options.year_end_carry, spent, cells
    if (carried_out := options.carried_out) is not None:
        year_end = total(cells, carried_out) or None
        this_year = [c for c in cells if not carried_out(c)]
        spent_now = total(this_year)
    rows = _side_by_side(income, _expenditure(data, options, this_year))
    if options.separator_row:
        rows.append(_closing("", None, "", None, RowKind.ITEM))
    (current_in, current_out), (carry_in, carry_out), (total_in, total_out) = options.closing
    rows += [
        _closing(current_in, current, current_out, spent_now),
        _closing(carry_in, carried, carry_out, year_end, RowKind.ITEM),
        _closing(total_in, current + carried, total_out, spent),
    ]
    income_side, expenditure_side = options.side_labels
    return ReportTable(
        number=0,
        title=options.title.format(year=data.year),
        department_name=data.department.display_name,
        columns=[
            group(income_side, text("in_label", "项目"), amount("in_amount", options.amount_label)),
            group(
                expenditure_side,
                text("out_label", "项目"),
                amount("out_amount", options.amount_label),
            ),
        ],
        rows=rows,
    )
