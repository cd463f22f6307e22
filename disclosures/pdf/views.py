"""PDF downloads of the current publication: the stored file, or a 'being made' page."""

from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from disclosures.caching import cached_value, page_key
from disclosures.models import Publication
from disclosures.pdf.files import table_pdf_exists, table_pdf_path
from disclosures.pdf.render import pdf_filename
from disclosures.pdf.tasks import pdf_enqueue
from disclosures.published.pages import PDF, body_etag
from disclosures.published.serve import stored_response
from disclosures.selectors import publication_get


def _download(request, publication: Publication, name: str, filename: str, page: str):
    """The stored PDF ``name`` with the headers the fast path sends for it (ETag of its
    bytes, hashed once per publication and cached)."""

    def etag() -> str:
        with default_storage.open(name, "rb") as f:
            return body_etag(f.read())

    entry = {
        "type": PDF,
        "filename": filename,
        "etag": cached_value(page_key(publication, f"etag-{page}"), etag),
    }
    handle = default_storage.open(name, "rb")
    return stored_response(request, handle, handle.size, entry, publication.published_at)


def _pending(request: HttpRequest, publication: Publication) -> HttpResponse:
    """Queue the rendering (once) and tell the reader to come back (HTTP 202)."""
    pdf_enqueue(publication=publication)
    context = {"publication": publication, "title": publication.disclosure_title}
    return render(request, "disclosures/pdf/pending.html", context, status=202)


def document_pdf(request: HttpRequest, region: str, year: int, department: str) -> HttpResponseBase:
    """The whole disclosure as PDF (published versions only)."""
    publication = publication_get(region=region, year=year, department=department)
    if not publication.pdf:
        return _pending(request, publication)
    return _download(request, publication, publication.pdf.name, pdf_filename(publication), "pdf")


def table_pdf(
    request: HttpRequest, region: str, year: int, department: str, number: int
) -> HttpResponseBase:
    """One table as PDF (published versions only)."""
    publication = publication_get(region=region, year=year, department=department)
    if not publication.has_table(number):
        raise Http404("没有这张表。")
    if not table_pdf_exists(publication, number):
        return _pending(request, publication)
    name, filename = table_pdf_path(publication, number), pdf_filename(publication, number)
    return _download(request, publication, name, filename, f"table-{number}.pdf")
