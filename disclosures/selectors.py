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


def department_publications(*, region: str, department: str) -> list:
    """The current version of each published year of one department, newest year first."""
    return list(publications_current().filter(region_code=region, department_code=department))


def search_publications(query: str) -> list[dict]:
    """Departments, units and projects of current publications whose name contains ``query``.

    Matched on the frozen snapshots (table 10 lists units and projects), so a draft
    revision's unpublished names are never found; works alike on SQLite and PostgreSQL.
    """
    results = []
    # Scans the current snapshots in Python: JSON stores Chinese escaped, so SQL LIKE cannot
    # match it; a search index table is the next step for thousands of departments.
    for publication in publications_current():
        content = publication.content
        if query in content["department_name"]:
            results.append(
                {
                    "publication": publication,
                    "kind": "部门",
                    "name": content["department_name"],
                    "field": "部门名称",
                }
            )
        projects = next(t for t in content["tables"] if t["number"] == 10)
        for row in projects["rows"]:
            name = row["cells"].get("name") or ""
            if row["kind"] == "unit" and query in name:
                results.append(
                    {
                        "publication": publication,
                        "kind": "单位",
                        "name": name,
                        "field": "预算单位名称",
                    }
                )
            elif row["kind"] == "item" and query in name:
                results.append(
                    {
                        "publication": publication,
                        "kind": "项目",
                        "name": name,
                        "field": f"项目名称（{row['cells'].get('code', '')}）",
                    }
                )
    return results
