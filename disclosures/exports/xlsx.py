"""The disclosure's tables as an XLSX workbook: one sheet per table, laid out like the web.

Headers are merged cells as on the page; amounts are numeric cells in 万元 with the
format ``#,##0.00``; codes are text cells (so ``2080501`` and ``060001`` keep their
digits); every text is a string cell, so a name like ``=HYPERLINK(…)`` is never a live
formula (``budgets/safe_cells.py``); a title row, the department/unit row and the
table's notes frame each sheet.
"""

from decimal import Decimal
from io import BytesIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from budgets.safe_cells import xlsx_text
from disclosures.document import Disclosure
from disclosures.exports.layout import GridCell, body_grid, header_grid
from disclosures.tables.base import ColumnKind, HeaderLine, ReportTable, RowKind

AMOUNT_FORMAT = "#,##0.00"
THIN = Side(style="thin", color="999999")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="F3EFE6")
BOLD_ROWS = {RowKind.TOTAL, RowKind.DEPARTMENT, RowKind.HEADING}
FIRST_HEADER_ROW = 3  # 1: title, 2: 部门名称 / 单位


def sheet_name(table: ReportTable) -> str:
    """The table's label, cut to the 31 characters a sheet name may have."""
    return (table.label or f"表{table.number}")[:31]


def _write(
    ws: Worksheet,
    cell: GridCell,
    top: int,
    *,
    header: bool,
    bold: bool,
    amount_format: str = AMOUNT_FORMAT,
) -> None:
    row, col = top + cell.row, cell.col + 1
    target = ws.cell(row=row, column=col)
    value = cell.value
    kind = cell.column.kind if cell.column is not None else ColumnKind.TEXT
    if isinstance(value, Decimal):
        target.value = value  # openpyxl writes Decimal as a number
        target.number_format = amount_format
    elif value not in (None, ""):
        xlsx_text(target, str(value))  # a name starting with "=" is text, not a formula
        if kind == ColumnKind.CODE and not header:
            target.number_format = "@"
    target.border = BORDER
    target.alignment = Alignment(
        horizontal="center" if header else None, vertical="center", wrap_text=True
    )
    if header:
        target.fill = HEADER_FILL
    target.font = Font(bold=header or bold)
    if cell.rowspan > 1 or cell.colspan > 1:
        ws.merge_cells(
            start_row=row,
            start_column=col,
            end_row=row + cell.rowspan - 1,
            end_column=col + cell.colspan - 1,
        )


def table_sheet_write(ws: Worksheet, table: ReportTable) -> None:
    """Fill one worksheet with one table."""
    width = len(table.leaves())
    ws.title = sheet_name(table)
    xlsx_text(ws.cell(row=1, column=1), table.title)
    ws.cell(row=1, column=1).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=max(width, 1))
    # The line under the title as the table's format prints it (Henan: 部门名称 and 单位;
    # Hubei: 单位 only, or nothing on （五）（六）).
    if table.header_line == HeaderLine.DEPARTMENT:
        xlsx_text(ws.cell(row=2, column=1), f"部门名称：{table.department_name}")
    if table.header_line == HeaderLine.CELLS:  # Hebei: first, middle and last column
        columns = (1, max(width // 2, 1), width)[-len(table.header_cells) :]
        for column, cell_text in zip(columns, table.header_cells, strict=False):
            xlsx_text(ws.cell(row=2, column=column), cell_text)
    elif table.header_line != HeaderLine.NONE:
        xlsx_text(ws.cell(row=2, column=width), f"单位：{table.unit_label}")
    # Hubei prints no thousands separator.
    amount_format = AMOUNT_FORMAT if table.thousands else "0.00"
    header = header_grid(table)
    for cell in header:
        _write(ws, cell, FIRST_HEADER_ROW, header=True, bold=True)
    body_top = FIRST_HEADER_ROW + max(c.row + c.rowspan for c in header)
    for index, row in enumerate(table.rows):
        for cell in body_grid(table, row, index):
            bold = row.kind in BOLD_ROWS
            _write(ws, cell, body_top, header=False, bold=bold, amount_format=amount_format)
    for offset, note in enumerate(table.notes):
        xlsx_text(ws.cell(row=body_top + len(table.rows) + 1 + offset, column=1), note)
    for index, leaf in enumerate(table.leaves(), start=1):
        ws.column_dimensions[get_column_letter(index)].width = (
            14 if leaf.kind == ColumnKind.AMOUNT else 24
        )
    ws.freeze_panes = ws.cell(row=body_top, column=1)


def workbook_bytes(disclosure: Disclosure, *, numbers: list[int] | None = None) -> bytes:
    """The XLSX file of all twelve tables (or only ``numbers``)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in disclosure.tables:
        if numbers is None or table.number in numbers:
            table_sheet_write(workbook.create_sheet(), table)
    workbook.properties.title = disclosure.title
    workbook.properties.creator = disclosure.department_name
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
