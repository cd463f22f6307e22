"""Responses of published pages: the headers both paths share, and the fast path.

The dynamic views build a page through ``pages.page_render`` (cached) and answer with
``rendered_response``; ``PublishedPagesMiddleware`` answers the same URLs from the files
``files.publication_prerender`` stored, before sessions, authentication, URL resolution or
any query, with the same headers: type, ``Content-Disposition``, ``Cache-Control``,
``ETag`` and ``Last-Modified`` (with 304 answers to conditional requests), the headers the
later middleware would add (``X-Frame-Options``, ``Vary``, ``Content-Language``) and the
Content-Security-Policy; the security headers are added by ``SecurityMiddleware`` on both
paths alike. It steps aside — the view renders — for anything not plainly a stored current
page: a query string (``?format=``), another method, a non-current version, a missing
manifest, a file missing or of the wrong size, files written by other code
(``render_stamp``).

Per request, once a page has been asked for in the process: the URL's meaning (cached),
one ``stat`` of the manifest (``prepared.manifest_prepared``), the Host check (cached per
Host header), opening the file and copying its prepared headers — no parsing, no header
validation, no policy building. The file is streamed by the server's
``wsgi.file_wrapper`` (sendfile), as WhiteNoise's are.
"""

import logging
import re
from datetime import datetime
from functools import lru_cache

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.utils.cache import get_conditional_response

from config.csp import csp_excluded_prefixes
from disclosures.published.files import manifest_name, render_stamp, stored_open
from disclosures.published.pages import Rendered
from disclosures.published.prepared import (
    Stored,
    later_headers,
    manifest_prepared,
    manifests_forget,
    page_headers,
)

logger = logging.getLogger(__name__)

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
HOSTS_KEPT = 64


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


@lru_cache(maxsize=8192)
def published_page(path: str) -> tuple[str, str, int | None] | None:
    """(manifest name, page, version asked) for a publication's URL, else None."""
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
    name = manifest_name(
        region=match["region"], year=int(match["year"]), department=match["department"]
    )
    return name, page, version


def published_response(request: HttpRequest) -> HttpResponseBase | None:
    """The stored current file for the request's URL, or None (the view renders)."""
    meta = request.META
    if request.method not in ("GET", "HEAD") or meta.get("QUERY_STRING"):
        return None
    found = published_page(request.path_info)
    if found is None:
        return None
    name, page, version = found
    manifest = manifest_prepared(name)
    if manifest is None or manifest.stamp != render_stamp():
        return None
    if version is not None and version != manifest.version:
        return None
    stored = manifest.page(page)
    if stored is None or (stored.csp and request.path_info.startswith(csp_excluded_prefixes())):
        return None
    _host_check(request)
    if any(header in meta for header in CONDITIONAL):
        answer = _not_modified(request, stored)
        if answer is not None:
            return answer
    handle, size = stored_open(stored.name)
    if handle is None:
        return None
    if size != stored.size:
        handle.close()
        logger.warning("公开页面文件 %s 大小不符，改为动态生成", stored.name)
        return None
    response = _StoredFile(handle)
    response.headers._store = stored.store.copy()  # made and checked once (prepared)
    response.csp_ready = stored.csp  # type: ignore[attr-defined]
    return response


def _not_modified(request: HttpRequest, stored: Stored) -> HttpResponseBase | None:
    """304 Not Modified or 412 Precondition Failed as the view answers, else None."""
    probe = HttpResponse()
    for name, value in stored.headers:
        probe[name] = value
    answer = get_conditional_response(
        request, etag=stored.etag, last_modified=stored.modified, response=probe
    )
    if answer is None or answer is probe:
        return None
    for name, value in later_headers():
        answer[name] = value
    return answer


_HOSTS: set[tuple] = set()


def _host_check(request: HttpRequest) -> None:
    """An unknown Host is refused (400) as on every other URL; checked once per Host."""
    meta = request.META
    key = (
        meta.get("HTTP_HOST"),
        meta.get("HTTP_X_FORWARDED_HOST"),
        meta.get("HTTP_X_FORWARDED_PORT"),
        meta.get("SERVER_NAME"),
        meta.get("SERVER_PORT"),
    )
    if key in _HOSTS:
        return
    request.get_host()  # raises DisallowedHost
    if len(_HOSTS) >= HOSTS_KEPT:
        _HOSTS.clear()
    _HOSTS.add(key)


@receiver(setting_changed)
def _settings_changed(**kwargs) -> None:
    """Hosts allowed, headers and storage follow the settings (tests change them)."""
    _HOSTS.clear()
    manifests_forget()


class PublishedPagesMiddleware:
    """Serves a current publication's stored pages and downloads before the views run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return published_response(request) or self.get_response(request)
