"""预算05表 一般公共预算支出预算表: table 3 restricted to this year's 一般公共预算 (万元)."""

from budgets.funding import FundingGroup
from disclosures.tables.base import ReportTable
from disclosures.tables.common import expenditure_columns
from disclosures.tables.data import BudgetData
from disclosures.tables.families.functional import FunctionalOptions, functional_table, henan_sums

NOTE = "备注：本表仅含当年财政拨款安排的支出"

HENAN_GENERAL_PUBLIC = FunctionalOptions(
    title="{year}年一般公共预算支出预算表",
    columns=expenditure_columns,
    sums=henan_sums,
    notes=(NOTE,),
    empty_notes=("注：本单位无一般公共预算支出，故此表无数据。",),
    cells=lambda cell: cell.group == FundingGroup.GENERAL_PUBLIC,
)


def build_general_public(data: BudgetData) -> ReportTable:
    table = functional_table(data, HENAN_GENERAL_PUBLIC)
    table.number, table.slug = 5, "general-public"
    return table
