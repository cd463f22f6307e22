"""``ReportTable`` ⇄ plain JSON-able dicts, for frozen snapshots and the open-data API.

Amounts (万元) travel as strings with two decimals (``"2297.34"``), never as floats; a
row lists which of its cells are amounts so that reading a snapshot gives back exactly
the ``Decimal`` values that were built.
"""

from copy import copy
from decimal import Decimal

from budgets.fields import quantize
from disclosures.tables.base import Column, ColumnKind, HeaderLine, ReportTable, Row, RowKind

# How a table prints; written only when it differs from Henan's (so Henan snapshots and
# snapshots from before formats existed read back with Henan's style).
STYLE_DEFAULTS = {
    "blank_zero": True,
    "thousands": True,
    "header_line": HeaderLine.DEPARTMENT.value,
    "column_numbers": False,
    "row_numbers": False,
    "header_cells": [],
}


def _column_to_dict(column: Column) -> dict[str, object]:
    data: dict[str, object] = {"label": column.label, "key": column.key, "kind": column.kind.value}
    if column.children:
        data["children"] = [_column_to_dict(child) for child in column.children]
    return data


def _column_from_dict(data: dict) -> Column:
    return Column(
        label=data["label"],
        key=data.get("key", ""),
        kind=ColumnKind(data.get("kind", ColumnKind.AMOUNT)),
        children=[_column_from_dict(child) for child in data.get("children", [])],
    )


def _row_to_dict(row: Row) -> dict[str, object]:
    cells: dict[str, str | None] = {}
    amounts: list[str] = []
    for key, value in row.cells.items():
        if isinstance(value, Decimal):
            cells[key] = str(quantize(value))
            amounts.append(key)
        else:
            cells[key] = value
    data: dict[str, object] = {"kind": row.kind.value, "cells": cells}
    if amounts:
        data["amounts"] = amounts
    if row.spans:
        data["spans"] = row.spans
    return data


def _row_from_dict(data: dict) -> Row:
    amounts = set(data.get("amounts", ()))
    cells = {
        key: Decimal(value) if key in amounts and value is not None else value
        for key, value in data["cells"].items()
    }
    return Row(kind=RowKind(data["kind"]), cells=cells, spans=dict(data.get("spans", {})))


def _style_to_dict(table: ReportTable) -> dict:
    style = {
        key: str(getattr(table, key)) if key == "header_line" else copy(getattr(table, key))
        for key in STYLE_DEFAULTS
    }
    return {key: value for key, value in style.items() if value != STYLE_DEFAULTS[key]}


def table_to_dict(table: ReportTable) -> dict:
    """A table as JSON-able data: title, subtitle parts, header tree, rows, notes, style."""
    data = {
        "number": table.number,
        "title": table.title,
        "slug": table.slug,
        "label": table.label,
        "department_name": table.department_name,
        "unit_label": table.unit_label,
        "columns": [_column_to_dict(column) for column in table.columns],
        "rows": [_row_to_dict(row) for row in table.rows],
        "notes": list(table.notes),
    }
    if style := _style_to_dict(table):
        data["style"] = style
    if table.group:  # only form tables: older snapshots have no key
        data["group"] = {"title": table.group, "first": table.group_first}
    if table.section:  # only Hebei forms: older snapshots have no key
        data["section"] = table.section
    return data


def table_from_dict(data: dict) -> ReportTable:
    """The inverse of :func:`table_to_dict`."""
    style = {**STYLE_DEFAULTS, **data.get("style", {})}
    return ReportTable(
        number=data["number"],
        title=data["title"],
        slug=data.get("slug", ""),
        # Snapshots from before formats existed are Henan: 预算01表 … 预算12表.
        label=data.get("label") or f"预算{data['number']:02d}表",
        department_name=data["department_name"],
        unit_label=data.get("unit_label", "万元"),
        columns=[_column_from_dict(column) for column in data["columns"]],
        rows=[_row_from_dict(row) for row in data["rows"]],
        notes=list(data.get("notes", [])),
        blank_zero=bool(style["blank_zero"]),
        thousands=bool(style["thousands"]),
        header_line=HeaderLine(style["header_line"]),
        column_numbers=bool(style["column_numbers"]),
        row_numbers=bool(style["row_numbers"]),
        header_cells=[str(cell) for cell in style["header_cells"]],
        group=data.get("group", {}).get("title", ""),
        group_first=bool(data.get("group", {}).get("first", False)),
        section=data.get("section", ""),
    )
