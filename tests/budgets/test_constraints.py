"""The database itself refuses bad data, even when ``clean()`` is bypassed."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from budgets.models import BudgetUnit, Department, ExpenditureLine, LineKind, Project
from tests.support.factories import BudgetFactory, DepartmentFactory, LineFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def refused(action) -> bool:
    try:
        with transaction.atomic():
            action()
    except IntegrityError:
        return True
    return False


def test_negative_amount_refused_by_database():
    line = LineFactory()
    assert refused(
        lambda: ExpenditureLine.objects.filter(pk=line.pk).update(amount=Decimal("-0.01"))
    )


def test_basic_line_cannot_belong_to_a_project():
    line = LineFactory()
    project = ProjectFactory(budget=line.budget)
    assert refused(lambda: ExpenditureLine.objects.filter(pk=line.pk).update(project=project))


def test_project_line_needs_a_project():
    line = LineFactory()
    assert refused(
        lambda: ExpenditureLine.objects.filter(pk=line.pk).update(
            kind=LineKind.PROJECT, cost_type=""
        )
    )


def test_department_code_unique_within_region_only():
    first = DepartmentFactory(code="060")
    assert refused(lambda: Department.objects.create(region=first.region, code="060", name="重复"))
    DepartmentFactory(code="060")  # another region may reuse the code


def test_unit_code_unique_within_department():
    department = DepartmentFactory(code="707")
    BudgetUnit.objects.create(department=department, code="707001", name="甲", kind="行政")
    assert refused(
        lambda: BudgetUnit.objects.create(
            department=department, code="707001", name="乙", kind="行政"
        )
    )


def test_project_code_unique_within_budget():
    project = ProjectFactory()
    assert refused(
        lambda: Project.objects.create(
            budget=project.budget, unit=project.unit, code=project.code, name="x", kind="特定目标类"
        )
    )


def test_one_budget_per_department_and_year():
    budget = BudgetFactory()
    assert refused(
        lambda: BudgetFactory(department=budget.department, fiscal_year=budget.fiscal_year)
    )
