"""The checker: a format's rules over its tables (spec section 3), plus data warnings.

Each finding names the table(s), the figures and their difference in a Chinese sentence,
e.g. ``表一“卫生健康”支出 1,357.04 与表三卫生健康类合计 1,357.14 不一致，相差 0.10 万元``.
"""

from disclosures.checks.base import Collector, Finding, Level
from disclosures.checks.data import check_data
from disclosures.keyfigures import KeyFigures, key_figures
from disclosures.tables import budget_data
from disclosures.tables.base import ReportTable
from disclosures.tables.data import BudgetData


def check_tables(
    tables: list[ReportTable],
    format_key: str | None = None,
    figures: KeyFigures | None = None,
) -> list[Finding]:
    """Run the format's own rules on built (or imported) tables."""
    from disclosures.formats import format_get

    out = Collector()
    format_get(format_key).checks(tables, figures, out)
    return out.findings


def check_budget(
    *, budget_id: int, format_key: str | None = None, data: BudgetData | None = None
) -> list[Finding]:
    """Build a budget's tables in its format and run every rule and data warning on them.

    ``data``: the budget's data when the caller has read it already (the budget page).
    """
    from disclosures.formats import format_get

    data = data or budget_data(budget_id=budget_id)
    fmt = format_get(format_key or data.format_key)
    data = fmt.classify(data)  # 基本/项目 as the format counts them
    figures = key_figures(data)
    tables = fmt.build_tables(data)
    out = Collector()
    check_data(data, figures, out)
    fmt.data_checks(data, out)
    return check_tables(tables, fmt.key, figures) + out.findings


def has_errors(findings: list[Finding]) -> bool:
    return any(f.level == Level.ERROR for f in findings)


__all__ = ["Finding", "Level", "check_budget", "check_tables", "has_errors"]
