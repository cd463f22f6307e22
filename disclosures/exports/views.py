"""Downloads of the current publication: XLSX workbook, ZIP of CSVs, one table's XLSX/CSV.

Everything is made from the frozen snapshot (never the live budget), so a version's
files never change; the bytes are cached per publication.
"""

from django.http import Http404

from disclosures.caching import cached_value, page_key
from disclosures.exports.csvfiles import csv_zip_bytes, table_csv
from disclosures.exports.names import attachment, download_filename
from disclosures.exports.xlsx import workbook_bytes
from disclosures.selectors import publication_get

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
ZIP = "application/zip"


def _made(publication, kind: str, number: int | None, make) -> bytes:
    """The file's bytes from the cache, made from the snapshot on a miss."""
    key = page_key(publication, f"download-{kind}-{number}")
    return cached_value(key, lambda: make(publication.disclosure()))


def _send(publication, *, kind: str, extension: str, content_type: str, make, number=None):
    data = _made(publication, kind, number, make)
    name = download_filename(publication, extension=extension, number=number)
    return attachment(data, filename=name, content_type=content_type)


def workbook_xlsx(request, region: str, year: int, department: str):
    """All twelve tables in one XLSX workbook, one sheet per table."""
    publication = publication_get(region=region, year=year, department=department)
    return _send(publication, kind="xlsx", extension="xlsx", content_type=XLSX, make=workbook_bytes)


def csv_zip(request, region: str, year: int, department: str):
    """A ZIP of twelve CSV files."""
    publication = publication_get(region=region, year=year, department=department)
    return _send(publication, kind="zip", extension="zip", content_type=ZIP, make=csv_zip_bytes)


def _one_table(region, year, department, number, *, extension, content_type, make):
    publication = publication_get(region=region, year=year, department=department)
    if not publication.has_table(number):
        raise Http404("没有这张表。")
    return _send(
        publication,
        kind=f"table-{extension}",
        extension=extension,
        content_type=content_type,
        number=number,
        make=lambda disclosure: make(disclosure, number),
    )


def table_xlsx(request, region: str, year: int, department: str, number: int):
    """One table as an XLSX workbook of one sheet."""
    return _one_table(
        region,
        year,
        department,
        number,
        extension="xlsx",
        content_type=XLSX,
        make=lambda disclosure, n: workbook_bytes(disclosure, numbers=[n]),
    )


def table_csv_file(request, region: str, year: int, department: str, number: int):
    """One table as CSV (UTF-8 with BOM)."""
    return _one_table(
        region,
        year,
        department,
        number,
        extension="csv",
        content_type=CSV,
        make=lambda disclosure, n: table_csv(disclosure.table(n)),
    )
