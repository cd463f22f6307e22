"""The 收支总表 family: income rows beside expenditure by 功能分类 类, closed by totals.

Covers Henan 预算01表 (every catalogue 类, numbered by code, short names), Hubei
（一） and （四） (a fixed list of 24 类, numbered in sequence with 廿一…廿四, full names)
and Hebei 1 and 4 (every catalogue 类 plus ``人行科目``, numbered 一 … 三十一; table 4
with four expenditure columns and the carried-over income by budget).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from budgets.fields import ZERO
from budgets.funding import FundingGroup
from disclosures.tables.base import ReportTable, Row, RowKind, amount, group, text
from disclosures.tables.common import category_number, chinese_number
from disclosures.tables.data import BudgetData, Cell, total

Predicate = Callable[[Cell], bool]


class Numbering:
    """How the 类 rows are numbered."""

    BY_CODE = "by_code"  # 210 → 十、 (Henan)
    SEQUENTIAL = "sequential"  # 1, 2, 3 … in list order, 21 → 廿一 (Hubei)
    SEQUENTIAL_PLAIN = "sequential_plain"  # 1, 2, 3 … in list order, 24 → 二十四 (Hebei)


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
    item_label: str = "项目"  # header of the two label columns (Hebei: ``项  目``)
    # Rows after the 类 that no catalogue code carries, printed empty (Hebei: ``人行科目``).
    extra_categories: tuple[str, ...] = ()
    # Several expenditure amount columns (key, label, predicate) instead of one (Hebei 4).
    out_columns: tuple[tuple[str, str, Predicate], ...] = ()
    # Income-side rows after the carried-over row, e.g. its split by budget (Hebei 4).
    carried_rows: tuple[IncomeRow, ...] = ()


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


def _number(options: SummaryOptions, position: int, code: str) -> str:
    if options.numbering == Numbering.BY_CODE:
        return category_number(code)
    if options.numbering == Numbering.SEQUENTIAL_PLAIN:
        return chinese_number(position)
    return sequence_number(position)


def _out_amounts(options: SummaryOptions, cells: list[Cell]) -> dict[str, Decimal]:
    """The expenditure amount cells of ``cells``: one ``out_amount`` or one per column."""
    if not options.out_columns:
        return {"out_amount": total(cells)}
    return {key: total(cells, test) for key, _label, test in options.out_columns}


def _expenditure(data: BudgetData, options: SummaryOptions, cells: list[Cell]) -> list[tuple]:
    by_category: dict[str, list[Cell]] = {}
    for cell in cells:
        by_category.setdefault(cell.func_code[:3], []).append(cell)
    labels = _categories(data, options) + [("", name) for name in options.extra_categories]
    rows = []
    for position, (code, name) in enumerate(labels, start=1):
        number = _number(options, position, code) if code else chinese_number(position)
        amounts = _out_amounts(options, by_category.get(code, [])) if code else {}
        if not code:  # a row no line can reach: printed empty
            amounts = dict.fromkeys(_out_amounts(options, []), ZERO)
        rows.append((f"{number}、{name}", amounts, code))
    return rows


def _side_by_side(income: list[tuple], expenditure: list[tuple]) -> list[Row]:
    rows = []
    for i in range(max(len(income), len(expenditure))):
        in_label, in_amount, kind = income[i] if i < len(income) else ("", None, RowKind.ITEM)
        out_label, out_amounts, out_code = expenditure[i] if i < len(expenditure) else ("", {}, "")
        cells = {"in_label": in_label, "in_amount": in_amount, "out_label": out_label}
        # out_code is not printed: it lets checks find a 类 without parsing its label.
        rows.append(Row(kind, {**cells, **out_amounts, "out_code": out_code}))
    return rows


def _closing(in_label: str, in_amount, out_label: str, out_amounts: dict, kind=RowKind.TOTAL):
    cells = {"in_label": in_label, "in_amount": in_amount, "out_label": out_label}
    return Row(kind, {**cells, **out_amounts})


def _columns(options: SummaryOptions) -> list:
    income_side, expenditure_side = options.side_labels
    out = [amount("out_amount", options.amount_label)]
    if options.out_columns:
        out = [amount(key, label) for key, label, _test in options.out_columns]
    return [
        group(
            income_side,
            text("in_label", options.item_label),
            amount("in_amount", options.amount_label),
        ),
        group(expenditure_side, text("out_label", options.item_label), *out),
    ]


def summary_table(data: BudgetData, options: SummaryOptions) -> ReportTable:
    """Income rows and expenditure rows side by side, closed by the three total rows."""
    cells = [c for c in data.cells if options.cells(c)]
    income = [(r.label, total(cells, r.predicate), r.kind) for r in options.income_rows]
    carried = total(cells, options.carried)
    current = total(cells, lambda c: not options.carried(c))
    spent = _out_amounts(options, cells)
    this_year, year_end = cells, dict.fromkeys(spent, options.year_end_carry)
    if (carried_out := options.carried_out) is not None:
        # Hubei: 结转下年 lines close the expenditure side instead of a fixed figure.
        this_year = [c for c in cells if not carried_out(c)]
        leaving = _out_amounts(options, [c for c in cells if carried_out(c)])
        year_end = {key: value or None for key, value in leaving.items()}
    spent_now = _out_amounts(options, this_year)
    rows = _side_by_side(income, _expenditure(data, options, this_year))
    if options.separator_row:
        rows.append(_closing("", None, "", dict.fromkeys(spent), RowKind.ITEM))
    (current_in, current_out), (carry_in, carry_out), (total_in, total_out) = options.closing
    rows += [
        _closing(current_in, current, current_out, spent_now),
        _closing(carry_in, carried, carry_out, year_end, RowKind.ITEM),
        *(
            _closing(r.label, total(cells, r.predicate), "", {}, RowKind.ITEM)
            for r in options.carried_rows
        ),
        _closing(total_in, current + carried, total_out, spent),
    ]
    return ReportTable(
        number=0,
        title=options.title.format(year=data.year),
        department_name=data.department.display_name,
        columns=_columns(options),
        rows=rows,
    )
