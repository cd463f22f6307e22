"""Pre-rendered pages: written once per publication through the ``published`` storage.

Layout (names inside the storage):

- ``publications/<id>/<stamp>/<page file>`` — a publication's pages and downloads, as
  ``pages.page_render`` made them, and copies of its stored PDFs. ``<stamp>`` names the
  code and templates that rendered them (``render_stamp``), so a deployment that changes
  them never serves pages of the old code: it renders again (``manage.py prerender``).
- ``current/<region>/<year>/<department>.json`` — the manifest of the budget's current
  version: publication id, version, stamp, ``Last-Modified`` and, per page, its file,
  type, download name, ETag and size. The fast path reads only this and the file.

A new version must never be answered with the old one's files, on any machine: the
manifest is removed in the transaction that publishes the new version, under its lock on
the budget row (``publication_create``), and it is written only under the same lock after
checking that the publication is still the current one. So a manifest, when there is one,
names the current version; between the two the pages are rendered by the views.
Drafts have no publication, so nothing of theirs is ever written.
"""

import hashlib
import json
import logging
import os
from functools import cache, lru_cache
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.db import transaction

from budgets.models import Budget
from disclosures.models import Publication
from disclosures.published.pages import PDF, body_etag, page_names, page_render

logger = logging.getLogger(__name__)

FILE_NAMES = {
    "disclosure": "disclosure.html",
    "tables": "tables.html",
    "xlsx": "document.xlsx",
    "csv": "document.zip",
    "api": "document.json",
    "pdf": "document.pdf",
}
# What the pages are made of: a change to any of these renders them again.
STAMPED = ("templates", "disclosures", "budgets/formatting.py", "config/formats")


def published_storage():
    return storages["published"]


@cache
def render_stamp() -> str:
    """A digest of the templates, the code that renders pages and the static manifest."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    files: list[Path] = []
    for name in STAMPED:
        path = base / name
        if path.is_dir():
            files += sorted(path.rglob("*.py")) + sorted(path.rglob("*.html"))
        else:
            files.append(path)
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not settings.DEBUG and manifest.exists():
        files.append(manifest)  # hashed names of the CSS the pages link to
    for path in files:
        if "migrations" not in path.parts:
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def manifest_name(*, region: str, year: int, department: str) -> str:
    return f"current/{region}/{year}/{department}.json"


def page_file(publication_id: int, stamp: str, page: str) -> str:
    """``table-3`` is ``table-3.html``; ``table-3.xlsx`` keeps its name."""
    name = FILE_NAMES.get(page) or (page if "." in page else f"{page}.html")
    return f"publications/{publication_id}/{stamp}/{name}"


def manifest_read(*, region: str, year: int, department: str) -> dict | None:
    """The current version's manifest, or None (absent, unreadable, being rewritten)."""
    raw = stored_bytes(manifest_name(region=region, year=year, department=department))
    return manifest_parse(raw) if raw is not None else None


def manifest_parse(raw: bytes) -> dict | None:
    try:
        manifest = json.loads(raw)
    except ValueError:
        return None
    return manifest if isinstance(manifest, dict) and "pages" in manifest else None


@lru_cache(maxsize=4096)
def _local_path(location: str, name: str) -> str | None:
    try:
        return published_storage().path(name)
    except NotImplementedError:  # object storage: no local files
        return None


def local_path(name: str) -> str | None:
    """The file's path when the ``published`` storage keeps local files (as WhiteNoise
    opens its files), else None; resolved once per name and location."""
    storage = published_storage()
    return _local_path(getattr(storage, "location", ""), name)


def stored_open(name: str):
    """A stored file opened for reading, and its size (None, 0 when it is missing)."""
    path = local_path(name)
    try:
        if path is not None:
            handle = open(path, "rb")  # noqa: SIM115  (closed by the response)
            return handle, os.fstat(handle.fileno()).st_size
        handle = published_storage().open(name, "rb")
        return handle, handle.size
    except Exception:  # noqa: BLE001  (missing, unreadable, storage down)
        logger.info("公开页面文件 %s 无法读取", name, exc_info=True)
        return None, 0


def stored_bytes(name: str) -> bytes | None:
    handle, _size = stored_open(name)
    if handle is None:
        return None
    with handle:
        return handle.read()


def manifest_remove(*, region: str, year: int, department: str) -> None:
    """Forget the current version's files (called under the budget's lock)."""
    published_storage().delete(manifest_name(region=region, year=year, department=department))


def _store(name: str, data: bytes) -> None:
    """Write ``data`` as ``name`` (a re-run after a crash finds it, maybe cut short)."""
    storage = published_storage()
    if storage.exists(name):
        if storage.size(name) == len(data):
            return
        storage.delete(name)
    saved = storage.save(name, ContentFile(data))
    if saved != name:  # written meanwhile by another run: keep one
        storage.delete(saved)


def _entry(name: str, data: bytes, content_type: str, filename: str) -> dict:
    return {
        "name": name,
        "type": content_type,
        "filename": filename,
        "etag": body_etag(data),
        "size": len(data),
    }


def _pdfs(publication: Publication) -> dict[str, tuple[str, str]]:
    """page → (default storage name, download name) of the PDFs stored so far."""
    from disclosures.pdf.files import table_pdf_exists, table_pdf_path
    from disclosures.pdf.render import pdf_filename

    found: dict[str, tuple[str, str]] = {}
    if publication.pdf.name:
        found["pdf"] = (publication.pdf.name, pdf_filename(publication))
    for table in publication.content["tables"]:
        number = table["number"]
        if table_pdf_exists(publication, number):
            found[f"table-{number}.pdf"] = (
                table_pdf_path(publication, number),
                pdf_filename(publication, number),
            )
    return found


def publication_prerender(*, publication_id: int) -> bool:
    """Write the pages, downloads and PDFs of a current publication, then its manifest.

    Idempotent; False (nothing written) when the publication is not the current version.
    Rendering runs outside any transaction; only the manifest is written under the lock.
    """
    publication = Publication.objects.get(pk=publication_id)
    if not publication.is_current:
        return False
    stamp = render_stamp()
    pages = {}
    for page in page_names(publication):
        rendered = page_render(publication, page)
        name = page_file(publication.pk, stamp, page)
        _store(name, rendered.body)
        pages[page] = _entry(name, rendered.body, rendered.content_type, rendered.filename)
    for page, (source, filename) in _pdfs(publication).items():
        with default_storage.open(source, "rb") as f:
            data = f.read()
        name = page_file(publication.pk, stamp, page)
        _store(name, data)
        pages[page] = _entry(name, data, PDF, filename)
    manifest = {
        "publication": publication.pk,
        "version": publication.version,
        "stamp": stamp,
        "last_modified": publication.published_at.isoformat(),
        "pages": pages,
    }
    return _manifest_write(publication, manifest)


@transaction.atomic
def _manifest_write(publication: Publication, manifest: dict) -> bool:
    """Write the manifest under the budget's lock, if the publication is still current."""
    Budget.objects.select_for_update().filter(pk=publication.budget_id).first()
    if not Publication.objects.filter(pk=publication.pk, is_current=True).exists():
        return False
    name = manifest_name(
        region=publication.region_code,
        year=publication.year,
        department=publication.department_code,
    )
    storage = published_storage()
    storage.delete(name)
    storage.save(name, ContentFile(json.dumps(manifest, ensure_ascii=False).encode()))
    return True
