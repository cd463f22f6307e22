"""Read-only queries over budgets. Sums are done in SQL and quantized to the cent."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Q, QuerySet, Sum

from budgets.fields import quantize
from budgets.funding import FundingGroup, sources_in
from budgets.models import Budget, CostType, Department, ExpenditureLine, LineKind


@dataclass(frozen=True)
class BudgetTotals:
    """Headline figures of a budget, in 万元."""

    total: Decimal
    basic: Decimal
    personnel: Decimal
    public: Decimal
    project: Decimal
    general_public: Decimal
    gov_fund: Decimal


def _total_sums(prefix: str = "") -> dict[str, Sum]:
    """The headline sums over lines; ``prefix`` reaches the lines from another model."""

    def total(**conditions):
        condition = Q(**{f"{prefix}{k}": v for k, v in conditions.items()})
        return Sum(f"{prefix}amount", filter=condition if conditions else None)

    return {
        "total": total(),
        "basic": total(kind=LineKind.BASIC),
        "personnel": total(kind=LineKind.BASIC, cost_type=CostType.PERSONNEL),
        "public": total(kind=LineKind.BASIC, cost_type=CostType.PUBLIC),
        "project": total(kind=LineKind.PROJECT),
        "general_public": total(funding_source__in=sources_in(FundingGroup.GENERAL_PUBLIC)),
        "gov_fund": total(funding_source__in=sources_in(FundingGroup.GOV_FUND)),
    }


def budget_totals(*, budget: Budget) -> BudgetTotals:
    """Totals of one budget in a single query."""
    row = ExpenditureLine.objects.filter(budget=budget).aggregate(**_total_sums())
    return BudgetTotals(**{key: quantize(value) for key, value in row.items()})


def budget_summaries_queryset():
    """Budgets annotated with their totals (``sum_total``, ``sum_basic`` …) in one query."""
    sums = {f"sum_{key}": value for key, value in _total_sums("lines__").items()}
    return Budget.objects.select_related("department__region", "fiscal_year").annotate(**sums)


def annotated_totals(budget: Budget) -> BudgetTotals:
    """The totals of a budget that came from ``budget_summaries_queryset()``."""
    return BudgetTotals(
        **{key: quantize(getattr(budget, f"sum_{key}")) for key in BudgetTotals.__annotations__}
    )


def budget_summaries() -> list[Budget]:
    """Every budget with ``.totals`` set, newest year first."""
    budgets = list(budget_summaries_queryset())
    for budget in budgets:
        budget.totals = annotated_totals(budget)
    return budgets


def visible_departments(user) -> "QuerySet[Department]":
    """Departments ``user`` may see: all (superuser), a region's, one, or none."""
    if user.is_superuser:
        return Department.objects.all()
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        return Department.objects.none()
    if profile.region_id:
        return Department.objects.filter(region_id=profile.region_id)
    if profile.department_id:
        return Department.objects.filter(pk=profile.department_id)
    return Department.objects.none()


def managed_region_id(user) -> int | None:
    """The region whose accounts ``user`` (a finance administrator) manages, if any."""
    profile = getattr(user, "staff_profile", None)
    return profile.region_id if profile else None


def users_visible(user) -> QuerySet:
    """Accounts ``user`` may see and manage in the admin.

    A superuser: everybody. Anybody else: the non-superusers whose staff profile lies in
    their own region (the profile's region, or its department's region). Users without a
    profile belong to no region, so only a superuser sees them.
    """
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.all()
    if user.is_superuser:
        return users
    region = managed_region_id(user)
    if region is None:
        return users.none()
    return users.filter(is_superuser=False).filter(
        Q(staff_profile__region_id=region) | Q(staff_profile__department__region_id=region)
    )
