"""The Henan format's own rules: spec section 3 between and inside its twelve tables."""

from disclosures.checks.base import Collector
from disclosures.formats.henan.across import (
    check_appropriation,
    check_basic,
    check_economic,
    check_projects,
    check_summary_against_others,
)
from disclosures.formats.henan.within import check_expenditure, check_income, check_summary
from disclosures.keyfigures import KeyFigures
from disclosures.tables.base import ReportTable


def henan_checks(tables: list[ReportTable], figures: KeyFigures | None, out: Collector) -> None:
    """Run the cross-table rules on the twelve tables (addressed by their slugs)."""
    by_slug = {table.slug: table for table in tables}
    # The rules name tables 表一 … 表十二 by their Henan number (their position here).
    by_number = {table.number: table for table in tables}
    check_summary(by_slug["summary"], out)
    check_income(by_slug["income"], out)
    for slug in ("expenditure", "general-public", "gov-fund"):
        check_expenditure(by_slug[slug], out)
    check_summary_against_others(by_number, out)
    check_appropriation(by_number, out)
    check_basic(by_number, out)
    check_economic(by_number, out)
    check_projects(by_number, out)
