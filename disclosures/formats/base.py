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
    """One table of a format: its identity (slug), its printed label and its builder.

    A form (``group`` set, e.g. ``项目绩效目标公开表``) is built as a list of small tables;
    each gets the spec's slug and label followed by its own (``project-forms-1-2``,
    ``（九）1-2``), and the group heading with the spec's label.
    """

    slug: str
    label: str  # ``预算03表``, ``（三）`` or ""
    build: Callable[[BudgetData], ReportTable] | Callable[[BudgetData], list[ReportTable]]
    header_line: str | None = None  # None: the format's Style.header_line
    column_numbers: bool = False  # a ``** | ** | 1 | 2 …`` row under the header
    group: str = ""  # a form's heading without its label


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

    def build_tables(self, data: BudgetData) -> list[ReportTable]:
        """Every table of the format, numbered by position (no queries)."""
        tables: list[ReportTable] = []
        for spec in self.tables:
            if spec.group:
                tables += self._build_group(data, spec, len(tables))
                continue
            table = spec.build(data)
            assert isinstance(table, ReportTable)
            table.number, table.slug, table.label = len(tables) + 1, spec.slug, spec.label
            self._apply_style(table, spec)
            tables.append(table)
        return tables

    def _build_group(self, data: BudgetData, spec: TableSpec, before: int) -> list[ReportTable]:
        """A form's small tables, numbered on from ``before``; their titles keep no label."""
        built = spec.build(data)
        assert isinstance(built, list)
        heading = f"{spec.group}{spec.label}" if self.style.label_in_title else spec.group
        for offset, table in enumerate(built, start=1):
            table.number = before + offset
            table.slug = f"{spec.slug}-{table.slug}" if table.slug else f"{spec.slug}-{offset}"
            table.label = f"{spec.label}{table.label}"
            table.group, table.group_first = heading, offset == 1
            style, own_line = self.style, table.header_line
            table.blank_zero, table.thousands = style.blank_zero, style.thousands
            table.header_line = HeaderLine(spec.header_line or own_line)
        return built

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
