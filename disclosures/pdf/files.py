"""Where a publication's PDF files live, and the rule that a stored file is never rewritten."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from disclosures.models import Publication


def table_pdf_path(publication: Publication, number: int) -> str:
    return f"publications/{publication.pk}/tables/{number:02d}.pdf"


def table_pdf_exists(publication: Publication, number: int) -> bool:
    return default_storage.exists(table_pdf_path(publication, number))


def publication_pdf_store(*, publication: Publication, data: bytes, filename: str) -> bool:
    """Store the whole document's PDF once; a publication's stored PDF is frozen."""
    if Publication.objects.filter(pk=publication.pk).exclude(pdf="").exists():
        return False
    name = default_storage.save(f"publications/{publication.pk}/{filename}", ContentFile(data))
    Publication.objects.filter(pk=publication.pk, pdf="").update(pdf=name)
    publication.pdf.name = name
    return True


def table_pdf_store(*, publication: Publication, number: int, data: bytes) -> bool:
    """Store one table's PDF once (frozen like the document)."""
    path = table_pdf_path(publication, number)
    if default_storage.exists(path):
        return False
    default_storage.save(path, ContentFile(data))
    return True
