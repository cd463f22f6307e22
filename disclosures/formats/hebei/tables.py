"""The nine Hebei tables of 003 as configurations of the builder families (spec §1.B).

Titles carry no year and no number; the format adds the 序号 column, the 栏次 row and the
header line ``450保定市徐水区医疗保障局 | 预算年度：2024 | 单位：万元`` to every table.
功能分类 tables print 类/款/项 subtotal rows with the whole code; zero prints empty.
"""

from decimal import Decimal

from budgets.fields import ZERO
from budgets.funding import APPROPRIATION_GROUPS
from budgets.funding import FundingGroup as G
from budgets.funding import FundingSource as S
from disclosures.keyfigures import CARRIED_APPROPRIATION, appropriation_group
from disclosures.tables.base import Column, ReportTable, RowKind, amount, code, group, text
from disclosures.tables.data import BudgetData, Cell, total
from disclosures.tables.families.basic import BasicOptions, basic_table
from disclosures.tables.families.functional import FunctionalOptions, Layout, functional_table
from disclosures.tables.families.summary import (
    IncomeRow,
    Numbering,
    SummaryOptions,
    summary_table,
)
from disclosures.tables.families.three_public import Layout as ThreePublicLayout
from disclosures.tables.families.three_public import ThreePublicOptions, three_public_table

ITEM_LABEL = "项  目"  # the spaces are printed
# 003 prints, after the 30 catalogue 类, a row no 功能分类 code carries (always empty).
EXTRA_CATEGORIES = ("人行科目",)


def _group(*groups):
    wanted = frozenset(groups)
    return lambda cell: cell.group in wanted


def _source(*sources):
    wanted = frozenset(sources)
    return lambda cell: cell.source in wanted


SUMMARY = SummaryOptions(
    title="部门预算收支总表",
    amount_label="预算数",
    item_label=ITEM_LABEL,
    income_rows=(
        IncomeRow("一、一般公共预算拨款收入", _group(G.GENERAL_PUBLIC)),
        IncomeRow("二、政府性基金预算拨款收入", _group(G.GOV_FUND)),
        IncomeRow("三、国有资本经营预算拨款收入", _group(G.STATE_CAPITAL)),
        IncomeRow("四、财政专户管理资金收入", _group(G.SPECIAL_ACCOUNT)),
        IncomeRow("五、单位资金", _group(G.UNIT)),
    ),
    numbering=Numbering.SEQUENTIAL_PLAIN,
    full_names=True,
    extra_categories=EXTRA_CATEGORIES,
)


def _appropriation_of(budget: G):
    return lambda cell: appropriation_group(cell) == budget


APPROPRIATION = SummaryOptions(
    title="部门预算财政拨款收支总表",
    item_label=ITEM_LABEL,
    income_rows=(
        IncomeRow("一、一般公共预算拨款", _group(G.GENERAL_PUBLIC)),
        IncomeRow("二、政府性基金预算拨款", _group(G.GOV_FUND)),
        IncomeRow("三、国有资本经营预算拨款", _group(G.STATE_CAPITAL)),
    ),
    numbering=Numbering.SEQUENTIAL_PLAIN,
    full_names=True,
    extra_categories=EXTRA_CATEGORIES,
    cells=lambda c: appropriation_group(c) is not None,
    carried=lambda c: c.source in CARRIED_APPROPRIATION,
    out_columns=(
        ("out_amount", "合计", lambda c: True),
        ("out_gp", "一般公共预算财政拨款", _appropriation_of(G.GENERAL_PUBLIC)),
        ("out_gf", "政府性基金预算财政拨款", _appropriation_of(G.GOV_FUND)),
        ("out_sc", "国有资本经营预算财政拨款", _appropriation_of(G.STATE_CAPITAL)),
    ),
    closing=(
        ("本年收入合计", "本年支出合计"),
        ("年初财政拨款结转和结余", "年末财政拨款结转和结余"),
        ("收入总计", "支出总计"),
    ),
    carried_rows=(
        IncomeRow("一、一般公共预算拨款", _source(S.CARRY_GP)),
        IncomeRow("二、政府性基金预算拨款", _source(S.CARRY_GF)),
        IncomeRow("三、国有资本经营预算拨款", _source(S.CARRY_SC)),
    ),
)


