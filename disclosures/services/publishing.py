"""Publishing: freezing a budget's disclosure as a numbered public version."""

from django.db import transaction
from django.db.models import Max

from budgets.models import Budget, BudgetStatus
from disclosures.document import disclosure_build, disclosure_to_dict
from disclosures.models import Publication
from disclosures.pdf.tasks import pdf_enqueue


@transaction.atomic
def publication_create(*, budget: Budget, user=None, reason: str = "") -> Publication:
    """Freeze the budget's current disclosure as its next version and mark it published."""
    budget = Budget.objects.select_for_update().get(pk=budget.pk)
    latest = budget.publications.aggregate(latest=Max("version"))["latest"] or 0
    department = budget.department
    publication = Publication.objects.create(
        budget=budget,
        version=latest + 1,
        published_by=user,
        reason=reason,
        content=disclosure_to_dict(disclosure_build(budget_id=budget.pk)),
        region_code=department.region.code,
        year=budget.fiscal_year.year,
        department_code=department.code,
    )
    Budget.objects.filter(pk=budget.pk).update(status=BudgetStatus.PUBLISHED)
    transaction.on_commit(lambda: pdf_enqueue(publication=publication))
    return publication
