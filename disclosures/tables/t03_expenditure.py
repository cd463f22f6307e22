"""预算03表 部门支出预算表: all expenditure, every source, by 功能分类 项 (万元)."""

from disclosures.tables.base import ReportTable
from disclosures.tables.common import expenditure_columns
from disclosures.tables.data import BudgetData
from disclosures.tables.families.functional import FunctionalOptions, functional_table, henan_sums

HENAN_EXPENDITURE = FunctionalOptions(
    title="{year}年部门支出预算表", columns=expenditure_columns, sums=henan_sums
)


def build_expenditure(data: BudgetData) -> ReportTable:
    table = functional_table(data, HENAN_EXPENDITURE)
    table.number, table.slug = 3, "expenditure"
    return table
