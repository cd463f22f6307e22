"""PDF downloads: the whole disclosure and single tables of the current publication."""

from django.http import Http404


def document_pdf(request, region: str, year: int, department: str):
    """The whole disclosure as PDF (being built by the PDF issue)."""
    raise Http404("PDF 尚未提供。")


def table_pdf(request, region: str, year: int, department: str, number: int):
    """One table as PDF (being built by the PDF issue)."""
    raise Http404("PDF 尚未提供。")
