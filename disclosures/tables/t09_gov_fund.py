"""预算09表 政府性基金支出预算表: table 3 restricted to 政府性基金预算 money (万元)."""

from budgets.funding import FundingGroup
from disclosures.tables.base import ReportTable
from disclosures.tables.common import expenditure_columns
from disclosures.tables.data import BudgetData
from disclosures.tables.families.functional import FunctionalOptions, functional_table, henan_sums

EMPTY_NOTE = "注：本单位无政府性基金预算支出，故此表无数据。"

HENAN_GOV_FUND = FunctionalOptions(
    title="{year}年政府性基金支出预算表",
    columns=expenditure_columns,
    sums=henan_sums,
    empty_notes=(EMPTY_NOTE,),
    cells=lambda cell: cell.group == FundingGroup.GOV_FUND,
)


def build_gov_fund(data: BudgetData) -> ReportTable:
    table = functional_table(data, HENAN_GOV_FUND)
    table.number, table.slug = 9, "gov-fund"
    return table
