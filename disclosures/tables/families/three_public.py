"""The “三公” family: the four figures from 财政拨款 lines, as one row or a vertical list.

- ``ROW`` (Henan 预算08表): one row, six columns;
- ``LIST`` (Hubei （七）): 项目 | 预算数, six rows in Hubei's order (出国, 接待, 车);
- ``BY_SOURCE`` (Hebei 9): nine rows × 合计 and one column per 财政拨款 budget.
"""

from dataclasses import dataclass

from budgets.fields import ZERO
from budgets.funding import FundingGroup
from disclosures.keyfigures import three_public_figures
from disclosures.tables.base import ReportTable, Row, RowKind, amount, group, text
from disclosures.tables.data import BudgetData, Cell


class Layout:
    ROW = "row"
    LIST = "list"
    BY_SOURCE = "by_source"


@dataclass(frozen=True)
class ThreePublicOptions:
    title: str  # with ``{year}``
    layout: str = Layout.ROW
    notes: tuple[str, ...] = ()
    empty_notes: tuple[str, ...] = ()
    # BY_SOURCE: (label, figure, row kind) rows and the group label over the amount columns
    rows: tuple[tuple[str, str, RowKind], ...] = ()
    sources_label: str = "资金性质"


def _row_columns():
    return [
        amount("total", "“三公”经费合计"),
        amount("outbound", "因公出国（境）费"),
        group(
            "公务用车购置及运行费",
            amount("vehicle", "小计"),
            amount("vehicle_purchase", "公务用车购置费"),
            amount("vehicle_operation", "公务用车运行费"),
        ),
        amount("reception", "公务接待费"),
    ]


# (label, figure, row kind) of the list layout, in 002's order.
LIST_ROWS = (
    ("合计", "total", RowKind.TOTAL),
    ("1、因公出国（境）费", "outbound", RowKind.CATEGORY),
    ("2、公务接待费", "reception", RowKind.CATEGORY),
    ("3、公务用车购置及运行费", "vehicle", RowKind.CATEGORY),
    ("其中：公务用车运行维护费", "vehicle_operation", RowKind.ITEM),
    ("公务用车购置费", "vehicle_purchase", RowKind.ITEM),
)


# The columns of the by-source layout: the 财政拨款 budget each covers.
SOURCE_COLUMNS = (
    ("gp", "一般公共预算财政拨款", FundingGroup.GENERAL_PUBLIC),
    ("gf", "政府性基金预算拨款", FundingGroup.GOV_FUND),
    ("sc", "国有资本经营预算财政拨款", FundingGroup.STATE_CAPITAL),
)


def _by_source(cells: list[Cell], options: ThreePublicOptions) -> tuple[list, list[Row]]:
    """One row per figure; 合计 and one column per budget. A figure no line records (e.g.
    教学科研人员因公出国（境）费, which 30212 cannot tell apart) is named ``none``: zero."""
    per_source = {
        key: three_public_figures([c for c in cells if c.group == source])
        for key, _label, source in SOURCE_COLUMNS
    }
    everything = three_public_figures(cells)
    columns = [
        text("label", "项  目"),
        group(
            options.sources_label,
            amount("total", "合计"),
            *(amount(key, label) for key, label, _source in SOURCE_COLUMNS),
        ),
    ]
    rows = [
        Row(
            kind,
            {
                "label": label,
                "total": everything.get(figure, ZERO),
                **{key: per_source[key].get(figure, ZERO) for key in per_source},
                "figure": figure,  # not printed: lets checks find an item without its label
            },
        )
        for label, figure, kind in options.rows
    ]
    return columns, rows


def three_public_table(data: BudgetData, options: ThreePublicOptions) -> ReportTable:
    figures = three_public_figures(data.cells)
    if options.layout == Layout.BY_SOURCE:
        columns, rows = _by_source(data.cells, options)
    elif options.layout == Layout.LIST:
        columns = [text("label", "项目"), amount("amount", "预算数")]
        rows = [
            # figure is not printed: it lets checks find an item without parsing its label.
            Row(kind, {"label": label, "amount": figures[key], "figure": key})
            for label, key, kind in LIST_ROWS
        ]
    else:
        columns, rows = _row_columns(), [Row(RowKind.TOTAL, {**figures})]
    return ReportTable(
        number=0,
        title=options.title.format(year=data.year),
        department_name=data.department.display_name,
        columns=columns,
        rows=rows,
        notes=list(options.notes) + (list(options.empty_notes) if not figures["total"] else []),
    )
