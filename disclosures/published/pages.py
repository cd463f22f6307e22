"""Each public page and download of a publication, as bytes with its type and validators.

One function makes a page for the dynamic views (``disclosures.views``, ``exports.views``,
``api``) and for the pre-rendering at publication (``files``), so a stored page is the
dynamic render byte for byte. Pages are named ``disclosure``, ``tables``, ``table-3``,
``xlsx``, ``csv`` (the ZIP), ``table-3.xlsx``, ``table-3.csv``, ``api``, ``pdf`` and
``table-3.pdf``. Nothing here reads the request: a published page is the same for everyone.
"""

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string

from disclosures.models import Publication

HTML = "text/html; charset=utf-8"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"
ZIP = "application/zip"
JSON = "application/json"
PDF = "application/pdf"


@dataclass(frozen=True)
class Rendered:
    """A page's bytes and what its response says about them."""

    body: bytes
    content_type: str
    filename: str  # a download's name (Content-Disposition); "" for a page
    last_modified: datetime

    @property
    def etag(self) -> str:
        return body_etag(self.body)


def body_etag(body: bytes) -> str:
    """A strong validator naming the bytes (the same for a stored and a rendered page)."""
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def page_names(publication: Publication) -> list[str]:
    """Every page and download of the publication, PDFs aside (they are rendered apart)."""
    numbers = [table["number"] for table in publication.content["tables"]]
    return [
        "disclosure",
        "tables",
        "xlsx",
        "csv",
        "api",
        *(f"table-{n}{suffix}" for n in numbers for suffix in ("", ".xlsx", ".csv")),
    ]


def page_render(publication: Publication, page: str) -> Rendered:
    """The bytes of ``page`` (see the module's names) of ``publication``."""
    kind, _, rest = page.partition("-")
    if kind == "table":
        number_text, _, extension = rest.partition(".")
        return _table(publication, int(number_text), extension)
    maker = _WHOLE[page]
    return maker(publication)


def _html(publication: Publication, template: str, context: dict, modified=None) -> Rendered:
    body = render_to_string(template, {"publication": publication, **context}).encode()
    return Rendered(body, HTML, "", modified or publication.published_at)


def _disclosure(publication: Publication) -> Rendered:
    from disclosures.charts import disclosure_charts
    from disclosures.corrections import publication_corrections
    from disclosures.selectors import publication_get

    disclosure = publication.disclosure()
    newer = None
    if not publication.is_current:
        newer = publication_get(
            region=publication.region_code,
            year=publication.year,
            department=publication.department_code,
        )
    context = {
        "disclosure": disclosure,
        "charts": disclosure_charts(disclosure),
        "corrections": publication_corrections(publication=publication),
        "newer": newer,
        "links": True,
    }
    # An earlier version changed when the newer one was published (its notice).
    modified = newer.published_at if newer else None
    return _html(publication, "disclosures/disclosure.html", context, modified)


def _tables(publication: Publication) -> Rendered:
    context = {"disclosure": publication.disclosure(), "links": True}
    return _html(publication, "disclosures/tables.html", context)


def _download(
    publication: Publication, data: bytes, content_type: str, extension: str, number=None
):
    from disclosures.exports.names import download_filename

    filename = download_filename(publication, extension=extension, number=number)
    return Rendered(data, content_type, filename, publication.published_at)


def _workbook(publication: Publication) -> Rendered:
    from disclosures.exports.xlsx import workbook_bytes

    return _download(publication, workbook_bytes(publication.disclosure()), XLSX, "xlsx")


def _csv_zip(publication: Publication) -> Rendered:
    from disclosures.exports.csvfiles import csv_zip_bytes

    return _download(publication, csv_zip_bytes(publication.disclosure()), ZIP, "zip")


def _api(publication: Publication) -> Rendered:
    from disclosures.api import publication_summary

    data = {**publication_summary(publication), "tables": publication.content["tables"]}
    body = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).encode()
    return Rendered(body, JSON, "", publication.published_at)


def _table(publication: Publication, number: int, extension: str) -> Rendered:
    from disclosures.exports.csvfiles import table_csv
    from disclosures.exports.xlsx import workbook_bytes

    disclosure = publication.disclosure()
    if extension == "xlsx":
        return _download(
            publication, workbook_bytes(disclosure, numbers=[number]), XLSX, "xlsx", number
        )
    if extension == "csv":
        return _download(publication, table_csv(disclosure.table(number)), CSV, "csv", number)
    context = {"disclosure": disclosure, "table": disclosure.table(number), "links": True}
    return _html(publication, "disclosures/table.html", context)


_WHOLE: dict[str, Callable[[Publication], Rendered]] = {
    "disclosure": _disclosure,
    "tables": _tables,
    "xlsx": _workbook,
    "csv": _csv_zip,
    "api": _api,
}
