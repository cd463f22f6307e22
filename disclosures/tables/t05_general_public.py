"""预算05表 一般公共预算支出预算表: table 3 restricted to this year's 一般公共预算 (万元)."""

from budgets.funding import FundingGroup
from disclosures.tables.base import ReportTable
from disclosures.tables.common import expenditure_columns, expenditure_rows
from disclosures.tables.data import BudgetData

NOTE = "备注：本表仅含当年财政拨款安排的支出"


def build_general_public(data: BudgetData) -> ReportTable:
    cells = [c for c in data.cells if c.group == FundingGroup.GENERAL_PUBLIC]
    notes = [NOTE]
    if not cells:
        notes.append("注：本单位无一般公共预算支出，故此表无数据。")
    return ReportTable(
        number=5,
        slug="general-public",
        title=f"{data.year}年一般公共预算支出预算表",
        department_name=data.department.display_name,
        columns=expenditure_columns(),
        rows=expenditure_rows(data, cells),
        notes=notes,
    )
