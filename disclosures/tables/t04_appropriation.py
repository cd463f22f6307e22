"""预算04表 财政拨款收支总体情况表: treasury money (一般公共预算, 政府性基金, 国有资本经营) (万元)."""

from collections import defaultdict

from budgets.fields import ZERO
from budgets.funding import APPROPRIATION_GROUPS
from budgets.funding import FundingGroup as G
from budgets.funding import FundingSource as S
from disclosures.keyfigures import CARRIED_APPROPRIATION, appropriation_group, appropriation_sums
from disclosures.tables.base import ReportTable, Row, RowKind, Value, amount, group, text
from disclosures.tables.common import category_number
from disclosures.tables.data import BudgetData, Cell, total

_columns_of = appropriation_sums  # the 支出 columns of one row


def _income(cells: list[Cell]) -> list[tuple[str, Value, RowKind, str]]:
    """(label, amount, row kind, key) of the income side; the key is not printed."""

    def by(predicate):
        return total(cells, predicate)

    current = [c for c in cells if c.group in APPROPRIATION_GROUPS]
    carried = [c for c in cells if c.source in CARRIED_APPROPRIATION]
    section, item = RowKind.SECTION, RowKind.ITEM
    return [
        ("一、本年收入", total(current), RowKind.CATEGORY, "current"),
        ("（一）一般公共预算拨款", by(lambda c: c.group == G.GENERAL_PUBLIC), section, "gp"),
        ("其中：财政拨款", by(lambda c: c.source == S.GP_APPROPRIATION), item, "gp_appropriation"),
        ("（二）政府性基金预算拨款", by(lambda c: c.group == G.GOV_FUND), section, "gf"),
        ("（三）国有资本经营预算拨款", by(lambda c: c.group == G.STATE_CAPITAL), section, "sc"),
        ("二、上年结转", total(carried), RowKind.CATEGORY, "carry"),
        ("（一）一般公共预算拨款", by(lambda c: c.source == S.CARRY_GP), section, "carry_gp"),
        ("（二）政府性基金预算拨款", by(lambda c: c.source == S.CARRY_GF), section, "carry_gf"),
        ("（三）国有资本经营预算拨款", by(lambda c: c.source == S.CARRY_SC), section, "carry_sc"),
    ]


def _expenditure(
    data: BudgetData, cells: list[Cell]
) -> list[tuple[str, dict[str, Value], RowKind]]:
    rows: list[tuple[str, dict[str, Value], RowKind]] = [
        ("一、本年支出", {**_columns_of(cells)}, RowKind.CATEGORY)
    ]
    by_category: dict[str, list[Cell]] = defaultdict(list)
    for cell in cells:
        by_category[cell.func_code[:3]].append(cell)
    for category in data.categories():
        in_category = by_category.get(category.code, [])
        label = f"（{category_number(category.code)}）{category.name}"
        # cat_code is not printed: it lets checks find a 类 without parsing its label.
        rows.append((label, {"cat_code": category.code, **_columns_of(in_category)}, RowKind.ITEM))
    zero = dict.fromkeys(("total", "gp", "gp_appropriation", "gf", "sc"), ZERO)
    rows.append(("二、年终结转结余", {**zero}, RowKind.CATEGORY))
    return rows


def build_appropriation(data: BudgetData) -> ReportTable:
    cells = [c for c in data.cells if appropriation_group(c) is not None]
    income, expenditure = _income(cells), _expenditure(data, cells)
    rows = []
    for i in range(max(len(income), len(expenditure))):
        in_label, in_amount, kind, in_key = income[i] if i < len(income) else ("", None, None, "")
        out_label, values, out_kind = expenditure[i] if i < len(expenditure) else ("", {}, None)
        cells_ = {"in_label": in_label, "in_amount": in_amount, "in_key": in_key}
        rows.append(
            Row(kind or out_kind or RowKind.ITEM, {**cells_, "out_label": out_label, **values})
        )
    closing: dict[str, Value] = {
        "in_label": "收入合计",
        "in_amount": total(cells),
        "out_label": "支出合计",
    }
    rows.append(Row(RowKind.TOTAL, {**closing, **_columns_of(cells)}))
    return ReportTable(
        number=4,
        slug="appropriation",
        title=f"{data.year}年财政拨款收支总体情况表",
        department_name=data.department.display_name,
        columns=[
            group("收入", text("in_label", "项目"), amount("in_amount", "金额")),
            group(
                "支出",
                text("out_label", "项目"),
                amount("total", "合计"),
                group(
                    "一般公共预算",
                    amount("gp", "小计"),
                    amount("gp_appropriation", "其中：财政拨款"),
                ),
                amount("gf", "政府性基金预算"),
                amount("sc", "国有资本经营预算"),
            ),
        ],
        rows=rows,
    )
