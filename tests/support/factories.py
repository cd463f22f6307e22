"""factory_boy factories for budgets. Catalogue rows come from the shipped catalogue."""

from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from budgets.models import (
    Budget,
    BudgetUnit,
    Department,
    EconomicScheme,
    EconomicSubject,
    ExpenditureLine,
    FiscalYear,
    FunctionalSubject,
    LineKind,
    Project,
    Region,
    StaffProfile,
    UnitKind,
)


def functional(code: str, year: int = 2022) -> FunctionalSubject:
    return FunctionalSubject.objects.valid_in(year).get(code=code)


def dept_economic(code: str, year: int = 2022) -> EconomicSubject:
    return EconomicSubject.objects.valid_in(year).get(scheme=EconomicScheme.DEPARTMENT, code=code)


def gov_economic(code: str, year: int = 2022) -> EconomicSubject:
    return EconomicSubject.objects.valid_in(year).get(scheme=EconomicScheme.GOVERNMENT, code=code)


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{410000 + n:06d}")
    name = factory.Sequence(lambda n: f"测试区{n}")


class FiscalYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FiscalYear
        django_get_or_create = ("year",)

    year = 2022


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department

    region = factory.SubFactory(RegionFactory)
    code = factory.Sequence(lambda n: f"{100 + n:03d}")
    name = factory.Sequence(lambda n: f"测试局{n}")


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetUnit

    department = factory.SubFactory(DepartmentFactory)
    code = factory.LazyAttributeSequence(lambda o, n: f"{o.department.code}{n + 1:03d}")
    name = factory.Sequence(lambda n: f"测试单位{n}")
    kind = UnitKind.ADMINISTRATIVE


class BudgetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Budget

    department = factory.SubFactory(DepartmentFactory)
    fiscal_year = factory.SubFactory(FiscalYearFactory)


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    budget = factory.SubFactory(BudgetFactory)
    unit = factory.LazyAttribute(lambda o: UnitFactory(department=o.budget.department))
    code = factory.Sequence(lambda n: f"4107022200000000{n:05d}")
    name = factory.Sequence(lambda n: f"测试项目{n}")
    kind = "特定目标类"


class LineFactory(factory.django.DjangoModelFactory):
    """A basic line: 行政运行 / 基本工资 → 工资奖金津补贴, 财政拨款."""

    class Meta:
        model = ExpenditureLine

    budget = factory.SubFactory(BudgetFactory)
    unit = factory.LazyAttribute(lambda o: UnitFactory(department=o.budget.department))
    kind = LineKind.BASIC
    functional_subject = factory.LazyAttribute(lambda o: functional("2101501", o.budget.year))
    dept_economic = factory.LazyAttribute(lambda o: dept_economic("30101", o.budget.year))
    gov_economic = factory.LazyAttribute(lambda o: gov_economic("50101", o.budget.year))
    funding_source = "gp_appropriation"
    amount = Decimal("10.00")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", "pass-12345")
    is_staff = True


def clerk_of(department: Department, username: str = "clerk"):
    """A staff user in the 填报员 group working for ``department``."""
    from budgets.services.roles import CLERK_GROUP, roles_setup

    user = UserFactory(username=username)
    user.groups.add(roles_setup()[CLERK_GROUP])
    StaffProfile.objects.create(user=user, department=department)
    return user


def staff_of(group: str, *, department=None, region=None, username: str = "staff"):
    """A staff user in ``group`` working for a department (填报员/审核员) or a region (财政)."""
    from budgets.services.roles import roles_setup

    user = UserFactory(username=username)
    user.groups.add(roles_setup()[group])
    StaffProfile.objects.create(user=user, department=department, region=region)
    return user
