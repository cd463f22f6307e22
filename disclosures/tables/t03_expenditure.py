"""预算03表 部门支出预算表: all expenditure, every source, by 功能分类 项 (万元)."""

from disclosures.tables.base import ReportTable
from disclosures.tables.common import expenditure_columns, expenditure_rows
from disclosures.tables.data import BudgetData


def build_expenditure(data: BudgetData) -> ReportTable:
    return ReportTable(
        number=3,
        slug="expenditure",
        title=f"{data.year}年部门支出预算表",
        department_name=data.department.display_name,
        columns=expenditure_columns(),
        rows=expenditure_rows(data, data.cells),
    )
