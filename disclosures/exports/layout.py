"""Where each header and body cell of a ``ReportTable`` lands on a grid (for XLSX)."""

from dataclasses import dataclass

from disclosures.tables.base import Column, ReportTable, Row, Value


@dataclass(frozen=True)
class GridCell:
    """A cell at (row, column), 0-based, covering ``rowspan`` × ``colspan`` grid cells."""

    row: int
    col: int
    rowspan: int
    colspan: int
    value: Value
    column: Column | None = None


def header_grid(table: ReportTable) -> list[GridCell]:
    """The header tree as merged cells, exactly as the web page's ``<thead>`` draws it."""
    depth = max(column.depth() for column in table.columns)
    cells: list[GridCell] = []

    def place(column: Column, level: int, col: int) -> int:
        width = len(column.leaves())
        rowspan = depth - level if column.is_leaf else 1
        cells.append(GridCell(level, col, rowspan, width, column.label, column))
        child_col = col
        for child in column.children:
            child_col = place(child, level + 1, child_col)
        return col + width

    col = 0
    for column in table.columns:
        col = place(column, 0, col)
    return cells


def body_grid(table: ReportTable, row: Row, row_index: int) -> list[GridCell]:
    """One body row's cells with their column spans applied."""
    cells, col = [], 0
    for column, value, span in table.laid_out(row):
        cells.append(GridCell(row_index, col, 1, span, value, column))
        col += span
    return cells


def header_labels(table: ReportTable) -> list[str]:
    """One flat label per leaf column: the header path joined with ``/`` (for CSV)."""
    return ["/".join(table.header_path(leaf.key)) for leaf in table.leaves()]