def build_summary(data: BudgetData) -> ReportTable:
    return summary_table(data, SUMMARY)


def build_appropriation(data: BudgetData) -> ReportTable:
    return summary_table(data, APPROPRIATION)


def _subject_columns() -> Column:
    return group("功能分类科目", code("code", "科目编码"), text("name", "科目名称"))


# 本年收入 columns of table 2: (key, label, which cells).
INCOME_COLUMNS = (
    ("appropriation", "财政拨款收入", lambda c: c.group in APPROPRIATION_GROUPS),
    ("special", "财政专户收入", _group(G.SPECIAL_ACCOUNT)),
    ("unit_service", "事业收入", _source(S.UNIT_SERVICE)),
    ("unit_operating", "经营收入", _source(S.UNIT_OPERATING)),
    ("unit_subsidy", "上级补助收入", _source(S.UNIT_SUBSIDY)),
    ("unit_subordinate", "附属单位上缴收入", _source(S.UNIT_SUBORDINATE)),
    ("unit_other", "其他收入", _source(S.UNIT_OTHER)),
)


def income_columns() -> list[Column]:
    """科目 | 合计 | 本年收入 [小计 | 财政拨款收入 … 其他收入] | 上年结转."""
    return [
        _subject_columns(),
        amount("total", "合计"),
        group(
            "本年收入",
            amount("current", "小计"),
            *(amount(key, label) for key, label, _test in INCOME_COLUMNS),
        ),
        amount("carry", "上年结转"),
    ]


def income_sums(data: BudgetData, cells: list[Cell]) -> dict[str, Decimal]:
    current = [c for c in cells if c.group != G.CARRY_OVER]
    return {
        "total": total(cells),
        "current": total(current),
        **{key: total(current, test) for key, _label, test in INCOME_COLUMNS},
        "carry": total(cells, _group(G.CARRY_OVER)),
    }


# 经营支出, 上解上级支出 and 对附属单位补助支出 have no line kind yet (spec §3.3): empty.
UNRECORDED = ("business", "upper", "subsidiary")


def expenditure_columns() -> list[Column]:
    """科目 | 合计 | 基本支出 | 项目支出 | 经营支出 | 上解上级支出 | 对附属单位补助支出."""
    return [
        _subject_columns(),
        amount("total", "合计"),
        amount("basic", "基本支出"),
        amount("project", "项目支出"),
        amount("business", "经营支出"),
        amount("upper", "上解上级支出"),
        amount("subsidiary", "对附属单位补助支出"),
    ]


def kind_columns() -> list[Column]:
    """Tables 5, 7, 8: 科目 | 合计 | 基本支出 | 项目支出."""
    return expenditure_columns()[:4]


def kind_sums(data: BudgetData, cells: list[Cell]) -> dict[str, Decimal]:
    """基本/项目 as the format counts them: the cells are classified already (Hebei:
    人员类 and 运转类 project lines are basic, see ``DisclosureFormat.classify``)."""
    return {
        "total": total(cells),
        "basic": total(cells, lambda c: c.kind == "basic"),
        "project": total(cells, lambda c: c.kind != "basic"),
    }


def expenditure_sums(data: BudgetData, cells: list[Cell]) -> dict[str, Decimal]:
    return kind_sums(data, cells) | dict.fromkeys(UNRECORDED, ZERO)


