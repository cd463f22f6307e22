"""The ``<region> <year> <department>`` arguments every per-budget command takes."""

from django.core.management.base import CommandError

from budgets.models import Budget


def add_budget_arguments(parser) -> None:
    parser.add_argument("region", help="行政区划代码，如 410702")
    parser.add_argument("year", type=int, help="预算年度，如 2022")
    parser.add_argument("department", help="部门代码，如 060")


def budget_or_error(region: str, year: int, department: str) -> Budget:
    """The department-year budget, or a CommandError in Chinese."""
    budget = Budget.objects.filter(
        department__region__code=region, fiscal_year__year=year, department__code=department
    ).first()
    if budget is None:
        raise CommandError(f"没有找到 {region} {year} 年部门 {department} 的预算。")
    return budget
