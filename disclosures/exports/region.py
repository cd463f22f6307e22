"""A region's comparison as CSV (UTF-8 with BOM) and XLSX: one row per department, totals last.

Amounts in 万元 with two decimals, percentages as numbers (``12.34``); an empty cell is a
figure the publication does not state (机关运行经费 of an old snapshot, no last year).
"""

import csv
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from budgets.fields import quantize
from disclosures.exports.xlsx import AMOUNT_FORMAT
from disclosures.region import AMOUNTS, DERIVED, Comparison

BOM = "\ufeff"
HEADINGS = ("部门代码", "部门", *(c.label for c in AMOUNTS + DERIVED))
KEYS = tuple(c.key for c in AMOUNTS + DERIVED)


def _lines(comparison: Comparison) -> list[list]:
    lines = [
        [r.department_code, r.department_name, *(r.values[k] for k in KEYS)]
        for r in comparison.rows
    ]
    lines.append(["", "合计", *(comparison.totals[k] for k in KEYS)])
    return lines


def _text(value) -> str:
    if isinstance(value, Decimal):
        return str(quantize(value))
    return "" if value is None else str(value)


def comparison_csv(comparison: Comparison) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADINGS)
    for line in _lines(comparison):
        writer.writerow([_text(v) for v in line])
    return (BOM + buffer.getvalue()).encode("utf-8")


def comparison_xlsx(comparison: Comparison) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{comparison.year}年"
    title = f"{comparison.region_name}{comparison.year}年各部门预算对比（单位：万元）"
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append(list(HEADINGS))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for line in _lines(comparison):
        sheet.append([str(v) if isinstance(v, str) else v for v in line])
        for cell in sheet[sheet.max_row][2:]:
            cell.number_format = AMOUNT_FORMAT
        sheet.cell(row=sheet.max_row, column=1).number_format = "@"
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["B"].width = 30
    sheet.freeze_panes = "C3"
    workbook.properties.title = title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
