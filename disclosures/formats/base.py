"""What a disclosure format is: its tables, their style, its document, narrative and checks.

A format (``henan``, later ``hubei`` and ``hebei``) is a small package under
``disclosures/formats/`` that composes table builders (``disclosures/tables/``) into an
ordered list of :class:`TableSpec`, names its :class:`Style`, and supplies the writer of
its 情况说明 and its own checks. Nothing outside a format knows a table's number or a
row's label: consumers read the key figures (``disclosures/keyfigures.py``) and address
tables by slug or by position.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from disclosures.checks.base import Collector
from disclosures.keyfigures import KeyFigures
from disclosures.places import ProgressItem
from disclosures.tables.base import HeaderLine, ReportTable
from disclosures.tables.data import BudgetData


class DocumentKind:
    """How the whole document is laid out (web page and PDF)."""

    FULL = "full"  # cover, 目录, 第一部分 概况, 第二部分 情况说明, 第三部分 名词解释, 附件 tables
    TABLES = "tables"  # the numbered tables only


@dataclass(frozen=True)
class Style:
    """How a format prints its tables (amounts in 万元)."""

    blank_zero: bool = True  # zero as an empty cell (Henan) or ``0.00`` (Hubei)
    thousands: bool = True  # ``2,297.34`` or ``2297.34``
    percent_decimals: int = 2
    header_line: str = HeaderLine.DEPARTMENT  # the line under a title, unless a table says
    label_in_title: bool = False  # Hubei titles end with their label: 部门收支总体情况表（一）


@dataclass(frozen=True)
class TableSpec:
    """One table of a format: its identity (slug), its printed label and its builder."""

    slug: str
    label: str  # ``预算03表``, ``（三）`` or ""
    build: Callable[[BudgetData], ReportTable]
    header_line: str | None = None  # None: the format's Style.header_line
    column_numbers: bool = False  # a ``** | ** | 1 | 2 …`` row under the header


@dataclass(frozen=True)
class DisclosureFormat:
    """A province's document: ordered tables, style, document layout, narrative, checks."""

    key: str
    label: str
    tables: tuple[TableSpec, ...]
    style: Style
    document: str
    # (budget data, key figures) → sections of the 情况说明 (empty for tables-only formats)
    explanation: Callable[[BudgetData, KeyFigures], list]
    # (tables, key figures, collector) → findings of the format's own rules
    checks: Callable[[list[ReportTable], KeyFigures | None, Collector], None]
    province_prefixes: tuple[str, ...] = field(default_factory=tuple)
    # budget data → 填报进度: what this format prints, whether it is entered and where
    # (shared items in ``disclosures/progress.py``); no queries.
    progress: Callable[[BudgetData], list[ProgressItem]] = lambda data: []

    def progress_items(self, data: BudgetData) -> list[ProgressItem]:
        """What the budget still lacks for this format's document, each with its link."""
        return self.progress(data)

    def build_tables(self, data: BudgetData) -> list[ReportTable]:
        """Every table of the format, numbered by position (no queries)."""
        tables = []
        for position, spec in enumerate(self.tables, start=1):
            table = spec.build(data)
            table.number, table.slug, table.label = position, spec.slug, spec.label
            self._apply_style(table, spec)
            tables.append(table)
        return tables

    def _apply_style(self, table: ReportTable, spec: TableSpec) -> None:
        """Give the table how this format prints it (renderers read it from the table)."""
        style = self.style
        table.blank_zero, table.thousands = style.blank_zero, style.thousands
        table.header_line = HeaderLine(spec.header_line or style.header_line)
        table.column_numbers = spec.column_numbers
        if style.label_in_title and spec.label:
            table.title = f"{table.title}{spec.label}"

    def spec(self, number: int) -> TableSpec | None:
        """The table at position ``number`` (1-based), or None."""
        return self.tables[number - 1] if 0 < number <= len(self.tables) else None
