"""Background rendering of a publication's PDFs (WeasyPrint takes seconds per document)."""

from django.core.cache import cache
from django_tasks import task

from disclosures.models import Publication
from disclosures.pdf.files import publication_pdf_store, table_pdf_exists, table_pdf_store
from disclosures.pdf.render import pdf_filename, render_document, render_table

PENDING_SECONDS = 15 * 60


@task()
def publication_render_pdfs(publication_id: int) -> None:
    """Render and store the whole document and each table of a publication, once."""
    publication = Publication.objects.get(pk=publication_id)
    disclosure = publication.disclosure()
    if not publication.pdf:
        publication_pdf_store(
            publication=publication,
            data=render_document(disclosure),
            filename=pdf_filename(disclosure),
        )
    for table in disclosure.tables:
        if not table_pdf_exists(publication, table.number):
            data = render_table(disclosure, table.number)
            table_pdf_store(publication=publication, number=table.number, data=data)
    cache.delete(_pending_key(publication_id))


def _pending_key(publication_id: int) -> str:
    return f"pdf-pending:{publication_id}"


def pdf_enqueue(*, publication: Publication) -> bool:
    """Queue the rendering unless it is already queued; True when this call queued it."""
    if not cache.add(_pending_key(publication.pk), True, PENDING_SECONDS):
        return False
    publication_render_pdfs.enqueue(publication.pk)
    return True
