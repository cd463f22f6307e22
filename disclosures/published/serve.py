"""Responses of published pages: the headers both paths share, and the fast path.

The dynamic views build a page through ``pages.page_render`` (cached) and answer with
``rendered_response``; ``PublishedPagesMiddleware`` answers the same URLs from the files
``files.publication_prerender`` stored, before sessions, authentication, URL resolution or
any query, with the same headers: type, ``Content-Disposition``, ``Cache-Control``,
``ETag`` and ``Last-Modified`` (with 304 answers to conditional requests), and the headers
the later middleware would add (``X-Frame-Options``, ``Vary``, ``Content-Language``); the
earlier ones (CSP, security headers) wrap both alike. It steps aside — the view renders —
for anything not plainly a stored current page: a query string (``?format=``), another
method, a non-current version, a missing manifest, a file missing or of the wrong size,
files written by other code (``render_stamp``). A manifest's headers are prepared once per
process (keyed by its bytes, which are read on every request).
"""

import logging
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from disclosures.exports.names import content_disposition
from disclosures.published.files import (
    manifest_bytes,
    manifest_name,
    manifest_parse,
    render_stamp,
    stored_open,
)
from disclosures.published.pages import Rendered

logger = logging.getLogger(__name__)

BROWSER_SECONDS = 5 * 60
CODE = r"[0-9A-Za-z_-]+"
BUDGET = re.compile(
    rf"^/(?P<api>api/)?disclosures/(?P<region>{CODE})/(?P<year>[0-9]{{1,6}})/"
    rf"(?P<department>{CODE})/(?P<rest>.*)$"
)
PAGES = [
    (re.compile(r"^$"), "disclosure"),
    (re.compile(r"^v(?P<version>[0-9]{1,6})/$"), "disclosure"),
    (re.compile(r"^tables/$"), "tables"),
    (re.compile(r"^tables/(?P<number>[0-9]{1,3})/$"), "table-{number}"),
    (re.compile(r"^tables/(?P<number>[0-9]{1,3})\.(?P<ext>pdf|xlsx|csv)$"), "table-{number}.{ext}"),
    (re.compile(r"^pdf/$"), "pdf"),
    (re.compile(r"^xlsx/$"), "xlsx"),
    (re.compile(r"^csv/$"), "csv"),
]
CONDITIONAL = (
    "HTTP_IF_NONE_MATCH",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_MATCH",
    "HTTP_IF_UNMODIFIED_SINCE",
)


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


def _conditional(request: HttpRequest, response, etag, last_modified) -> HttpResponseBase:
    answer = get_conditional_response(
        request, etag=etag, last_modified=int(last_modified.timestamp()), response=response
    )
    return answer if answer is not None else response


def rendered_response(request: HttpRequest, rendered: Rendered) -> HttpResponseBase:
    """The dynamic path's answer: the page's bytes with its validators (or a 304)."""
    response = HttpResponse(rendered.body)
    etag, modified = rendered.etag, rendered.last_modified
    for name, value in page_headers(
        content_type=rendered.content_type,
        filename=rendered.filename,
        etag=etag,
        last_modified=modified,
    ):
        response[name] = value
    return _conditional(request, response, etag, modified)


class _StoredFile(FileResponse):
    """A stored file whose headers are set from its manifest, not guessed from it."""

    def set_headers(self, filelike):
        pass


def stored_response(request: HttpRequest, handle, size: int, entry: dict, last_modified: datetime):
    """A stored file (PDF) streamed with the headers of its manifest ``entry``."""
    response = _StoredFile(handle)
    headers = page_headers(
        content_type=entry["type"],
        filename=entry["filename"],
        etag=entry["etag"],
        last_modified=last_modified,
    )
    for name, value in headers:
        response[name] = value
    response["Content-Length"] = str(size)
    return _conditional(request, response, entry["etag"], last_modified)


@dataclass(frozen=True)
class Stored:
    """One page of a manifest, its headers ready."""

    name: str
    size: int
    etag: str
    modified: int
    headers: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Prepared:
    stamp: str
    version: int
    pages: dict[str, Stored]


@lru_cache(maxsize=1024)
def _prepared(raw: bytes) -> Prepared | None:
    manifest = manifest_parse(raw)
    if manifest is None:
        return None
    try:
        modified = datetime.fromisoformat(manifest["last_modified"])
        pages = {}
        for page, entry in manifest["pages"].items():
            headers = page_headers(
                content_type=entry["type"],
                filename=entry["filename"],
                etag=entry["etag"],
                last_modified=modified,
            )
            headers += [
                ("Content-Length", str(entry["size"])),
                # What the middleware after this one adds to the dynamic page.
                ("X-Frame-Options", getattr(settings, "X_FRAME_OPTIONS", "DENY").upper()),
                ("Vary", "Accept-Language"),
                ("Content-Language", settings.LANGUAGE_CODE),
            ]
            stamp = int(modified.timestamp())
            pages[page] = Stored(entry["name"], entry["size"], entry["etag"], stamp, tuple(headers))
        return Prepared(manifest["stamp"], manifest["version"], pages)
    except (KeyError, TypeError, ValueError):
        return None


def published_page(path: str) -> tuple[str, int, str, str, int | None] | None:
    """(region, year, department, page, version asked) for a publication's URL, else None."""
    match = BUDGET.match(path)
    if match is None:
        return None
    rest, version = match["rest"], None
    if match["api"]:
        if rest:
            return None
        page = "api"
    else:
        for pattern, template in PAGES:
            found = pattern.match(rest)
            if found:
                page = template.format(**found.groupdict())
                version = int(found["version"]) if found.groupdict().get("version") else None
                break
        else:
            return None
    return match["region"], int(match["year"]), match["department"], page, version


def published_response(request: HttpRequest) -> HttpResponseBase | None:
    """The stored current file for the request's URL, or None (the view renders)."""
    if request.method not in ("GET", "HEAD") or request.META.get("QUERY_STRING"):
        return None
    found = published_page(request.path_info)
    if found is None:
        return None
    region, year, department, page, version = found
    raw = manifest_bytes(manifest_name(region=region, year=year, department=department))
    manifest = _prepared(raw) if raw else None
    if manifest is None or manifest.stamp != render_stamp():
        return None
    stored = manifest.pages.get(page)
    if stored is None or (version is not None and version != manifest.version):
        return None
    request.get_host()  # an unknown Host is refused (400) as on every other URL
    if any(header in request.META for header in CONDITIONAL):
        probe = HttpResponse()
        for name, value in stored.headers:
            probe[name] = value
        answer = get_conditional_response(
            request, etag=stored.etag, last_modified=stored.modified, response=probe
        )
        if answer is not None and answer is not probe:  # 304 Not Modified, 412 Failed
            return _with_later_headers(answer, stored)
    handle, size = stored_open(stored.name)
    if handle is None:
        return None
    if size != stored.size:
        handle.close()
        logger.warning("公开页面文件 %s 大小不符，改为动态生成", stored.name)
        return None
    response = _StoredFile(handle)
    for name, value in stored.headers:
        response[name] = value
    return response


def _with_later_headers(response: HttpResponseBase, stored: Stored) -> HttpResponseBase:
    for name in ("X-Frame-Options", "Vary", "Content-Language"):
        response[name] = dict(stored.headers)[name]
    return response


class PublishedPagesMiddleware:
    """Serves a current publication's stored pages and downloads before the views run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return published_response(request) or self.get_response(request)
