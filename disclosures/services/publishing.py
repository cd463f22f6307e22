"""Publishing: freezing a budget's disclosure as a numbered public version."""

from django.db import transaction
from django.db.models import Max

from budgets.fields import ZERO
from budgets.models import Budget, BudgetStatus
from disclosures.document import Disclosure, disclosure_build, disclosure_to_dict
from disclosures.models import Publication, SearchEntry, SearchEntryKind
from disclosures.pdf.tasks import pdf_enqueue
from disclosures.published.files import manifest_remove


def publication_fields(disclosure: Disclosure) -> dict:
    """The columns a publication denormalises from its disclosure (headline in 万元)."""
    headline = disclosure.headline()
    return {
        "content": disclosure_to_dict(disclosure),
        "disclosure_format": disclosure.format_key,
        "region_code": disclosure.region_code,
        "region_name": disclosure.region_name,
        "year": disclosure.year,
        "department_code": disclosure.department_code,
        "department_name": disclosure.department_name,
        "income_total": headline["income_total"],
        "expenditure_total": headline["expenditure_total"],
        "basic_total": headline["basic"],
        "project_total": headline["project"],
        "three_public_total": headline["three_public"],
        **region_fields(disclosure),
    }


def region_fields(disclosure: Disclosure) -> dict:
    """The “三公” items and 机关运行经费 (万元) the region page reads per department."""
    figures = disclosure.key_figures
    three = figures.three_public
    return {
        "outbound_total": three.get("outbound") or ZERO,
        "vehicle_purchase_total": three.get("vehicle_purchase") or ZERO,
        "vehicle_operation_total": three.get("vehicle_operation") or ZERO,
        "reception_total": three.get("reception") or ZERO,
        "operating_costs": figures.operating_costs,
    }


def search_entries(disclosure: Disclosure) -> list[SearchEntry]:
    """The department, its units with projects and their projects (key figures), unsaved."""
    figures = disclosure.key_figures
    department = SearchEntry(
        kind=SearchEntryKind.DEPARTMENT,
        name=disclosure.department_name,
        code=disclosure.department_code,
    )
    return [
        department,
        *(SearchEntry(kind=SearchEntryKind.UNIT, name=u.name, code=u.code) for u in figures.units),
        *(
            SearchEntry(kind=SearchEntryKind.PROJECT, name=p.name, code=p.code)
            for p in figures.projects
        ),
    ]


@transaction.atomic
def publication_create(*, budget: Budget, user=None, reason: str = "") -> Publication:
    """Freeze the budget's current disclosure as its next version and mark it published.

    The new version becomes the current one; its search entries are written with it.
    Pages cached under the previous version's key are no longer reached (see
    ``disclosures.caching``), and its stored pages' manifest is removed, so publishing a
    revision is what invalidates them; the worker stores the new version's pages.
    """
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    latest = budget.publications.aggregate(latest=Max("version"))["latest"] or 0
    disclosure = disclosure_build(budget_id=budget.pk)
    # The previous version's stored pages are no longer the current ones: forget them
    # under the lock, before the new version is visible (disclosures/published/files.py).
    manifest_remove(
        region=disclosure.region_code, year=disclosure.year, department=disclosure.department_code
    )
    budget.publications.filter(is_current=True).update(is_current=False)
    publication = Publication.objects.create(
        budget=budget,
        version=latest + 1,
        published_by=user,
        reason=reason,
        is_current=True,
        **publication_fields(disclosure),
    )
    entries = search_entries(disclosure)
    for entry in entries:
        entry.publication = publication
    SearchEntry.objects.bulk_create(entries)
    Budget.objects.filter(pk=budget.pk).update(status=BudgetStatus.PUBLISHED)
    transaction.on_commit(lambda: pdf_enqueue(publication=publication))
    return publication
