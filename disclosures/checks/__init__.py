"""The checker: every rule of spec section 3 over the twelve tables, plus data warnings.

Each finding names the table(s), the figures and their difference in a Chinese sentence,
e.g. ``表一“卫生健康”支出 1,357.04 与表三卫生健康类合计 1,357.14 不一致，相差 0.10 万元``.
"""

from disclosures.checks.across import (
    check_appropriation,
    check_basic,
    check_economic,
    check_projects,
    check_summary_against_others,
)
from disclosures.checks.base import Collector, Finding, Level
from disclosures.checks.data import check_data
from disclosures.checks.within import check_expenditure, check_income, check_summary
from disclosures.tables import budget_data, build_tables
from disclosures.tables.base import ReportTable


def check_tables(tables: list[ReportTable]) -> list[Finding]:
    """Run the cross-table rules on built (or imported) tables."""
    by_number = {table.number: table for table in tables}
    out = Collector()
    check_summary(by_number[1], out)
    check_income(by_number[2], out)
    for number in (3, 5, 9):
        check_expenditure(by_number[number], out)
    check_summary_against_others(by_number, out)
    check_appropriation(by_number, out)
    check_basic(by_number, out)
    check_economic(by_number, out)
    check_projects(by_number, out)
    return out.findings


def check_budget(*, budget_id: int) -> list[Finding]:
    """Build a budget's tables and run every rule and data warning on them."""
    data = budget_data(budget_id=budget_id)
    tables = build_tables(data)
    out = Collector()
    check_data(data, tables, out)
    return check_tables(tables) + out.findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == Level.ERROR for f in findings)


__all__ = ["Finding", "Level", "check_budget", "check_tables", "has_errors"]
