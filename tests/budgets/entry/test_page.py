"""The grid page: linked from the budget page for those who may enter lines, its data in
one JSON block, no inline script (the CSP forbids it), a fixed number of queries."""

import json

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budgets.services.roles import REVIEWER_GROUP
from tests.factories import BudgetFactory, LineFactory, UnitFactory, clerk_of, staff_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    budget = BudgetFactory()
    UnitFactory(department=budget.department)
    return budget


def test_the_budget_page_links_the_grid_for_clerks_and_read_only_for_reviewers(client, budget):
    change = reverse("admin:budgets_budget_change", args=[budget.pk])
    grid = reverse("admin:budget_entry_basic", args=[budget.pk])
    client.force_login(clerk_of(budget.department))
    links = BeautifulSoup(client.get(change).content, "html.parser").select("a.entry-link")
    assert [(a["href"], a.get_text()) for a in links] == [(grid, "表格录入支出明细")]
    client.force_login(staff_of(REVIEWER_GROUP, department=budget.department, username="r"))
    links = BeautifulSoup(client.get(change).content, "html.parser").select("a.entry-link")
    assert [(a["href"], a.get_text()) for a in links] == [(grid, "查看支出明细（只读）")]


def test_the_page_carries_its_data_as_json_and_no_inline_script(client, budget):
    unit = budget.department.units.get()
    line = LineFactory(budget=budget, unit=unit)
    client.force_login(clerk_of(budget.department))
    response = client.get(reverse("admin:budget_entry_basic", args=[budget.pk]))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    soup = BeautifulSoup(response.content, "html.parser")
    for script in soup.find_all("script"):
        assert script.get("src") or script.get("type") == "application/json"
    assert not soup.select("[style]") and not soup.find_all("style")
    data = json.loads(soup.find("script", id="grid-data").string)
    assert data["rows"] == [
        [line.pk, unit.code, "2101501", "30101", "50101", "gp_appropriation", "", "10.00"]
    ]
    assert data["catalogue"]["f"]["2101501"] == "行政运行"
    assert data["catalogue"]["p"]["30101"]["行政"] == ["50101"]


def test_the_page_costs_the_same_queries_for_5_and_200_lines(client, budget):
    unit = budget.department.units.get()
    client.force_login(clerk_of(budget.department))
    url = reverse("admin:budget_entry_basic", args=[budget.pk])

    def queries(count):
        LineFactory.create_batch(count - budget.lines.count(), budget=budget, unit=unit)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    assert queries(5) == queries(200)
