"""A clerk sees and edits only their own department: lists, search, autocomplete, URLs."""

import pytest
from django.urls import reverse

from tests.support.factories import BudgetFactory, ProjectFactory, clerk_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_departments():
    own = BudgetFactory(department__name="本部门医疗保障局")
    other = BudgetFactory(department__name="他部门财政局")
    return (
        own,
        other,
        ProjectFactory(budget=own, name="本部门项目"),
        ProjectFactory(budget=other, name="他部门项目"),
    )


@pytest.fixture
def clerk_client(client, two_departments):
    client.force_login(clerk_of(two_departments[0].department))
    return client


def test_lists_show_only_own_department(clerk_client):
    budgets = clerk_client.get(reverse("admin:budgets_budget_changelist")).content.decode()
    assert "本部门医疗保障局" in budgets and "他部门财政局" not in budgets
    projects = clerk_client.get(reverse("admin:budgets_project_changelist")).content.decode()
    assert "本部门项目" in projects and "他部门项目" not in projects


def test_search_does_not_reveal_other_departments(clerk_client):
    url = reverse("admin:budgets_project_changelist") + "?q=他部门"
    assert "他部门项目" not in clerk_client.get(url).content.decode()


def test_direct_url_of_other_department_is_denied(clerk_client, two_departments):
    own, other, own_project, other_project = two_departments
    for name, obj in (("budget", other), ("project", other_project)):
        response = clerk_client.get(reverse(f"admin:budgets_{name}_change", args=[obj.pk]))
        assert response.status_code == 302  # the admin says "不存在" and goes back
        assert response.url == reverse("admin:index")
    assert (
        clerk_client.get(reverse("admin:budgets_budget_change", args=[own.pk])).status_code == 200
    )


def test_delete_of_other_department_is_denied(clerk_client, two_departments):
    other_project = two_departments[3]
    url = reverse("admin:budgets_project_delete", args=[other_project.pk])
    clerk_client.post(url, {"post": "yes"})
    other_project.refresh_from_db()  # still there


def test_autocomplete_offers_only_own_department(clerk_client, two_departments):
    url = reverse("admin:autocomplete")
    params = {
        "app_label": "budgets",
        "model_name": "project",
        "field_name": "budget",
        "term": "",
    }
    results = clerk_client.get(url, params).json()["results"]
    assert [r["id"] for r in results] == [str(two_departments[0].pk)]
    params["field_name"] = "unit"
    units = clerk_client.get(url, params).json()["results"]
    own_units = {str(p.unit.pk) for p in [two_departments[2]]}
    assert {r["id"] for r in units} == own_units


def test_catalogues_are_read_only_for_clerks(clerk_client):
    response = clerk_client.get(reverse("admin:budgets_functionalsubject_add"))
    assert response.status_code == 403
    assert (
        clerk_client.get(reverse("admin:budgets_functionalsubject_changelist")).status_code == 200
    )


def test_finance_bureau_sees_only_its_regions_staff(client, db):
    from budgets.models import StaffProfile
    from budgets.services.roles import FINANCE_GROUP, roles_setup
    from tests.support.factories import DepartmentFactory, RegionFactory, UserFactory

    own, other = RegionFactory(code="419911"), RegionFactory(code="419912")
    mine = UserFactory(username="staff-own")
    StaffProfile.objects.create(user=mine, department=DepartmentFactory(region=own, code="811"))
    theirs = UserFactory(username="staff-other")
    StaffProfile.objects.create(user=theirs, department=DepartmentFactory(region=other, code="812"))
    finance = UserFactory(username="finance-own")
    finance.groups.add(roles_setup()[FINANCE_GROUP])
    StaffProfile.objects.create(user=finance, region=own)
    client.force_login(finance)
    page = client.get("/admin/budgets/staffprofile/").content.decode()
    assert "staff-own" in page and "staff-other" not in page
    other_profile = theirs.staff_profile.pk
    assert client.get(f"/admin/budgets/staffprofile/{other_profile}/change/").status_code == 302
