"""Spreadsheet cells that cannot run: user text in downloads stays text, never a formula.

A project name such as ``=HYPERLINK("http://x","点击")`` must not become a live formula
when a citizen or a clerk opens a download in Excel or WPS (CSV/formula injection).

- XLSX: a text is written as a *string* cell. openpyxl would otherwise store any text
  starting with ``=`` as a formula (and ``#N/A`` as an error value); the text is kept
  exactly, so the product's own workbook re-imports unchanged.
- CSV/TSV: there are no cell types, so following the OWASP CSV-injection guidance a text
  starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading
  single quote (``'=HYPERLINK(…)``), which spreadsheets show as text.

Only texts are touched: numbers stay numbers, and a text that is just a number
(``-12.50``, as a widget renders an amount) cannot start a formula, so it is left alone.
Used by the public downloads (``disclosures/exports``), the budget workbook
(``budgets/workbook/export.py``) and the admin's per-model exports (``export_formats``).
"""

import re

import tablib
from import_export.formats import base_formats
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/?*\[\]:]")


def looks_like_formula(text: str) -> bool:
    """Would a spreadsheet read this text as (the start of) a formula?"""
    return text.startswith(FORMULA_STARTS) and not PLAIN_NUMBER.fullmatch(text)


def csv_text(text: str) -> str:
    """``text`` for a CSV/TSV cell: a leading ``'`` when it could start a formula."""
    return f"'{text}" if looks_like_formula(text) else text


def csv_value(value):
    """A CSV cell's value: texts neutralised by :func:`csv_text`, anything else as is."""
    return csv_text(value) if isinstance(value, str) else value


def xlsx_text(cell, text: str) -> None:
    """Write ``text`` into an openpyxl ``cell`` as a string cell, whatever it starts with."""
    # Control characters are not allowed in XLSX at all (openpyxl raises): show them as �.
    cell.value = ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", text)
    if cell.data_type != "s":  # openpyxl took "=…" for a formula or "#N/A" for an error
        cell.data_type = "s"
        cell.number_format = "@"  # and Excel keeps it text when the cell is edited


def xlsx_value(cell, value) -> None:
    """Write any value: texts through :func:`xlsx_text`, numbers and dates as they are."""
    if isinstance(value, str):
        xlsx_text(cell, value)
    else:
        cell.value = value  # a Decimal is written as a number


class SafeCSV(base_formats.CSV):
    """django-import-export's CSV export with formula-like texts neutralised.

    (Its own ``IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT`` only deletes a leading ``=``,
    changing the data, ignores ``+ - @``, and turns every number into text.)
    """

    def export_data(self, dataset, **kwargs):
        safe = tablib.Dataset(headers=[csv_value(h) for h in dataset.headers or []])
        for row in dataset:
            safe.append([csv_value(value) for value in row])
        return super().export_data(safe, **kwargs)


class SafeTSV(base_formats.TSV):
    """TSV export, neutralised as :class:`SafeCSV`."""

    export_data = SafeCSV.export_data


class SafeXLSX(base_formats.XLSX):
    """django-import-export's XLSX export with every text written as a string cell."""

    def export_data(self, dataset, **kwargs):
        from io import BytesIO

        book = Workbook()
        sheet = book.active
        sheet.title = SHEET_TITLE_FORBIDDEN.sub("-", dataset.title or "Sheet1")[:31]
        bold = Font(bold=True)
        for col, header in enumerate(dataset.headers or [], start=1):
            cell = sheet.cell(row=1, column=col)
            xlsx_value(cell, header)
            cell.font = bold
        sheet.freeze_panes = "A2"
        for r, row in enumerate(dataset, start=2):
            for col, value in enumerate(row, start=1):
                xlsx_value(sheet.cell(row=r, column=col), value)
        out = BytesIO()
        book.save(out)
        return out.getvalue()


# What the admin offers for export: the formats available before, with the three that a
# spreadsheet opens made safe (JSON and HTML have no formulas).
EXPORT_FORMATS = [SafeCSV, SafeXLSX, SafeTSV, base_formats.JSON, base_formats.HTML]
