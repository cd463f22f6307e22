"""Disclosure pages. Views stay thin: fetch, call one function, render."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import Http404
from django.shortcuts import get_object_or_404, render

from budgets.models import Budget
from budgets.selectors import budget_summaries
from disclosures.tables import BUILDERS, budget_data, build_tables


def home(request):
    """Landing page: the budgets in the system with their headline totals."""
    return render(request, "disclosures/home.html", {"summaries": budget_summaries()})


def _budget(region: str, year: int, department: str) -> Budget:
    return get_object_or_404(
        Budget.objects.select_related("department__region", "fiscal_year"),
        department__region__code=region,
        fiscal_year__year=year,
        department__code=department,
    )


# Until the publishing workflow exists, tables are shown to staff only.
@staff_member_required
def tables(request, region: str, year: int, department: str):
    """All twelve tables of one budget on one page."""
    budget = _budget(region, year, department)
    context = {"budget": budget, "tables": build_tables(budget_data(budget_id=budget.pk))}
    return render(request, "disclosures/tables.html", context)


@staff_member_required
def table(request, region: str, year: int, department: str, number: int):
    """One table of one budget."""
    if number not in BUILDERS:
        raise Http404("没有这张表。")
    budget = _budget(region, year, department)
    report = BUILDERS[number](budget_data(budget_id=budget.pk))
    return render(request, "disclosures/table.html", {"budget": budget, "table": report})
