"""预算07表 支出经济分类汇总表: all expenditure (basic and project, every source) by pair (万元)."""

from collections import defaultdict

from budgets.funding import FundingGroup as G
from budgets.funding import FundingSource as S
from disclosures.tables.base import ReportTable, Row, RowKind, amount, code, group, text
from disclosures.tables.data import BudgetData, Cell, total

COLUMNS = {
    "total": lambda c: True,
    "gp": lambda c: c.group == G.GENERAL_PUBLIC,
    "gp_appropriation": lambda c: c.source == S.GP_APPROPRIATION,
    "gf": lambda c: c.group == G.GOV_FUND,
    "sc": lambda c: c.group == G.STATE_CAPITAL,
    "carry": lambda c: c.group == G.CARRY_OVER,
    "special": lambda c: c.group == G.SPECIAL_ACCOUNT,
    "unit_service": lambda c: c.source == S.UNIT_SERVICE,
    "unit_subsidy": lambda c: c.source == S.UNIT_SUBSIDY,
    "unit_subordinate": lambda c: c.source == S.UNIT_SUBORDINATE,
    "unit_operating": lambda c: c.source == S.UNIT_OPERATING,
    "unit_other": lambda c: c.source == S.UNIT_OTHER,
}


def _sums(cells: list[Cell]) -> dict:
    return {key: total(cells, predicate) for key, predicate in COLUMNS.items()}


def build_economic(data: BudgetData) -> ReportTable:
    pairs: dict[tuple, list[Cell]] = defaultdict(list)
    for cell in data.cells:
        pairs[(cell.dept_code, cell.dept_name, cell.gov_code, cell.gov_name)].append(cell)
    department = data.department
    rows = [
        Row(RowKind.TOTAL, {"dept_name": "合计", **_sums(data.cells)}),
        Row(
            RowKind.DEPARTMENT,
            {"dept_name": f"{department.code} {department.name}", **_sums(data.cells)},
        ),
    ]
    for dept_code, dept_name, gov_code, gov_name in sorted(pairs):
        rows.append(
            Row(
                RowKind.ITEM,
                {
                    "dept_cat": dept_code[:3],
                    "dept_sec": dept_code[3:],
                    "dept_name": dept_name,
                    "gov_cat": gov_code[:3],
                    "gov_sec": gov_code[3:],
                    "gov_name": gov_name,
                    **_sums(pairs[(dept_code, dept_name, gov_code, gov_name)]),
                },
            )
        )
    return ReportTable(
        number=7,
        slug="economic",
        title=f"{data.year}年支出经济分类汇总表",
        department_name=department.display_name,
        columns=[
            group(
                "部门预算支出经济分类科目",
                code("dept_cat", "类"),
                code("dept_sec", "款"),
                text("dept_name", "科目名称"),
            ),
            group(
                "政府预算支出经济分类科目",
                code("gov_cat", "类"),
                code("gov_sec", "款"),
                text("gov_name", "科目名称"),
            ),
            amount("total", "总计"),
            group(
                "一般公共预算", amount("gp", "小计"), amount("gp_appropriation", "其中：财政拨款")
            ),
            amount("gf", "政府性基金预算"),
            amount("sc", "国有资本经营预算"),
            amount("carry", "上年结转结余"),
            amount("special", "财政专户管理资金收入"),
            amount("unit_service", "事业收入"),
            amount("unit_subsidy", "上级补助收入"),
            amount("unit_subordinate", "附属单位上缴收入"),
            amount("unit_operating", "事业单位经营收入"),
            amount("unit_other", "其他收入"),
        ],
        rows=rows,
    )
