"""Cached public pages: a frozen publication's page is rendered once, then served as is.

A key names the publication (id and publication time) and whether it is still the
current version, so publishing a revision moves every page of that budget to new keys:
the next request renders afresh, and the old version's page gains its "newer version"
notice. Nothing needs deleting, and no process can serve a stale page after the
database says a revision exists, whatever cache backend each process uses.
"""

import hashlib

from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from django.template.loader import render_to_string

from disclosures.models import Publication

PAGE_SECONDS = 24 * 60 * 60
BROWSER_SECONDS = 5 * 60


def page_key(publication: Publication, page: str) -> str:
    stamp = publication.published_at.timestamp()
    return f"page:{publication.pk}:{stamp}:{int(publication.is_current)}:{page}"


def listing_key(request, page: str) -> str:
    """A key for pages listing many publications (home, search).

    Publications are only ever added — a revision is a new row; none is deleted (the
    budget is protected and the admin offers no deletion) — so the newest id names the
    state of everything public: one aggregate query, and any publication moves the key.
    """
    newest = Publication.objects.aggregate(newest=Max("pk"))["newest"] or 0
    query = hashlib.sha256(request.GET.urlencode().encode()).hexdigest()[:16]
    return f"list:{newest}:{page}:{query}"


def cached_listing(request, page: str, template: str, context) -> HttpResponse:
    """A listing page from the cache, rendered on a miss (``context`` is a function)."""
    return _cached(request, listing_key(request, page), template, context)


def cached_page(
    request, publication: Publication, page: str, template: str, context
) -> HttpResponse:
    """The rendered ``template`` for ``publication`` from the cache, rendering on a miss.

    ``context`` is a function, called only on a miss, so a hit decodes no snapshot and
    builds nothing.
    """
    return _cached(request, page_key(publication, page), template, context)


def cached_value(key: str, make):
    """``make()``'s result from the cache, made and stored on a miss (pages, files, JSON)."""
    value = cache.get(key)
    if value is None:
        value = make()
        cache.set(key, value, PAGE_SECONDS)
    return value


def _cached(request, key: str, template: str, context) -> HttpResponse:
    html = cached_value(key, lambda: render_to_string(template, context(), request=request))
    response = HttpResponse(html)
    response["Cache-Control"] = f"public, max-age={BROWSER_SECONDS}"
    return response
