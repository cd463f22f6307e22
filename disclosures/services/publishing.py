"""Publishing: freezing a budget's disclosure as a numbered public version.

The budget's workflow (草稿 → 已提交 → 已发布) is ``budgets.services.workflow``; this app takes
part in it through ``budgets.signals`` (connected in ``disclosures/apps.py``): a submission
or publication is refused while the disclosure checks find errors, and publishing freezes
the version here. ``budgets`` itself never imports this app to publish.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from budgets.fields import ZERO
from budgets.models import Budget, BudgetStatus, TransitionAction
from disclosures.checks import Level, check_budget
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


# The transitions the disclosure checks can refuse, with the verb of their refusal.
CHECKED = {TransitionAction.SUBMIT: "提交", TransitionAction.PUBLISH: "发布"}


def on_transition_requested(sender, *, budget: Budget, action, **kwargs) -> None:
    """Refuse submitting or publishing while the checks find errors (lists them all)."""
    verb = CHECKED.get(action)
    if verb is None:
        return
    errors = [f.message for f in check_budget(budget_id=budget.pk) if f.level == Level.ERROR]
    if errors:
        raise ValidationError(
            [f"公开表检查发现 {len(errors)} 个错误，不能{verb}："]
            + [f"{i}. {message}" for i, message in enumerate(errors, 1)]
        )


def on_budget_published(sender, *, budget: Budget, user=None, reason: str = "", **kwargs) -> None:
    publication_create(budget=budget, user=user, reason=reason)


@transaction.atomic
def demo_publication_create(*, budget: Budget) -> int:
    """Publish a demo budget unless its current version already shows exactly this data.

    Goes through the workflow as the system (更正 → 提交 → 发布 when it changed). Returns the
    current version number; re-running with unchanged data creates no new version.
    """
    from budgets.services.workflow import budget_publish, budget_reopen, budget_submit

    budget.refresh_from_db()
    latest = budget.publications.order_by("-version").first()
    content = disclosure_to_dict(disclosure_build(budget_id=budget.pk))
    if latest is not None and latest.content == content:
        if budget.status != BudgetStatus.PUBLISHED:
            Budget.objects.filter(pk=budget.pk).update(status=BudgetStatus.PUBLISHED)
        return latest.version
    if budget.status == BudgetStatus.PUBLISHED:
        budget_reopen(budget=budget, comment="示例数据更新")
    if budget.status == BudgetStatus.DRAFT:
        budget_submit(budget=budget, comment="示例数据")
    budget_publish(budget=budget, comment="示例数据更新" if latest else "")
    return budget.publications.order_by("-version").values_list("version", flat=True)[0]
