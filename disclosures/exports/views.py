"""Downloads of the current publication: XLSX workbook, ZIP of CSVs, one table's XLSX/CSV.

Everything is made from the frozen snapshot (never the live budget), so a version's
files never change; the bytes are made by ``disclosures.published.pages`` and cached
per publication (and stored for the fast path by the worker).
"""

from django.http import Http404

from disclosures.caching import cached_page_response
from disclosures.selectors import publication_get


def workbook_xlsx(request, region: str, year: int, department: str):
    """All twelve tables in one XLSX workbook, one sheet per table."""
    publication = publication_get(region=region, year=year, department=department)
    return cached_page_response(request, publication, "xlsx")


def csv_zip(request, region: str, year: int, department: str):
    """A ZIP of twelve CSV files."""
    publication = publication_get(region=region, year=year, department=department)
    return cached_page_response(request, publication, "csv")


def _one_table(request, region, year, department, number, extension):
    publication = publication_get(region=region, year=year, department=department)
    if not publication.has_table(number):
        raise Http404("没有这张表。")
    return cached_page_response(request, publication, f"table-{number}.{extension}")


def table_xlsx(request, region: str, year: int, department: str, number: int):
    """One table as an XLSX workbook of one sheet."""
    return _one_table(request, region, year, department, number, "xlsx")


def table_csv_file(request, region: str, year: int, department: str, number: int):
    """One table as CSV (UTF-8 with BOM)."""
    return _one_table(request, region, year, department, number, "csv")
