"""What the fast path keeps in memory: each manifest parsed, each page's headers made.

``manifest_prepared`` answers a budget's current manifest from memory while its file is
unchanged — one ``stat`` per request on local storage, instead of open, read, parse and
close: the manifest is replaced by deleting and writing it, which changes its inode, size
or modification time, so a new version replaces the old one at once in every process. On
object storage (no local file) it is read on every request, as nothing cheaper tells a
replaced one. At most ``MANIFESTS_KEPT`` manifests are kept per process, the oldest
forgotten first.

A page's response headers — those of the dynamic view (``page_headers``), ``Content-Length``,
what the later middleware add (``X-Frame-Options``, ``Vary``, ``Content-Language``) and the
default Content-Security-Policy — are made once, on the page's first request, as the
mapping a response's headers are copied from (``Stored.store``).
"""

import os
import threading
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.http.response import ResponseHeaders
from django.utils.http import http_date

from config.csp import default_csp_headers
from disclosures.exports.names import content_disposition
from disclosures.published.files import local_path, manifest_parse, stored_bytes

BROWSER_SECONDS = 5 * 60
MANIFESTS_KEPT = 1024
CSP_MIDDLEWARE = "config.csp.CSPMiddleware"


def page_headers(*, content_type: str, filename: str, etag: str, last_modified: datetime):
    """The headers of a publication's page or download, on either path."""
    headers = [
        ("Content-Type", content_type),
        ("Cache-Control", f"public, max-age={BROWSER_SECONDS}"),
        ("ETag", etag),
        ("Last-Modified", http_date(last_modified.timestamp())),
    ]
    if filename:
        headers.append(("Content-Disposition", content_disposition(filename)))
    return headers


def later_headers() -> list[tuple[str, str]]:
    """What the middleware after the fast path add to the dynamic page."""
    return [
        ("X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS", "DENY").upper()),
        ("Vary", "Accept-Language"),
        ("Content-Language", settings.LANGUAGE_CODE),
    ]


@dataclass(frozen=True)
class Stored:
    """One page of a manifest, its headers ready."""

    name: str
    size: int
    etag: str
    modified: int
    headers: tuple[tuple[str, str], ...]  # the dynamic view's and the later middleware's
    store: dict = field(repr=False)  # the same with the CSP, as ResponseHeaders keeps them
    csp: bool  # whether ``store`` holds the CSPMiddleware's headers


@dataclass(frozen=True)
class Prepared:
    """A parsed manifest; its pages' headers are made on their first request."""

    stamp: str
    version: int
    modified: datetime
    entries: dict
    pages: dict[str, Stored] = field(default_factory=dict, repr=False)

    def page(self, page: str) -> Stored | None:
        stored = self.pages.get(page)
        if stored is None:
            entry = self.entries.get(page)
            if entry is None:
                return None
            stored = self.pages[page] = _stored(entry, self.modified)  # a race makes it twice
        return stored


def _stored(entry: dict, modified: datetime) -> Stored:
    headers = page_headers(
        content_type=entry["type"],
        filename=entry["filename"],
        etag=entry["etag"],
        last_modified=modified,
    )
    headers += [("Content-Length", str(entry["size"])), *later_headers()]
    csp = CSP_MIDDLEWARE in settings.MIDDLEWARE
    store = ResponseHeaders(dict([*headers, *(default_csp_headers() if csp else ())]))
    return Stored(
        name=entry["name"],
        size=entry["size"],
        etag=entry["etag"],
        modified=int(modified.timestamp()),
        headers=tuple(headers),
        store=store._store,
        csp=csp,
    )


def prepared_parse(raw: bytes) -> Prepared | None:
    """The manifest's bytes parsed and checked, or None (damaged)."""
    manifest = manifest_parse(raw)
    if manifest is None:
        return None
    try:
        entries = manifest["pages"]
        for entry in entries.values():  # what every page needs, before any is served
            entry["name"], int(entry["size"]), entry["etag"], entry["type"], entry["filename"]
        return Prepared(
            stamp=manifest["stamp"],
            version=manifest["version"],
            modified=datetime.fromisoformat(manifest["last_modified"]),
            entries=entries,
        )
    except (AttributeError, KeyError, TypeError, ValueError):
        return None


_MANIFESTS: dict[str, tuple[tuple[int, int, int], Prepared | None]] = {}
_LOCK = threading.Lock()


def manifest_prepared(name: str) -> Prepared | None:
    """The manifest ``name`` prepared, or None (absent, damaged, being rewritten)."""
    path = local_path(name)
    if path is None:
        raw = stored_bytes(name)
        return _remote_prepared(raw) if raw else None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    key = (stat.st_ino, stat.st_size, stat.st_mtime_ns)
    seen = _MANIFESTS.get(path)
    if seen is not None and seen[0] == key:
        return seen[1]
    raw = stored_bytes(name)
    prepared = prepared_parse(raw) if raw else None
    # A change during the read shows in the next stat; an absent manifest is not kept.
    if raw is not None:
        with _LOCK:
            _MANIFESTS.pop(path, None)
            while len(_MANIFESTS) >= MANIFESTS_KEPT:
                del _MANIFESTS[next(iter(_MANIFESTS))]
            _MANIFESTS[path] = (key, prepared)
    return prepared


@lru_cache(maxsize=256)
def _remote_prepared(raw: bytes) -> Prepared | None:
    return prepared_parse(raw)


def manifests_forget() -> None:
    """Empty the process's memory of manifests (tests, settings changed)."""
    with _LOCK:
        _MANIFESTS.clear()
    _remote_prepared.cache_clear()
