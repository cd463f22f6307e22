"""The twelve standard tables (Henan format, 预算01表 … 预算12表), one module each."""

from disclosures.tables.base import ReportTable
from disclosures.tables.data import BudgetData, budget_data
from disclosures.tables.t01_summary import build_summary
from disclosures.tables.t02_income import build_income
from disclosures.tables.t03_expenditure import build_expenditure
from disclosures.tables.t04_appropriation import build_appropriation
from disclosures.tables.t05_general_public import build_general_public
from disclosures.tables.t06_basic import build_basic
from disclosures.tables.t07_economic import build_economic
from disclosures.tables.t08_three_public import build_three_public
from disclosures.tables.t09_gov_fund import build_gov_fund
from disclosures.tables.t10_projects import build_projects
from disclosures.tables.t11_department_goals import build_department_goals
from disclosures.tables.t12_project_goals import build_project_goals

BUILDERS = {
    1: build_summary,
    2: build_income,
    3: build_expenditure,
    4: build_appropriation,
    5: build_general_public,
    6: build_basic,
    7: build_economic,
    8: build_three_public,
    9: build_gov_fund,
    10: build_projects,
    11: build_department_goals,
    12: build_project_goals,
}


def build_tables(data: BudgetData) -> list[ReportTable]:
    """All twelve tables from already-fetched data (no queries)."""
    return [builder(data) for builder in BUILDERS.values()]


def build_all(*, budget_id: int) -> list[ReportTable]:
    """Fetch a budget's data (fixed number of queries) and build the twelve tables."""
    return build_tables(budget_data(budget_id=budget_id))


__all__ = ["BUILDERS", "BudgetData", "ReportTable", "build_all", "build_tables", "budget_data"]
