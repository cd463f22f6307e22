"""Render a :class:`~disclosures.document.Disclosure` as PDF bytes with WeasyPrint.

The tables are drawn by the same partial as the web pages
(``disclosures/partials/report_table.html``); fonts are the system's Noto CJK faces
(installed by ``scripts/setup.sh``), embedded as subsets by WeasyPrint.
"""

from functools import cache
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from disclosures.charts import disclosure_charts
from disclosures.document import Disclosure
from disclosures.exports.names import download_filename
from disclosures.models import Publication

CSS_PATH = Path(settings.BASE_DIR) / "static" / "css" / "pdf.css"


@cache
def _css() -> str:
    return CSS_PATH.read_text(encoding="utf-8")


def document_html(disclosure: Disclosure, *, numbers: list[int] | None = None) -> str:
    """The report as HTML: the whole document, or only the tables ``numbers``."""
    # The whole document prints the forms inside the 情况说明 (Hebei), not among the tables.
    chosen = disclosure.table_part if numbers is None else disclosure.tables
    tables = [t for t in chosen if numbers is None or t.number in numbers]
    whole = numbers is None
    context = {
        "disclosure": disclosure,
        "tables": tables,
        "whole": whole,
        "charts": disclosure_charts(disclosure) if whole else [],
        "css": _css(),
    }
    return render_to_string("disclosures/pdf/document.html", context)


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # imported lazily: loading Pango takes a moment

    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def render_document(disclosure: Disclosure) -> bytes:
    """The whole disclosure: cover, 目录, 三 parts and the twelve tables."""
    return html_to_pdf(document_html(disclosure))


def render_table(disclosure: Disclosure, number: int) -> bytes:
    """One table on its own (a page or a few)."""
    return html_to_pdf(document_html(disclosure, numbers=[number]))


def pdf_filename(disclosure: Disclosure | Publication, number: int | None = None) -> str:
    """``新乡市红旗区医疗保障局2022年部门预算.pdf`` or ``…预算03表.pdf``."""
    return download_filename(disclosure, extension="pdf", number=number)
