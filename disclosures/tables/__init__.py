"""Table builders and the ``ReportTable`` they return; formats compose them.

Which tables a document has, in which order and style, is the format's business
(``disclosures/formats/``); ``build_tables`` builds a format's tables (Henan by default).
"""

from disclosures.tables.base import ReportTable
from disclosures.tables.data import BudgetData, budget_data


def build_tables(data: BudgetData, format_key: str | None = None) -> list[ReportTable]:
    """Every table of the format from already-fetched data (no queries)."""
    from disclosures.formats import format_get  # formats import the builders below

    fmt = format_get(format_key)
    return fmt.build_tables(fmt.classify(data))


def build_all(*, budget_id: int, format_key: str | None = None) -> list[ReportTable]:
    """Fetch a budget's data (fixed number of queries) and build its format's tables."""
    data = budget_data(budget_id=budget_id)
    return build_tables(data, format_key or data.format_key)


__all__ = ["BudgetData", "ReportTable", "build_all", "build_tables", "budget_data"]
