"""Uploaded workbooks waiting for confirmation: private files, removed when no longer needed.

Each upload that passed its preview is kept under a random token in a directory only the
server's user can enter (0700), as a file only it can read (0600), until the import is
confirmed or cancelled, or until it is older than ``WORKBOOK_UPLOAD_MAX_AGE_HOURS`` (every
new upload removes the stale ones; so does ``manage.py workbook_uploads_purge``).
"""

import os
import re
import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")


def pending_directory() -> Path:
    """The private directory (created 0700; an existing one is made private again)."""
    configured = settings.WORKBOOK_UPLOAD_DIR
    directory = Path(configured or Path(tempfile.gettempdir()) / f"budget-uploads-{os.getuid()}")
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    if directory.stat().st_mode & 0o077:
        directory.chmod(0o700)
    return directory


def _path(token: str) -> Path | None:
    return pending_directory() / f"{token}.xlsx" if TOKEN.match(token or "") else None


def pending_upload_store(*, data: bytes) -> str:
    """Keep ``data``; returns its token. Stale uploads are removed first."""
    pending_uploads_purge()
    token = secrets.token_urlsafe(16)
    path = pending_directory() / f"{token}.xlsx"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return token


def pending_upload_read(*, token: str) -> bytes | None:
    """The kept upload, or None when it is unknown, removed or too old."""
    path = _path(token)
    if path is None or not path.is_file():
        return None
    if time.time() - path.stat().st_mtime > _max_age():
        path.unlink(missing_ok=True)
        return None
    return path.read_bytes()


def pending_upload_delete(*, token: str) -> None:
    if (path := _path(token)) is not None:
        path.unlink(missing_ok=True)


def _max_age() -> float:
    return settings.WORKBOOK_UPLOAD_MAX_AGE_HOURS * 3600


def pending_uploads_purge(*, now: float | None = None) -> int:
    """Remove the uploads older than the maximum age; returns how many."""
    cutoff = (now or time.time()) - _max_age()
    removed = 0
    for path in pending_directory().glob("*.xlsx"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue  # removed meanwhile by another worker
    return removed
