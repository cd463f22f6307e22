"""预算01表 部门收支预算表: income by source beside expenditure by 功能分类 类 (万元)."""

from budgets.fields import ZERO
from budgets.funding import FundingGroup, FundingSource
from disclosures.tables.base import ReportTable, Row, RowKind, amount, group, text
from disclosures.tables.common import category_number, sum_by_category
from disclosures.tables.data import BudgetData, total

S = FundingSource

# (label, sources) in the order the Henan table prints them; "其中" rows are indented items.
INCOME_ROWS = [
    ("一、一般公共预算", [s for s in S if s.value.startswith("gp_")], RowKind.CATEGORY),
    ("其中：财政拨款", [S.GP_APPROPRIATION], RowKind.ITEM),
    ("专项收入", [S.GP_SPECIAL_REVENUE], RowKind.ITEM),
    ("其他一般公共预算资金", [S.GP_OTHER], RowKind.ITEM),
    ("上级提前下达", [S.GP_ADVANCE], RowKind.ITEM),
    ("一般债券", [S.GP_BOND], RowKind.ITEM),
    ("二、政府性基金预算拨款收入", [s for s in S if s.value.startswith("gf_")], RowKind.CATEGORY),
    ("其中：政府性基金预算资金", [S.GF_FUNDS], RowKind.ITEM),
    ("上级提前下达", [S.GF_ADVANCE], RowKind.ITEM),
    ("专项债券", [S.GF_BOND], RowKind.ITEM),
    ("三、国有资本经营预算拨款收入", [S.STATE_CAPITAL], RowKind.CATEGORY),
    ("四、财政专户管理资金收入", [S.SPECIAL_ACCOUNT], RowKind.CATEGORY),
    ("五、事业收入", [S.UNIT_SERVICE], RowKind.CATEGORY),
    ("六、事业单位经营收入", [S.UNIT_OPERATING], RowKind.CATEGORY),
    ("七、上级补助收入", [S.UNIT_SUBSIDY], RowKind.CATEGORY),
    ("八、附属单位上缴收入", [S.UNIT_SUBORDINATE], RowKind.CATEGORY),
    ("九、其他收入", [S.UNIT_OTHER], RowKind.CATEGORY),
]


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


def build_summary(data: BudgetData) -> ReportTable:
    """Income rows and expenditure rows side by side, closed by the three total rows."""
    cells = data.cells
    income = [
        (label, total(cells, lambda c, s=frozenset(sources): c.source in s), kind)
        for label, sources, kind in INCOME_ROWS
    ]
    by_category = sum_by_category(cells)
    expenditure = [
        (
            f"{category_number(c.code)}、{c.short_name or c.name}",
            by_category.get(c.code, ZERO),
            c.code,
        )
        for c in data.categories()
    ]
    current = total(cells, lambda c: c.group != FundingGroup.CARRY_OVER)
    carried = total(cells, lambda c: c.group == FundingGroup.CARRY_OVER)
    spent = total(cells)
    rows = _side_by_side(income, expenditure) + [
        _closing("本年收入合计", current, "本年支出合计", spent),
        _closing("上年结转结余", carried, "年终结转结余", ZERO, RowKind.ITEM),
        _closing("收入总计", current + carried, "支出总计", spent),
    ]
    return ReportTable(
        number=1,
        slug="summary",
        title=f"{data.year}年部门收支预算表",
        department_name=data.department.display_name,
        columns=[
            group("收入", text("in_label", "项目"), amount("in_amount", "金额")),
            group("支出", text("out_label", "项目"), amount("out_amount", "金额")),
        ],
        rows=rows,
    )
