"""The table object every output (HTML, PDF, XLSX, CSV, JSON) is produced from.

A ``ReportTable`` holds a header tree (column groups as in the spec), rows whose cells are
keyed by leaf-column key, and notes. Builders are pure: they take ``BudgetData`` and
return a ``ReportTable``; renderers never recompute a figure.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class RowKind(StrEnum):
    """What a row is, so renderers can style it and checks can find it."""

    TOTAL = "total"  # 合计 / 总计
    DEPARTMENT = "department"  # the department's own row
    UNIT = "unit"  # a budget unit (subtotal of its projects)
    CATEGORY = "category"  # 类 subtotal
    SECTION = "section"  # 款 subtotal
    ITEM = "item"  # a leaf row (项, economic pair, project, indicator …)
    HEADING = "heading"  # a label-only row inside a form-style table


class ColumnKind(StrEnum):
    TEXT = "text"
    CODE = "code"
    AMOUNT = "amount"


@dataclass
class Column:
    """A header cell. Leaves (no children) carry the ``key`` rows use for their cells."""

    label: str
    key: str = ""
    kind: ColumnKind = ColumnKind.AMOUNT
    children: list["Column"] = field(default_factory=list)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def leaves(self) -> list["Column"]:
        if self.is_leaf:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]

    def depth(self) -> int:
        return 1 + max((child.depth() for child in self.children), default=0)


def group(label: str, *children: Column) -> Column:
    return Column(label=label, children=list(children))


def amount(key: str, label: str) -> Column:
    return Column(label=label, key=key, kind=ColumnKind.AMOUNT)


def text(key: str, label: str) -> Column:
    return Column(label=label, key=key, kind=ColumnKind.TEXT)


def code(key: str, label: str) -> Column:
    return Column(label=label, key=key, kind=ColumnKind.CODE)


Value = Decimal | str | None


class HeaderLine(StrEnum):
    """What a format prints on the line under a table's title."""

    DEPARTMENT = "department"  # 部门名称：… 单位：万元 (Henan)
    UNIT = "unit"  # 单位：万元 only (Hubei)
    NONE = "none"  # nothing (Hubei （五）（六）)
    CELLS = "cells"  # the table's ``header_cells`` side by side (Hebei: 450… | 预算年度：2024 | 单位：万元)


@dataclass
class Row:
    """A table row: cells keyed by leaf-column key; ``spans`` lets a cell cover columns."""

    kind: RowKind
    cells: dict[str, Value]
    spans: dict[str, int] = field(default_factory=dict)

    def get(self, key: str) -> Value:
        return self.cells.get(key)


@dataclass
class HeaderCell:
    """One ``<th>`` of a header row, with its spans (computed from the tree)."""

    column: Column
    colspan: int
    rowspan: int

    @property
    def scope(self) -> str:
        return "col" if self.colspan == 1 else "colgroup"


@dataclass
class ReportTable:
    """One disclosure table (预算01表 … 预算12表), in 万元."""

    number: int
    title: str
    department_name: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    unit_label: str = "万元"
    slug: str = ""
    label: str = ""  # how the format numbers it: 预算03表, （三）; set by the format
    # How the table prints (set by the format from its Style and TableSpec; Henan defaults).
    blank_zero: bool = True  # zero as an empty cell, else ``0.00``
    thousands: bool = True  # ``2,297.34`` or ``2297.34``
    header_line: str = HeaderLine.DEPARTMENT
    column_numbers: bool = False  # a row ``** | ** | 1 | 2 …`` under the header
    # A first 序号 column numbering the body rows, and a ``栏次 | 1 | 2 …`` row numbering every
    # column after it (Hebei). The 序号 column is a real column (key ``seq``).
    row_numbers: bool = False
    header_cells: list[str] = field(default_factory=list)  # for HeaderLine.CELLS
    # A form is printed as a group of small tables (Hubei （九）（十）): ``group`` is the
    # heading the group is listed under (项目绩效目标公开表（九）), on every table of it;
    # ``group_first`` marks the table the heading is printed above.
    group: str = ""
    group_first: bool = False
    # A form printed inside the 情况说明 (Hebei): the number of its section (一, 七, 八, 九);
    # empty: printed among the tables.
    section: str = ""

    @property
    def subtitle(self) -> str:
        """The line under the title as text (exports); empty when the format prints none."""
        if self.header_line == HeaderLine.CELLS:
            return "    ".join(self.header_cells)
        if self.header_line == HeaderLine.UNIT:
            return f"单位：{self.unit_label}"
        if self.header_line == HeaderLine.NONE:
            return ""
        return f"部门名称：{self.department_name}    单位：{self.unit_label}"

    def column_number_cells(self) -> list[str]:
        """The column-number row: ``**`` over code and text columns, 1, 2 … over amounts;
        with row numbers, ``栏次`` under 序号 and 1, 2 … over every other column."""
        if self.row_numbers:
            return ["栏次", *(str(n) for n in range(1, len(self.leaves())))]
        cells, number = [], 0
        for leaf in self.leaves():
            if leaf.kind == ColumnKind.AMOUNT:
                number += 1
                cells.append(str(number))
            else:
                cells.append("**")
        return cells

    def format_value(self, value: Value) -> str:
        """A cell's text in this table's style (amounts through ``budgets.formatting``)."""
        from budgets.formatting import format_amount

        if isinstance(value, Decimal):
            return format_amount(value, blank_zero=self.blank_zero, thousands=self.thousands)
        return "" if value is None else value

    def leaves(self) -> list[Column]:
        return [leaf for column in self.columns for leaf in column.leaves()]

    def header_rows(self) -> list[list[HeaderCell]]:
        """The header tree laid out as rows of cells with ``colspan``/``rowspan``."""
        depth = max(column.depth() for column in self.columns)
        rows: list[list[HeaderCell]] = [[] for _ in range(depth)]

        def place(column: Column, level: int) -> None:
            if column.is_leaf:
                rows[level].append(HeaderCell(column, 1, depth - level))
                return
            rows[level].append(HeaderCell(column, len(column.leaves()), 1))
            for child in column.children:
                place(child, level + 1)

        for column in self.columns:
            place(column, 0)
        return rows

    def laid_out(self, row: Row) -> list[tuple[Column, Value, int]]:
        """The row's cells in column order as (column, value, colspan), spans applied."""
        cells, skip = [], 0
        for leaf in self.leaves():
            if skip:
                skip -= 1
                continue
            span = row.spans.get(leaf.key, 1)
            skip = span - 1
            cells.append((leaf, row.cells.get(leaf.key), span))
        return cells

    @property
    def rendered_rows(self) -> list[dict]:
        """Rows as renderers walk them: kind and (column, value, colspan) cells."""
        return [{"kind": row.kind.value, "cells": self.laid_out(row)} for row in self.rows]

    def header_path(self, key: str) -> tuple[str, ...]:
        """Labels from the top header row down to the leaf ``key`` (e.g. 基本支出/人员经费/…)."""

        def walk(column: Column, trail: tuple[str, ...]):
            trail = (*trail, column.label)
            if column.is_leaf:
                return trail if column.key == key else None
            for child in column.children:
                if found := walk(child, trail):
                    return found
            return None

        for column in self.columns:
            if found := walk(column, ()):
                return found
        raise KeyError(key)

    @property
    def is_empty(self) -> bool:
        return not any(
            isinstance(value, Decimal) and value != 0
            for row in self.rows
            for value in row.cells.values()
        )
