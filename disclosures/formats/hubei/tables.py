"""The Hubei tables （一）–（八） as configurations of the builder families (spec §1.A).

Titles carry no year or department (the format appends the label: 部门收支总体情况表（一）).
Forms （九）（十） are not built yet: the document has these eight tables.
"""

from budgets.funding import APPROPRIATION_GROUPS
from budgets.funding import FundingGroup as G
from budgets.models import LineKind
from disclosures.keyfigures import CARRIED_APPROPRIATION, appropriation_group
from disclosures.tables.base import ReportTable, RowKind, amount, code, group, text
from disclosures.tables.data import BudgetData, total
from disclosures.tables.families.basic import BasicOptions, basic_table, hubei_columns
from disclosures.tables.families.functional import (
    FunctionalOptions,
    Layout,
    by_kind_columns,
    by_kind_sums,
    functional_table,
)
from disclosures.tables.families.summary import (
    IncomeRow,
    Numbering,
    SummaryOptions,
    summary_table,
)
from disclosures.tables.families.three_public import Layout as ThreePublicLayout
from disclosures.tables.families.three_public import ThreePublicOptions, three_public_table
from disclosures.tables.t02_income import income_by_unit_rows

# The fixed list of 24 类 Hubei prints in （一） and （四）, in its order, with full names.
# It leaves out 202 外交, 203 国防, 209 社会保险基金, 227 预备费, 230 转移性支出, 234 抗疫特别国债.
HUBEI_CATEGORIES = (
    ("201", "一般公共服务支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("229", "其他支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("233", "债务发行费用支出"),
)

SIDES = ("收      入", "支           出")  # the spaces are printed


def _group(*groups):
    wanted = frozenset(groups)
    return lambda cell: cell.group in wanted


SUMMARY = SummaryOptions(
    title="部门收支总体情况表",
    side_labels=SIDES,
    amount_label="预算数",
    income_rows=(
        IncomeRow("一、财政拨款", _group(G.GENERAL_PUBLIC, G.GOV_FUND)),
        IncomeRow("其中：一般公共预算拨款", _group(G.GENERAL_PUBLIC), RowKind.ITEM),
        IncomeRow("政府性基金预算拨款", _group(G.GOV_FUND), RowKind.ITEM),
        IncomeRow("二、纳入专户管理教育收费收入", _group(G.SPECIAL_ACCOUNT)),
        # 其他资金: everything else of this year (单位资金, 国有资本经营), so the rows add up.
        IncomeRow("三、其他资金", _group(G.UNIT, G.STATE_CAPITAL)),
    ),
    categories=HUBEI_CATEGORIES,
    numbering=Numbering.SEQUENTIAL,
    full_names=True,
    closing=(
        ("本年收入合计", "本年支出合计"),
        ("四、上年结余结转", "结转下年"),
        ("收入合计", "支出合计"),
    ),
    year_end_carry=None,
    carried_out=lambda c: c.kind == LineKind.CARRY_FORWARD,  # empty when zero, as 002
    separator_row=True,
)

APPROPRIATION_SUMMARY = SummaryOptions(
    title="财政拨款收支总体情况表",
    side_labels=SIDES,
    amount_label="预算数",
    income_rows=(
        IncomeRow("一、财政拨款", lambda c: c.group in APPROPRIATION_GROUPS),
        IncomeRow("其中：一般公共预算拨款", _group(G.GENERAL_PUBLIC), RowKind.ITEM),
        IncomeRow("政府性基金预算拨款", _group(G.GOV_FUND), RowKind.ITEM),
    ),
    categories=HUBEI_CATEGORIES,
    numbering=Numbering.SEQUENTIAL,
    full_names=True,
    cells=lambda c: appropriation_group(c) is not None,
    carried=lambda c: c.source in CARRIED_APPROPRIATION,
    closing=(
        ("本年收入合计", "本年支出合计"),
        ("二、上年结余结转", "结转下年"),  # numbered 二 here, 四 in （一）, as 002 prints
        ("收入合计", "支出合计"),
    ),
    year_end_carry=None,
    carried_out=lambda c: c.kind == LineKind.CARRY_FORWARD,
    separator_row=True,
)


def build_summary(data: BudgetData) -> ReportTable:
    return summary_table(data, SUMMARY)


def build_appropriation(data: BudgetData) -> ReportTable:
    return summary_table(data, APPROPRIATION_SUMMARY)


def income_sums(cells) -> dict:
    """总计 | 财政拨款 [一般公共预算, 政府性基金] | 纳入专户管理教育收费 | 其他资金 | 上年结转."""
    return {
        "grand_total": total(cells),
        "gp": total(cells, _group(G.GENERAL_PUBLIC)),
        "gf": total(cells, _group(G.GOV_FUND)),
        "special": total(cells, _group(G.SPECIAL_ACCOUNT)),
        "other": total(cells, _group(G.UNIT, G.STATE_CAPITAL)),
        "carry": total(cells, _group(G.CARRY_OVER)),
    }


def build_income(data: BudgetData) -> ReportTable:
    """（二）: 合计, the supervising section (002: 社保股), the department and its units."""
    return ReportTable(
        number=0,
        title="部门收入总体情况表",
        department_name=data.department.display_name,
        columns=[
            code("code", "单位编码"),
            text("name", "单位名称"),
            amount("grand_total", "总计"),
            group(
                "财政拨款",
                amount("gp", "一般公共预算财政拨款"),
                amount("gf", "政府性基金预算拨款"),
            ),
            amount("special", "纳入专户管理教育收费收入"),
            amount("other", "其他资金"),
            amount("carry", "上年结转"),
        ],
        rows=income_by_unit_rows(data, income_sums, section_row=True),
    )


def _functional(title: str, *, cells=lambda c: True, empty_rows: int = 0) -> FunctionalOptions:
    return FunctionalOptions(
        title=title,
        columns=by_kind_columns,
        sums=by_kind_sums,
        layout=Layout.SUBTOTALS,
        cells=cells,
        empty_rows=empty_rows,
    )


EXPENDITURE = _functional("部门支出总体情况表")
GENERAL_PUBLIC = _functional("一般公共预算支出情况表", cells=_group(G.GENERAL_PUBLIC))
# An empty （八） prints two blank rows, no 合计 and no note (002).
GOV_FUND = _functional("政府性基金预算支出情况表", cells=_group(G.GOV_FUND), empty_rows=2)


def build_expenditure(data: BudgetData) -> ReportTable:
    return functional_table(data, EXPENDITURE)


def build_general_public(data: BudgetData) -> ReportTable:
    return functional_table(data, GENERAL_PUBLIC)


def build_gov_fund(data: BudgetData) -> ReportTable:
    return functional_table(data, GOV_FUND)


BASIC = BasicOptions(title="一般公共预算基本支出情况表", columns=hubei_columns, gov_columns=False)


def build_basic(data: BudgetData) -> ReportTable:
    return basic_table(data, BASIC)


THREE_PUBLIC = ThreePublicOptions(
    title="一般公共预算“三公”经费支出情况表", layout=ThreePublicLayout.LIST
)


def build_three_public(data: BudgetData) -> ReportTable:
    return three_public_table(data, THREE_PUBLIC)
