"""Cached public pages: a frozen publication's page is rendered once, then served as is.

A key names the publication (id and publication time) and whether it is still the
current version, so publishing a revision moves every page of that budget to new keys:
the next request renders afresh, and the old version's page gains its "newer version"
notice. Nothing needs deleting, and no process can serve a stale page after the
database says a revision exists, whatever cache backend each process uses.
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string

from disclosures.models import Publication

PAGE_SECONDS = 24 * 60 * 60
BROWSER_SECONDS = 5 * 60


def page_key(publication: Publication, page: str) -> str:
    stamp = publication.published_at.timestamp()
    return f"page:{publication.pk}:{stamp}:{int(publication.is_current)}:{page}"


def cached_page(
    request, publication: Publication, page: str, template: str, context
) -> HttpResponse:
    """The rendered ``template`` for ``publication`` from the cache, rendering on a miss.

    ``context`` is a function, called only on a miss, so a hit decodes no snapshot and
    builds nothing.
    """
    key = page_key(publication, page)
    html = cache.get(key)
    if html is None:
        html = render_to_string(template, context(), request=request)
        cache.set(key, html, PAGE_SECONDS)
    response = HttpResponse(html)
    response["Cache-Control"] = f"public, max-age={BROWSER_SECONDS}"
    return response