def _functional(title, columns, sums, *, cells=lambda c: True, empty_note="") -> FunctionalOptions:
    return FunctionalOptions(
        title=title,
        columns=columns,
        sums=sums,
        layout=Layout.SUBTOTALS,
        cells=cells,
        empty_rows=1,  # an empty table prints one blank row (003 tables 7 and 8)
        empty_notes=(empty_note,) if empty_note else (),
    )


INCOME = _functional("部门预算收入总表", income_columns, income_sums)
EXPENDITURE = _functional("部门预算支出总表", expenditure_columns, expenditure_sums)
GENERAL_PUBLIC = _functional(
    "部门预算一般公共预算财政拨款支出表", kind_columns, kind_sums, cells=_group(G.GENERAL_PUBLIC)
)
GOV_FUND = _functional(
    "部门预算政府性基金预算财政拨款支出表",
    kind_columns,
    kind_sums,
    cells=_group(G.GOV_FUND),
    empty_note="注：无政府基金预算财政拨款预算，空表列示。",  # sic: 政府基金, as 003 prints
)
STATE_CAPITAL = _functional(
    "部门预算国有资本经营预算财政拨款支出表",
    kind_columns,
    kind_sums,
    cells=_group(G.STATE_CAPITAL),
    empty_note="注：无国有资本经营预算财政拨款预算，空表列示。",
)


def build_income(data: BudgetData) -> ReportTable:
    return functional_table(data, INCOME)


def build_expenditure(data: BudgetData) -> ReportTable:
    return functional_table(data, EXPENDITURE)


def build_general_public(data: BudgetData) -> ReportTable:
    return functional_table(data, GENERAL_PUBLIC)


def build_gov_fund(data: BudgetData) -> ReportTable:
    return functional_table(data, GOV_FUND)


def build_state_capital(data: BudgetData) -> ReportTable:
    return functional_table(data, STATE_CAPITAL)


def basic_columns() -> list[Column]:
    """支出部门经济分类科目 [科目编码 | 科目名称] | 一般公共预算基本支出 [合计 | 人员经费 | 公用经费]."""
    return [
        group("支出部门经济分类科目", code("dept_code", "科目编码"), text("dept_name", "科目名称")),
        group(
            "一般公共预算基本支出",
            amount("total", "合计"),
            amount("personnel", "人员经费"),
            amount("public", "公用经费"),
        ),
    ]


BASIC = BasicOptions(
    title="部门预算一般公共预算财政拨款基本支出表", columns=basic_columns, gov_columns=False
)


def build_basic(data: BudgetData) -> ReportTable:
    return basic_table(data, BASIC)


# (label, figure, row kind) of table 9. ``none``: 教学科研人员因公出国（境）费 has no line
# flag (30212 cannot tell it apart), so it prints empty and 其他 carries all of 30212.
# 合计 and “三公”经费小计 are the same figure (003 prints 2.43 in both; spec §1.B 9).
THREE_PUBLIC_ROWS = (
    ("合计", "total", RowKind.TOTAL),
    ("“三公”经费小计", "total", RowKind.SECTION),
    ("一、因公出国（境）费", "outbound", RowKind.CATEGORY),
    ("其中：教学科研人员因公出国（境）费", "none", RowKind.ITEM),
    ("其他因公出国（境）费", "outbound", RowKind.ITEM),
    ("二、公务用车购置及运维费", "vehicle", RowKind.CATEGORY),
    ("其中：公务用车购置费", "vehicle_purchase", RowKind.ITEM),
    ("公务用车运行维护费", "vehicle_operation", RowKind.ITEM),
    ("三、公务接待费", "reception", RowKind.CATEGORY),
)

THREE_PUBLIC = ThreePublicOptions(
    title="部门预算财政拨款“三公”经费支出表",
    layout=ThreePublicLayout.BY_SOURCE,
    rows=THREE_PUBLIC_ROWS,
    sources_label="资 金 性 质",
)


def build_three_public(data: BudgetData) -> ReportTable:
    return three_public_table(data, THREE_PUBLIC)
