"""预算09表 政府性基金支出预算表: table 3 restricted to 政府性基金预算 money (万元)."""

from budgets.funding import FundingGroup
from disclosures.tables.base import ReportTable
from disclosures.tables.common import expenditure_columns, expenditure_rows
from disclosures.tables.data import BudgetData

EMPTY_NOTE = "注：本单位无政府性基金预算支出，故此表无数据。"


def build_gov_fund(data: BudgetData) -> ReportTable:
    cells = [c for c in data.cells if c.group == FundingGroup.GOV_FUND]
    return ReportTable(
        number=9,
        slug="gov-fund",
        title=f"{data.year}年政府性基金支出预算表",
        department_name=data.department.display_name,
        columns=expenditure_columns(),
        rows=expenditure_rows(data, cells),
        notes=[] if cells else [EMPTY_NOTE],
    )
