"""Read-only queries for the public side: only frozen publications are ever returned."""

from django.db.models import OuterRef, Subquery
from django.http import Http404

from disclosures.models import Publication


def publication_get(*, region: str, year: int, department: str, version: int | None = None):
    """The current (newest) or a given version of a published disclosure, else 404."""
    publications = Publication.objects.filter(
        region_code=region, year=year, department_code=department
    )
    if version is not None:
        publications = publications.filter(version=version)
    publication = publications.order_by("-version").first()
    if publication is None:
        raise Http404("没有找到已公开的预算。")
    return publication


def publications_current():
    """The newest version of every published disclosure, newest year first (one query)."""
    newest = (
        Publication.objects.filter(budget=OuterRef("budget"))
        .order_by("-version")
        .values("version")[:1]
    )
    return Publication.objects.filter(version=Subquery(newest)).order_by(
        "-year", "region_code", "department_code"
    )
