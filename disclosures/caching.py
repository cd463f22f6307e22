"""Cached public pages: a frozen publication's page is rendered once, then served as is.

A key names the publication (id and publication time) and whether it is still the
current version, so publishing a revision moves every page of that budget to new keys:
the next request renders afresh, and the old version's page gains its "newer version"
notice. Nothing needs deleting, and no process can serve a stale page after the
database says a revision exists, whatever cache backend each process uses.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from django.http.response import HttpResponseBase
from django.template.loader import render_to_string

from disclosures.models import Publication

PAGE_SECONDS = 24 * 60 * 60
BROWSER_SECONDS = 5 * 60


def page_key(publication: Publication, page: str) -> str:
    stamp = publication.published_at.timestamp()
    return f"pub:{publication.pk}:{stamp}:{int(publication.is_current)}:{page}"


def _newest() -> int:
    """Publications are only ever added — a revision is a new row; none is deleted (the
    budget is protected and the admin offers no deletion) — so the newest id names the
    state of everything public: one aggregate query, and any publication moves it."""
    return Publication.objects.aggregate(newest=Max("pk"))["newest"] or 0


def listing_key(newest: int, page: str, params: dict[str, str]) -> str:
    """A key for a page listing many publications (home, search) in the state ``newest``.

    ``params`` are the page's own, already normalised parameters: anything else in the
    query string (``?x=random``) names no new entry.
    """
    canonical = "&".join(f"{name}={params[name]}" for name in sorted(params))
    query = hashlib.sha256(canonical.encode()).hexdigest()[:16]
    return f"list:{newest}:{page}:{query}"


def _listing_slot(newest: int) -> bool:
    """Whether one more listing page may be stored in the state ``newest``.

    Search terms are typed by anyone, so the set of listing pages is unbounded: without a
    bound, random queries would evict every published page from the cache. A counter per
    state (it moves with every publication, like the keys) admits the first
    ``LISTING_CACHE_LIMIT`` pages; later ones are rendered afresh on every request, which
    costs a few milliseconds. ``incr`` is atomic on Redis and LocMem alike.
    """
    counter = f"list-count:{newest}"
    cache.add(counter, 0, PAGE_SECONDS)
    try:
        return cache.incr(counter) <= settings.LISTING_CACHE_LIMIT
    except ValueError:  # the counter was evicted between add and incr
        return False


def cached_listing(
    request, page: str, template: str, context, params: dict[str, str]
) -> HttpResponse:
    """A listing page from the cache, rendered on a miss (``context`` is a function).

    Only the first ``LISTING_CACHE_LIMIT`` distinct pages per publication state are
    stored (see ``_listing_slot``); ``params`` are the normalised parameters that name
    the page.
    """
    newest = _newest()
    key = listing_key(newest, page, params)
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, context(), request=request)
        if _listing_slot(newest):
            cache.set(key, html, PAGE_SECONDS)
    return _response(html)


def cached_listing_value(page: str, params: dict[str, str], make):
    """``make()``'s result (bytes of a download, JSON) for a many-publication ``page`` in
    the current state, stored like a listing page (same keys and bound)."""
    newest = _newest()
    key = listing_key(newest, page, params)
    value = cache.get(key)
    if value is None:
        value = make()
        if _listing_slot(newest):
            cache.set(key, value, PAGE_SECONDS)
    return value


def cached_page_response(request, publication: Publication, page: str) -> HttpResponseBase:
    """``page`` of ``publication`` (``disclosures.published.pages``) from the cache,
    rendered on a miss, with its validators (a 304 when the client has it).

    A hit decodes no snapshot and builds nothing. The same bytes are what the fast path
    serves once the worker has stored them (``disclosures.published``).
    """
    from disclosures.published.pages import page_render
    from disclosures.published.serve import rendered_response

    rendered = cached_value(page_key(publication, page), lambda: page_render(publication, page))
    return rendered_response(request, rendered)


def page_is_cached(publication: Publication, page: str) -> bool:
    """Whether ``page`` of ``publication`` is in the cache (then it exists: no snapshot read)."""
    return cache.get(page_key(publication, page)) is not None


def cached_value(key: str, make):
    """``make()``'s result from the cache, made and stored on a miss (pages, files, JSON)."""
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, PAGE_SECONDS)
    return value


def _response(html: str) -> HttpResponse:
    response = HttpResponse(html)
    response["Cache-Control"] = f"public, max-age={BROWSER_SECONDS}"
    return response
