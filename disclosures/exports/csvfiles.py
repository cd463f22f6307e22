"""The disclosure's tables as CSV (UTF-8 with BOM, so Excel opens the Chinese correctly).

One header line (each column's header path joined with ``/``), then the rows; amounts
in 万元 as plain numbers with two decimals (``2297.34``), no thousands separators, so
the files load into any tool; a merged cell's value is written in its first column. A
text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with
``'`` so that no spreadsheet runs it as a formula (``budgets/safe_cells.py``).
"""

import csv
import io
import zipfile
from decimal import Decimal

from budgets.fields import quantize
from budgets.safe_cells import csv_text
from disclosures.document import Disclosure
from disclosures.exports.layout import header_labels
from disclosures.exports.names import download_filename
from disclosures.tables.base import ReportTable

BOM = "\ufeff"


def _text(value) -> str:
    if isinstance(value, Decimal):
        return str(quantize(value))  # a number, negative or not: never quoted
    # A text that a spreadsheet would run as a formula gets a leading "'" (OWASP).
    return "" if value is None else csv_text(str(value))


def table_csv(table: ReportTable) -> bytes:
    """One table as CSV bytes."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([csv_text(label) for label in header_labels(table)])
    leaves = table.leaves()
    for row in table.rows:
        writer.writerow([_text(row.cells.get(leaf.key)) for leaf in leaves])
    return (BOM + buffer.getvalue()).encode("utf-8")


def csv_zip_bytes(disclosure: Disclosure) -> bytes:
    """A ZIP of the twelve tables' CSV files, named in Chinese (UTF-8 names)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for table in disclosure.tables:
            name = download_filename(disclosure, extension="csv", number=table.number)
            archive.writestr(name, table_csv(table))
    return buffer.getvalue()
