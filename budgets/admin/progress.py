"""The budget page's 填报进度 and checks, each with a link to where it is entered.

The budget's format says what its document prints (``DisclosureFormat.progress_items``)
and the checks say what is wrong; this module only turns their :class:`Link` targets into
admin addresses: an inline of the budget page, a project page, one expenditure line.
"""

from django.urls import reverse

from budgets.models import Budget
from disclosures.checks import Level, check_budget
from disclosures.formats import format_get
from disclosures.places import Link, Place
from disclosures.tables import budget_data

# The budget page's inline groups (``<formset prefix>-group``, prefix = related name).
INLINE_ANCHORS = {
    Place.NARRATIVE: "narrative_sections-group",
    Place.PRIOR_YEAR: "prior_year-group",
    Place.LINES: "lines-group",
    Place.GOAL: "performance_goal-group",
    Place.TASKS: "department_tasks-group",
    Place.DEPARTMENT_INDICATORS: "department_indicators-group",
}


def link_url(budget: Budget, link: Link | None) -> str:
    """The admin address where the target of ``link`` is entered ("" for none)."""
    if link is None:
        return ""
    if link.place == Place.PROJECT:
        return reverse("admin:budgets_project_change", args=[link.key]) + "#indicators-group"
    if link.place == Place.LINE:
        return reverse("admin:budgets_expenditureline_change", args=[link.key])
    page = reverse("admin:budgets_budget_change", args=[budget.pk])
    return f"{page}#{INLINE_ANCHORS[link.place]}"


def preview_url(budget: Budget) -> str:
    """The staff preview of the tables from the live data: answers for every state."""
    department = budget.department
    return reverse(
        "disclosures:preview", args=[department.region.code, budget.year, department.code]
    )


def budget_findings_context(budget: Budget) -> dict:
    """填报进度, the checks (with links) and the preview of the tables, for the budget page."""
    data = budget_data(budget_id=budget.pk)
    findings = check_budget(budget_id=budget.pk, data=data)
    fmt = format_get(data.format_key)
    preview = preview_url(budget)
    progress = [(item, link_url(budget, item.link)) for item in fmt.progress_items(data)]
    errors = sum(1 for f in findings if f.level == Level.ERROR)
    department = budget.department
    public = ""
    if budget.publications.exists():
        public = reverse(
            "disclosures:tables", args=[department.region.code, budget.year, department.code]
        )
    return {
        "findings": [
            (f, link_url(budget, f.link), [(n, f"{preview}#table-{n}") for n in f.tables])
            for f in findings
        ],
        "finding_errors": errors,
        "finding_warnings": len(findings) - errors,
        "progress": progress,
        "progress_missing": sum(1 for item, _ in progress if not item.done),
        "preview_url": preview,
        "table_url": public,
        "format_label": fmt.label,
    }
