"""预算02表 部门收入预算表: income by funding source for the department and each unit (万元)."""

from collections import defaultdict

from budgets.funding import FundingGroup as G
from budgets.funding import FundingSource as S
from disclosures.tables.base import ReportTable, Row, RowKind, amount, code, group, text
from disclosures.tables.data import BudgetData, Cell, total

# leaf key → predicate on a cell
SOURCE_COLUMNS = {
    "current_total": lambda c: c.group != G.CARRY_OVER,
    "gp": lambda c: c.group == G.GENERAL_PUBLIC,
    "gp_appropriation": lambda c: c.source == S.GP_APPROPRIATION,
    "gf": lambda c: c.group == G.GOV_FUND,
    "sc": lambda c: c.group == G.STATE_CAPITAL,
    "special": lambda c: c.group == G.SPECIAL_ACCOUNT,
    "unit_service": lambda c: c.source == S.UNIT_SERVICE,
    "unit_operating": lambda c: c.source == S.UNIT_OPERATING,
    "unit_subsidy": lambda c: c.source == S.UNIT_SUBSIDY,
    "unit_subordinate": lambda c: c.source == S.UNIT_SUBORDINATE,
    "unit_other": lambda c: c.source == S.UNIT_OTHER,
    "carry_total": lambda c: c.group == G.CARRY_OVER,
    "carry_gp": lambda c: c.source == S.CARRY_GP,
    "carry_gf": lambda c: c.source == S.CARRY_GF,
    "carry_sc": lambda c: c.source == S.CARRY_SC,
    "carry_special": lambda c: c.source == S.CARRY_SPECIAL,
    "carry_unit": lambda c: c.source == S.CARRY_UNIT,
}


def income_sums(cells: list[Cell]) -> dict:
    sums = {key: total(cells, predicate) for key, predicate in SOURCE_COLUMNS.items()}
    sums["grand_total"] = sums["current_total"] + sums["carry_total"]
    return sums


def income_by_unit_rows(
    data: BudgetData, sums, *, department_row: bool = True, section_row: bool = False
) -> list[Row]:
    """合计, the supervising section and the department (optional), then each unit: the
    per-unit income rows any format's 收入表 prints, ``sums`` (cells → cells) choosing the
    columns."""
    department = data.department
    rows = [Row(RowKind.TOTAL, {"name": "合计", **sums(data.cells)})]
    section = getattr(department, "supervising_section", "")
    if section_row and section:
        rows.append(Row(RowKind.CATEGORY, {"code": "", "name": section, **sums(data.cells)}))
    if department_row:
        rows.append(
            Row(
                RowKind.DEPARTMENT,
                {"code": department.code, "name": department.name, **sums(data.cells)},
            )
        )
    by_unit: dict[int, list[Cell]] = defaultdict(list)
    for cell in data.cells:
        by_unit[cell.unit_id].append(cell)
    for unit in data.units:
        unit_cells = by_unit.get(unit.pk, [])
        rows.append(Row(RowKind.UNIT, {"code": unit.code, "name": unit.name, **sums(unit_cells)}))
    return rows


def build_income(data: BudgetData) -> ReportTable:
    department = data.department
    rows = income_by_unit_rows(data, income_sums)
    return ReportTable(
        number=2,
        slug="income",
        title=f"{data.year}年部门收入预算表",
        department_name=department.display_name,
        columns=[
            code("code", "单位代码"),
            text("name", "单位名称"),
            amount("grand_total", "总计"),
            group(
                "本年收入",
                amount("current_total", "合计"),
                group(
                    "一般公共预算",
                    amount("gp", "小计"),
                    amount("gp_appropriation", "其中：财政拨款"),
                ),
                amount("gf", "政府性基金预算"),
                amount("sc", "国有资本经营预算"),
                amount("special", "财政专户管理资金收入"),
                amount("unit_service", "事业收入"),
                amount("unit_operating", "事业单位经营收入"),
                amount("unit_subsidy", "上级补助收入"),
                amount("unit_subordinate", "附属单位上缴收入"),
                amount("unit_other", "其他收入"),
            ),
            group(
                "上年结转结余",
                amount("carry_total", "合计"),
                amount("carry_gp", "一般公共预算"),
                amount("carry_gf", "政府性基金预算"),
                amount("carry_sc", "国有资本经营预算"),
                amount("carry_special", "财政专户管理资金"),
                amount("carry_unit", "单位资金"),
            ),
        ],
        rows=rows,
    )
