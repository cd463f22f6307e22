"""预算01表 部门收支预算表: the summary family with Henan's options (万元)."""

from budgets.funding import FundingSource
from disclosures.tables.base import ReportTable, RowKind
from disclosures.tables.data import BudgetData
from disclosures.tables.families.summary import IncomeRow, SummaryOptions, summary_table

S = FundingSource


def _of(*sources: FundingSource):
    wanted = frozenset(sources)
    return lambda cell: cell.source in wanted


# (label, sources) in the order the Henan table prints them; "其中" rows are indented items.
INCOME_ROWS = (
    IncomeRow("一、一般公共预算", _of(*(s for s in S if s.value.startswith("gp_")))),
    IncomeRow("其中：财政拨款", _of(S.GP_APPROPRIATION), RowKind.ITEM),
    IncomeRow("专项收入", _of(S.GP_SPECIAL_REVENUE), RowKind.ITEM),
    IncomeRow("其他一般公共预算资金", _of(S.GP_OTHER), RowKind.ITEM),
    IncomeRow("上级提前下达", _of(S.GP_ADVANCE), RowKind.ITEM),
    IncomeRow("一般债券", _of(S.GP_BOND), RowKind.ITEM),
    IncomeRow("二、政府性基金预算拨款收入", _of(*(s for s in S if s.value.startswith("gf_")))),
    IncomeRow("其中：政府性基金预算资金", _of(S.GF_FUNDS), RowKind.ITEM),
    IncomeRow("上级提前下达", _of(S.GF_ADVANCE), RowKind.ITEM),
    IncomeRow("专项债券", _of(S.GF_BOND), RowKind.ITEM),
    IncomeRow("三、国有资本经营预算拨款收入", _of(S.STATE_CAPITAL)),
    IncomeRow("四、财政专户管理资金收入", _of(S.SPECIAL_ACCOUNT)),
    IncomeRow("五、事业收入", _of(S.UNIT_SERVICE)),
    IncomeRow("六、事业单位经营收入", _of(S.UNIT_OPERATING)),
    IncomeRow("七、上级补助收入", _of(S.UNIT_SUBSIDY)),
    IncomeRow("八、附属单位上缴收入", _of(S.UNIT_SUBORDINATE)),
    IncomeRow("九、其他收入", _of(S.UNIT_OTHER)),
)

HENAN_SUMMARY = SummaryOptions(title="{year}年部门收支预算表", income_rows=INCOME_ROWS)


def build_summary(data: BudgetData) -> ReportTable:
    """Every catalogue 类 numbered by code, short names, Henan's income rows."""
    table = summary_table(data, HENAN_SUMMARY)
    table.number, table.slug = 1, "summary"
    return table
