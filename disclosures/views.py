"""Public disclosure pages, read from frozen publications; staff preview of drafts.

A publication's pages are made by ``disclosures.published.pages`` (cached); once the
worker has stored them, ``disclosures.published.serve`` answers before these views run.

Views stay thin: fetch, call one function, render. The public only ever sees
``Publication`` snapshots; an unpublished budget answers 404 at every public URL.
"""

from functools import partial

from django.contrib.admin.views.decorators import staff_member_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from budgets.admin.scoping import visible_departments
from budgets.models import Budget
from disclosures.caching import cached_listing, cached_page_response, page_is_cached
from disclosures.charts import department_charts, disclosure_charts
from disclosures.document import disclosure_build
from disclosures.formats import FORMATS
from disclosures.models import SearchEntry
from disclosures.region import department_standing
from disclosures.selectors import (
    department_publications,
    publication_get,
    publications_current,
    search_publications,
)

SEARCH_PAGE_SIZE = 20


SEARCH_MAX_LENGTH = 50


def _text(request, name: str) -> str:
    """A free-text parameter, trimmed and cut to a length that any real name fits in."""
    return request.GET.get(name, "").strip()[:SEARCH_MAX_LENGTH]


def _page_number(request) -> str:
    page = request.GET.get("page", "")
    return page if page.isdigit() and len(page) <= 6 else "1"


def home(request):
    """Latest published disclosures, filterable by region, year and department, cached."""
    params = {
        "region": _text(request, "region"),
        "year": _text(request, "year"),
        "department": _text(request, "department"),
        "page": _page_number(request),
    }
    context = partial(_home_context, **params)
    return cached_listing(request, "home", "disclosures/home.html", context, params)


def _home_context(*, region: str, year: str, department: str, page: str) -> dict:
    current = publications_current()
    publications = current
    if region:
        publications = publications.filter(region_code=region)
    if year.isdigit():
        publications = publications.filter(year=int(year))
    if department:
        publications = publications.filter(department_name__contains=department)
    return {
        "page": Paginator(publications, 50).get_page(page),
        "filters": {"region": region, "year": year, "department": department},
        "regions": current.order_by("region_code")
        .values_list("region_code", "region_name")
        .distinct(),
        "years": current.order_by("-year").values_list("year", flat=True).distinct(),
    }


def search(request):
    """Departments, units and projects of published disclosures matching ``q`` (cached)."""
    params = {"q": _text(request, "q"), "page": _page_number(request)}

    def context():
        query = params["q"]
        results = search_publications(query) if query else SearchEntry.objects.none()
        page = Paginator(results, SEARCH_PAGE_SIZE).get_page(params["page"])
        return {"query": query, "page": page}

    return cached_listing(request, "search", "disclosures/search.html", context, params)


def department(request, region: str, department: str):
    """Every published year of one department, its headline figures and year-over-year charts."""
    publications = department_publications(region=region, department=department)
    if not publications:
        raise Http404("该部门没有已公开的预算。")
    latest = publications[0]
    context = {
        "publications": publications,
        "charts": department_charts(publications),
        # Beside the region's other departments in the latest year (the region's table
        # cached until the next publication: a rank moves whenever another one publishes).
        "standing": department_standing(region=region, year=latest.year, department=department),
        "standing_year": latest.year,
    }
    return render(request, "disclosures/department.html", context)


def disclosure(request, region: str, year: int, department: str, version: int | None = None):
    """The whole disclosure (narrative, charts, explanation, twelve tables) of a version."""
    publication = publication_get(region=region, year=year, department=department, version=version)
    return cached_page_response(request, publication, "disclosure")


def tables(request, region: str, year: int, department: str):
    """All twelve tables of the current publication on one page."""
    publication = publication_get(region=region, year=year, department=department)
    return cached_page_response(request, publication, "tables")


def table(request, region: str, year: int, department: str, number: int):
    """One table of the current publication."""
    publication = publication_get(region=region, year=year, department=department)
    page = f"table-{number}"
    # A cached page exists; only a miss reads the (deferred) snapshot to know the table.
    if not page_is_cached(publication, page) and not publication.has_table(number):
        raise Http404("没有这张表。")
    return cached_page_response(request, publication, page)


@staff_member_required
def preview(request, region: str, year: int, department: str):
    """Staff only: the disclosure as it would be published now, built from live data.

    ``?format=<key>`` renders it in another registered format, so a bureau can compare a
    department across provinces' layouts; public pages only ever show a publication's own.
    """
    format_key = request.GET.get("format") or None
    if format_key is not None and format_key not in FORMATS:
        raise Http404("没有这种公开格式。")
    budget = get_object_or_404(
        Budget.objects.filter(department__in=visible_departments(request.user)),
        department__region__code=region,
        fiscal_year__year=year,
        department__code=department,
    )
    disclosure = disclosure_build(budget_id=budget.pk, format_key=format_key)
    context = {
        "disclosure": disclosure,
        "charts": disclosure_charts(disclosure),
        "preview_of": budget,
    }
    return render(request, "disclosures/disclosure.html", context)
