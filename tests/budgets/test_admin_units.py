"""Data entry offers only the budget's own units, and refuses another department's with a
field message, in the admin (existing and new budgets, project pages) and in the models."""

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.urls import reverse

from budgets.models import Budget, ExpenditureLine, ProcurementItem, Project
from tests.support.factories import (
    BudgetFactory,
    FiscalYearFactory,
    ProjectFactory,
    UnitFactory,
    UserFactory,
    clerk_of,
    dept_economic,
    functional,
    gov_economic,
)
from tests.support.html import field_errors, form_values

pytestmark = pytest.mark.django_db
MESSAGE = "预算单位必须属于本部门"


@pytest.fixture
def world():
    budget = BudgetFactory()
    own = UnitFactory(department=budget.department, name="本部门单位")
    other_budget = BudgetFactory(department__region=budget.department.region)
    other = UnitFactory(department=other_budget.department, name="外部门单位")
    return {"budget": budget, "own": own, "other": other}


def unit_options(html: str, name: str) -> set[str]:
    """The unit names a select named ``name`` offers (the blank choice left out)."""
    select = BeautifulSoup(html, "html.parser").find("select", attrs={"name": name})
    assert select is not None, name
    options = [o.get_text(strip=True) for o in select.find_all("option") if o.get("value")]
    return {text.split(" ", 1)[-1] for text in options}  # "100001 本部门单位"


def line(unit, **values) -> dict:
    return {
        "unit": unit.pk,
        "functional_subject": functional("2101501").pk,
        "dept_economic": dept_economic("30101").pk,
        "gov_economic": gov_economic("50101").pk,
        "funding_source": "gp_appropriation",
        "amount": "12.00",
        "cost_type_override": "",
        **values,
    }


def with_line(data: dict, unit, prefix: str = "lines") -> dict:
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(n + 1)
    data.update({f"{prefix}-{n}-{k}": v for k, v in line(unit).items()})
    return data


def test_new_budget_page_offers_only_own_units(client, world):
    client.force_login(clerk_of(world["budget"].department))
    html = client.get(reverse("admin:budgets_budget_add")).content.decode()
    assert unit_options(html, "lines-__prefix__-unit") == {"本部门单位"}
    assert unit_options(html, "procurement_items-__prefix__-unit") == {"本部门单位"}


def test_existing_budget_page_offers_only_its_departments_units(client, world):
    budget = world["budget"]
    client.force_login(UserFactory(username="root", is_superuser=True))
    html = client.get(reverse("admin:budgets_budget_change", args=[budget.pk])).content.decode()
    assert unit_options(html, "lines-__prefix__-unit") == {"本部门单位"}
    assert unit_options(html, "procurement_items-__prefix__-unit") == {"本部门单位"}


def test_project_page_offers_only_own_units(client, world):
    project = ProjectFactory(budget=world["budget"], unit=world["own"])
    client.force_login(UserFactory(username="root", is_superuser=True))
    url = reverse("admin:budgets_project_change", args=[project.pk])
    html = client.get(url).content.decode()
    assert unit_options(html, "lines-__prefix__-unit") == {"本部门单位"}
    assert unit_options(html, "unit") == {"本部门单位"}


def test_a_new_budget_with_another_departments_unit_is_refused(client, world):
    department = world["budget"].department
    client.force_login(clerk_of(department))
    url = reverse("admin:budgets_budget_add")
    year = FiscalYearFactory(year=2031)

    def new_budget(unit) -> dict:
        data = form_values(client.get(url).content.decode())
        return with_line(data | {"department": department.pk, "fiscal_year": year.pk}, unit)

    response = client.post(url, new_budget(world["other"]))
    assert response.status_code == 200
    assert any(MESSAGE in error for error in field_errors(response.content.decode()))
    assert not Budget.objects.filter(fiscal_year__year=2031).exists()
    assert not ExpenditureLine.objects.exists()
    # The own unit is accepted on the same new budget.
    response = client.post(url, new_budget(world["own"]))
    assert response.status_code == 302, field_errors(response.content.decode())


@pytest.mark.parametrize("prefix", ["lines", "procurement_items"])
def test_posting_another_departments_unit_on_a_budget_gets_the_field_message(client, world, prefix):
    budget = world["budget"]
    client.force_login(UserFactory(username="root", is_superuser=True))
    url = reverse("admin:budgets_budget_change", args=[budget.pk])
    data = with_line(form_values(client.get(url).content.decode()), world["other"], prefix)
    if prefix == "procurement_items":
        n = int(data[f"{prefix}-TOTAL_FORMS"]) - 1
        data |= {f"{prefix}-{n}-category": "货物", f"{prefix}-{n}-item": "电脑"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert any(MESSAGE in error for error in field_errors(response.content.decode()))
    assert not ExpenditureLine.objects.exists() and not ProcurementItem.objects.exists()


def test_project_with_another_departments_unit_is_refused(client, world):
    project = ProjectFactory(budget=world["budget"], unit=world["own"])
    client.force_login(clerk_of(world["budget"].department))
    url = reverse("admin:budgets_project_change", args=[project.pk])
    data = form_values(client.get(url).content.decode())
    data["unit"] = world["other"].pk
    response = client.post(url, data)
    assert response.status_code == 200
    assert any(MESSAGE in error for error in field_errors(response.content.decode()))
    assert Project.objects.get(pk=project.pk).unit == world["own"]


@pytest.mark.parametrize("model", [ExpenditureLine, ProcurementItem, Project])
def test_models_refuse_another_departments_unit(world, model):
    obj = model(budget=world["budget"], unit=world["other"])
    with pytest.raises(ValidationError) as refused:
        obj.full_clean()
    assert MESSAGE in refused.value.message_dict["unit"][0]


def test_models_refuse_it_on_an_unsaved_budget_too(world):
    budget = Budget(department=world["budget"].department, fiscal_year=world["budget"].fiscal_year)
    item = ProcurementItem(budget=budget, unit=world["other"], category="货物", item="电脑")
    with pytest.raises(ValidationError) as refused:
        item.full_clean(exclude=["budget"])
    assert MESSAGE in refused.value.message_dict["unit"][0]
