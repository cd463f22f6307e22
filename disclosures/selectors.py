"""Read-only queries for the public side: only frozen publications are ever returned."""

from django.http import Http404

from disclosures.models import Publication, SearchEntry


def publication_get(*, region: str, year: int, department: str, version: int | None = None):
    """The current (newest) or a given version of a published disclosure, else 404."""
    # The snapshot is left unread: a cached page needs none of it (read on first use).
    publications = Publication.objects.filter(
        region_code=region, year=year, department_code=department
    ).defer("content")
    if version is not None:
        publications = publications.filter(version=version)
    publication = publications.order_by("-version").first()
    if publication is None:
        raise Http404("没有找到已公开的预算。")
    return publication


def publications_current():
    """The newest version of every published disclosure, newest year first, snapshots
    left unread (lists show the denormalised headline columns)."""
    return (
        Publication.objects.filter(is_current=True)
        .defer("content")
        .order_by("-year", "region_code", "department_code")
    )


def department_publications(*, region: str, department: str) -> list:
    """The current version of each published year of one department, newest year first."""
    return list(publications_current().filter(region_code=region, department_code=department))


def search_publications(query: str):
    """Departments, units and projects of current publications whose name contains ``query``.

    Matched on entries written from the frozen snapshots, so a draft revision's
    unpublished names are never found; ``LIKE`` matches Chinese substrings alike on
    SQLite and PostgreSQL. Each result carries ``matched_field`` (why it matched).
    """
    return (
        SearchEntry.objects.filter(publication__is_current=True, name__contains=query)
        .select_related("publication")
        .defer("publication__content")
        .order_by(
            "-publication__year", "publication__region_code", "publication__department_code", "id"
        )
    )
