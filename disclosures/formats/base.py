"""What a disclosure format is: its tables, their style, its document, narrative and checks.

A format (``henan``, later ``hubei`` and ``hebei``) is a small package under
``disclosures/formats/`` that composes table builders (``disclosures/tables/``) into an
ordered list of :class:`TableSpec`, names its :class:`Style`, and supplies the writer of
its 情况说明 and its own checks. Nothing outside a format knows a table's number or a
row's label: consumers read the key figures (``disclosures/keyfigures.py``) and address
tables by slug or by position.
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from budgets.models import LineKind
from disclosures.checks.base import Collector
from disclosures.keyfigures import KeyFigures
from disclosures.places import ProgressItem
from disclosures.tables.base import HeaderLine, ReportTable, text
from disclosures.tables.data import BudgetData


class DocumentKind:
    """How the whole document is laid out (web page and PDF)."""

    FULL = "full"  # cover, 目录, 第一部分 概况, 第二部分 情况说明, 第三部分 名词解释, 附件 tables
    TABLES = "tables"  # the numbered tables only
    # the numbered tables, then the 情况说明 in numbered sections (Hebei 003)
    TABLES_THEN_EXPLANATION = "tables_then_explanation"


@dataclass(frozen=True)
class Style:
    """How a format prints its tables (amounts in 万元)."""

    blank_zero: bool = True  # zero as an empty cell (Henan) or ``0.00`` (Hubei)
    thousands: bool = True  # ``2,297.34`` or ``2297.34``
    percent_decimals: int = 2
    header_line: str = HeaderLine.DEPARTMENT  # the line under a title, unless a table says
    label_in_title: bool = False  # Hubei titles end with their label: 部门收支总体情况表（一）
    row_numbers: bool = False  # a 序号 column and a 栏次 row on every table (Hebei)


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
    # Project kinds whose lines this format counts as 基本支出, with the 人员/公用 type they
    # take (Hebei 名词解释 7: 人员类 and 运转类 公用经费 projects are basic). Empty: a
    # project's lines are 项目支出 whatever its kind (Henan, Hubei).
    basic_project_kinds: dict[str, str] = field(default_factory=dict)
    # Heading of the 情况说明 when it follows the tables (with ``{department}``, ``{year}``).
    explanation_title: str = ""
    # budget data → 填报进度: what this format prints, whether it is entered and where
    # (shared items in ``disclosures/progress.py``); no queries.
    progress: Callable[[BudgetData], list[ProgressItem]] = lambda data: []
    # budget data → the forms printed inside the 情况说明, each table's ``section`` the
    # number of the section it sits in (Hebei 一/七/八/九); no queries.
    forms: Callable[[BudgetData], list[ReportTable]] = lambda data: []
    # (budget data, collector) → the format's own warnings on data its tables do not show
    # (Hebei: 资金支出计划, 资产总额 of the forms).
    data_checks: Callable[[BudgetData, Collector], None] = lambda data, out: None

    def classify(self, data: BudgetData) -> BudgetData:
        """The budget data as this format counts it: lines of the projects whose kind the
        format calls basic become basic cells (of the kind's 人员/公用 type). Key figures,
        tables and checks of the format all read the classified data (no queries)."""
        if not self.basic_project_kinds:
            return data
        cost_types = {
            p.pk: self.basic_project_kinds[p.kind]
            for p in data.projects
            if p.kind in self.basic_project_kinds
        }
        if not cost_types:
            return data
        cells = [
            replace(cell, kind=LineKind.BASIC, cost_type=cost_types[cell.project_id])
            if cell.project_id in cost_types
            else cell
            for cell in data.cells
        ]
        return replace(data, cells=cells)

    def progress_items(self, data: BudgetData) -> list[ProgressItem]:
        """What the budget still lacks for this format's document, each with its link."""
        return self.progress(data)

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
            self._apply_style(table, spec, data)
            tables.append(table)
        return tables

    def build_forms(self, data: BudgetData, before: int) -> list[ReportTable]:
        """The forms of the 情况说明, numbered on from ``before`` (the tables' count), in
        the style their builder gave them; downloads and the API list them after the tables."""
        built = self.forms(data)
        for offset, table in enumerate(built, start=1):
            table.number = before + offset
        return built

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

    def _apply_style(self, table: ReportTable, spec: TableSpec, data: BudgetData) -> None:
        """Give the table how this format prints it (renderers read it from the table)."""
        style = self.style
        table.blank_zero, table.thousands = style.blank_zero, style.thousands
        table.header_line = HeaderLine(spec.header_line or style.header_line)
        table.column_numbers = spec.column_numbers or style.row_numbers
        if table.header_line == HeaderLine.CELLS:
            department = data.department
            table.header_cells = [
                f"{department.code}{department.name}",
                f"预算年度：{data.year}",
                f"单位：{table.unit_label}",
            ]
        if style.row_numbers:
            number_rows(table)
        if style.label_in_title and spec.label:
            table.title = f"{table.title}{spec.label}"

    def spec(self, number: int) -> TableSpec | None:
        """The table at position ``number`` (1-based), or None."""
        return self.tables[number - 1] if 0 < number <= len(self.tables) else None


def number_rows(table: ReportTable) -> None:
    """Prepend the 序号 column: 1, 2 … on every row with content (an empty table's blank
    row has none), and number the columns after it in a 栏次 row."""
    table.columns.insert(0, text("seq", "序号"))
    table.row_numbers = True
    number = 0
    for row in table.rows:
        if any(value not in (None, "") for value in row.cells.values()):
            number += 1
            row.cells = {"seq": str(number), **row.cells}
