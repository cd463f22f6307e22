"""Background rendering of a publication's PDFs (WeasyPrint takes seconds per document)."""

import logging

from django_tasks import task

from background.retry import database_retry
from background.services import task_enqueue_once
from disclosures.models import Publication
from disclosures.pdf.files import publication_pdf_store, table_pdf_exists, table_pdf_store
from disclosures.pdf.render import pdf_filename, render_document, render_table
from disclosures.published.files import publication_prerender

logger = logging.getLogger(__name__)


@task()
@database_retry()
def publication_render_pdfs(publication_id: int) -> None:
    """Render and store the whole document and each table of a publication, once, then
    its pages and downloads for the fast path (``disclosures.published``).

    Idempotent (stored files are skipped), so it may be re-run after a database error or
    after its worker died.
    """
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
    publication_prerender(publication_id=publication.pk)


def pdf_enqueue(*, publication: Publication) -> bool:
    """Queue the rendering unless it is already queued; True when this call queued it.

    The check is made in the database (shared by every web process), not in a cache.
    """
    try:
        return task_enqueue_once(
            task=publication_render_pdfs, key=f"pdf:{publication.pk}", args=(publication.pk,)
        )
    except Exception:  # noqa: BLE001  (queue store down: the reader still gets "being made")
        logger.exception("无法为公开版本 %s 排队生成 PDF", publication.pk)
        return False
