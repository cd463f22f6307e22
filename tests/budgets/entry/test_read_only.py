"""The grid read-only: reviewers, the finance bureau and clerks of a submitted budget see the
same rows and totals without inputs or save, with a note why; their saves stay refused."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from budgets.models import BudgetStatus, ExpenditureLine
from budgets.services.roles import FINANCE_GROUP, REVIEWER_GROUP
from tests.budgets.entry.test_grid_save import row as grid_row
from tests.support.factories import (
    BudgetFactory,
    DepartmentFactory,
    LineFactory,
    ProjectFactory,
    UnitFactory,
    UserFactory,
    clerk_of,
    staff_of,
)

pytestmark = pytest.mark.django_db

NOT_EDITOR = "只读：您可以查看本预算的支出明细，但没有修改权限（由本部门的填报员填写）。"


@pytest.fixture
def budget():
    department = DepartmentFactory(code="060", name="测试医疗保障局")
    unit = UnitFactory(department=department, code="060001", name="测试医疗保障局本级")
    budget = BudgetFactory(department=department)
    LineFactory(budget=budget, unit=unit)
    return budget


def grid_url(budget, project=None):
    if project is None:
        return reverse("admin:budget_entry_basic", args=[budget.pk])
    return reverse("admin:budget_entry_project", args=[budget.pk, project.pk])


def page(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def save(client, url, amount="20.00"):
    line = ExpenditureLine.objects.get()
    row = grid_row(id=line.pk, amount=amount)
    body = json.dumps({"version": "x", "rows": [row]})
    return client.post(url, body, content_type="application/json")


def assert_read_only(soup, note: str):
    assert soup.select_one("#grid-read-only-note").get_text() == note
    assert not soup.select("#grid-form, #grid-save, [data-grid-action], input:not([type=hidden])")
    assert "＋ 新建项目" not in soup.select_one("nav.entry-tabs").get_text()
    data = json.loads(soup.find("script", id="grid-data").string)
    assert data["readOnly"] is True
    return data


def test_a_reviewer_sees_the_rows_read_only_and_cannot_save(client, budget):
    line = ExpenditureLine.objects.get()
    client.force_login(staff_of(REVIEWER_GROUP, department=budget.department, username="r"))
    data = assert_read_only(page(client, grid_url(budget)), NOT_EDITOR)
    assert data["rows"] == [
        [line.pk, "060001", "2101501", "30101", "50101", "gp_appropriation", "", "10.00"]
    ]
    response = save(client, grid_url(budget))
    assert response.status_code == 403
    assert response.json() == {
        "ok": False,
        "message": "您没有修改支出明细的权限，没有保存任何内容。",
    }
    assert str(ExpenditureLine.objects.get().amount) == "10.00"


def test_a_reviewer_sees_a_projects_lines_read_only(client, budget):
    project = ProjectFactory(budget=budget, unit=budget.department.units.get())
    LineFactory(budget=budget, unit=project.unit, kind="project", project=project)
    client.force_login(staff_of(REVIEWER_GROUP, department=budget.department, username="r"))
    data = assert_read_only(page(client, grid_url(budget, project)), NOT_EDITOR)
    assert data["kind"] == "project" and len(data["rows"]) == 1


def test_the_budget_page_links_the_read_only_grid(client, budget):
    change = reverse("admin:budgets_budget_change", args=[budget.pk])
    client.force_login(staff_of(FINANCE_GROUP, region=budget.department.region, username="f"))
    links = page(client, change).select("a.entry-link")
    assert [(a["href"], a.get_text()) for a in links] == [
        (grid_url(budget), "查看支出明细（只读）")
    ]
    assert_read_only(page(client, grid_url(budget)), NOT_EDITOR)


def test_a_clerk_sees_a_submitted_budget_read_only_and_cannot_save(client, budget):
    type(budget).objects.filter(pk=budget.pk).update(status=BudgetStatus.SUBMITTED)
    budget.refresh_from_db()
    client.force_login(clerk_of(budget.department))
    note = f"只读：“{budget}”已提交，只能修改草稿预算；请先退回或重新打开为草稿。"
    assert_read_only(page(client, grid_url(budget)), note)
    change = reverse("admin:budgets_budget_change", args=[budget.pk])
    assert page(client, change).select_one("a.entry-link").get_text() == "查看支出明细（只读）"
    response = save(client, grid_url(budget))
    assert response.status_code == 403 and "只能修改草稿预算" in response.json()["message"]
    assert str(ExpenditureLine.objects.get().amount) == "10.00"


def test_a_superuser_still_edits_a_submitted_budget(client, budget):
    type(budget).objects.filter(pk=budget.pk).update(status=BudgetStatus.SUBMITTED)
    client.force_login(UserFactory(username="root", is_superuser=True))
    soup = page(client, grid_url(budget))
    assert soup.select("#grid-save") and not soup.select("#grid-read-only-note")
    assert json.loads(soup.find("script", id="grid-data").string)["readOnly"] is False


def test_staff_without_the_view_permission_and_other_departments_get_403(client, budget):
    client.force_login(UserFactory(username="nobody"))
    assert client.get(grid_url(budget)).status_code == 403
    assert save(client, grid_url(budget)).status_code == 403
    other = DepartmentFactory(code="061", name="另一个局")
    client.force_login(staff_of(REVIEWER_GROUP, department=other, username="r2"))
    assert client.get(grid_url(budget)).status_code == 403
    assert save(client, grid_url(budget)).status_code == 403
    assert str(ExpenditureLine.objects.get().amount) == "10.00"
