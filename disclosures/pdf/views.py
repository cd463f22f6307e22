"""PDF downloads of the current publication: the stored file, or a 'being made' page."""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render

from disclosures.exports.names import content_disposition
from disclosures.models import Publication
from disclosures.pdf.files import table_pdf_exists, table_pdf_path
from disclosures.pdf.render import pdf_filename
from disclosures.pdf.tasks import pdf_enqueue
from disclosures.selectors import publication_get


def _download(handle, filename: str) -> FileResponse:
    response = FileResponse(handle, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(filename)
    return response


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
    return _download(publication.pdf.open("rb"), pdf_filename(publication))


def table_pdf(
    request: HttpRequest, region: str, year: int, department: str, number: int
) -> HttpResponseBase:
    """One table as PDF (published versions only)."""
    publication = publication_get(region=region, year=year, department=department)
    if not publication.has_table(number):
        raise Http404("没有这张表。")
    if not table_pdf_exists(publication, number):
        return _pending(request, publication)
    handle = default_storage.open(table_pdf_path(publication, number), "rb")
    return _download(handle, pdf_filename(publication, number))
