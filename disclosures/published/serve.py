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
files written by other code (``render_stamp``).
"""

import logging
import re
from datetime import datetime

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from disclosures.exports.names import content_disposition
from disclosures.published.files import manifest_read, published_storage, render_stamp
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


def _headers(response: HttpResponseBase, *, content_type, filename, etag, last_modified) -> None:
    response["Content-Type"] = content_type
    response["Cache-Control"] = f"public, max-age={BROWSER_SECONDS}"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified.timestamp())
    if filename:
        response["Content-Disposition"] = content_disposition(filename)
    elif "Content-Disposition" in response:
        del response["Content-Disposition"]


def _conditional(request: HttpRequest, response: HttpResponseBase, etag, last_modified):
    return get_conditional_response(
        request, etag=etag, last_modified=int(last_modified.timestamp()), response=response
    )


def rendered_response(request: HttpRequest, rendered: Rendered) -> HttpResponseBase:
    """The dynamic path's answer: the page's bytes with its validators (or a 304)."""
    response = HttpResponse(rendered.body)
    etag, modified = rendered.etag, rendered.last_modified
    _headers(
        response,
        content_type=rendered.content_type,
        filename=rendered.filename,
        etag=etag,
        last_modified=modified,
    )
    return _conditional(request, response, etag, modified)


def stored_response(request: HttpRequest, handle, entry: dict, last_modified: datetime):
    """A stored file (PDF) streamed with the headers of its manifest ``entry``."""
    response = FileResponse(handle)
    _headers(
        response,
        content_type=entry["type"],
        filename=entry["filename"],
        etag=entry["etag"],
        last_modified=last_modified,
    )
    return _conditional(request, response, entry["etag"], last_modified)


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
    manifest = manifest_read(region=region, year=year, department=department)
    if manifest is None or manifest.get("stamp") != render_stamp():
        return None
    entry = manifest["pages"].get(page)
    if entry is None or (version is not None and version != manifest["version"]):
        return None
    request.get_host()  # an unknown Host is refused (400) as on every other URL
    modified = datetime.fromisoformat(manifest["last_modified"])
    handle = _open(entry)
    if handle is None:
        return None
    response = stored_response(request, handle, entry, modified)
    if response.status_code == 304:
        handle.close()
    # What the middleware after this one adds to the dynamic page.
    response["X-Frame-Options"] = getattr(settings, "X_FRAME_OPTIONS", "DENY").upper()
    response.headers.setdefault("Content-Language", settings.LANGUAGE_CODE)
    patch_vary_headers(response, ("Accept-Language",))
    return response


def _open(entry: dict):
    """The stored file, or None when it is missing or not the size it was written with."""
    try:
        handle = published_storage().open(entry["name"], "rb")
        if handle.size == entry["size"]:
            return handle
        handle.close()
        logger.warning("公开页面文件 %s 大小不符，改为动态生成", entry["name"])
    except Exception:  # noqa: BLE001  (missing, unreadable, storage down: render instead)
        logger.warning("公开页面文件 %s 无法读取，改为动态生成", entry["name"], exc_info=True)
    return None


class PublishedPagesMiddleware:
    """Serves a current publication's stored pages and downloads before the views run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return published_response(request) or self.get_response(request)
