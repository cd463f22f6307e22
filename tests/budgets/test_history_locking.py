"""Audit trail (who, when, old → new) and optimistic locking (second save refused)."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from budgets.models import ExpenditureLine, NarrativeSection
from budgets.models.locking import ConcurrentEditError
from budgets.services.roles import CLERK_GROUP, FINANCE_GROUP, REVIEWER_GROUP
from tests.support.factories import BudgetFactory, LineFactory, staff_of
from tests.support.html import field_errors, form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def line():
    return LineFactory(budget=BudgetFactory(), amount=Decimal("10.00"))


def _logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_admin_edits_are_recorded_with_user_and_old_new(line):
    department = line.budget.department
    clerk = staff_of(CLERK_GROUP, department=department, username="c1")
    page = reverse("admin:budgets_budget_change", args=[line.budget.pk])
    client = _logged_in(clerk)
    data = form_values(client.get(page).content.decode())
    data["lines-0-amount"] = "12.50"
    assert client.post(page, data).status_code == 302
    record = ExpenditureLine.history.filter(id=line.pk).first()
    assert (record.history_type, record.history_user, record.amount) == (
        "~",
        clerk,
        Decimal("12.50"),
    )

    reviewer = staff_of(REVIEWER_GROUP, department=department, username="r1")
    audit = reverse("admin:budgets_budget_audit", args=[line.budget.pk])
    html = _logged_in(reviewer).get(audit).content.decode()
    assert "c1" in html and "金额" in html and "10.00 → 12.50" in html
    finance = staff_of(FINANCE_GROUP, region=department.region, username="f1")
    assert _logged_in(finance).get(audit).status_code == 200
    assert client.get(audit).status_code == 403  # the clerk has no history permission


def test_create_and_delete_are_recorded(line):
    pk = line.pk
    line.delete()
    assert list(ExpenditureLine.history.filter(id=pk).values_list("history_type", flat=True)) == [
        "-",
        "+",
    ]


def test_second_concurrent_admin_save_is_refused(line):
    clerk = staff_of(CLERK_GROUP, department=line.budget.department, username="c2")
    page = reverse("admin:budgets_budget_change", args=[line.budget.pk])
    first, second = _logged_in(clerk), _logged_in(clerk)
    data_first = form_values(first.get(page).content.decode())
    data_second = form_values(second.get(page).content.decode())
    data_first["lines-0-amount"] = "11.00"
    assert first.post(page, data_first).status_code == 302
    data_second["lines-0-amount"] = "99.00"
    response = second.post(page, data_second)
    assert response.status_code == 200
    assert any("已被其他人修改" in error for error in field_errors(response.content.decode()))
    line.refresh_from_db()
    assert line.amount == Decimal("11.00")


def test_stale_model_save_is_refused(line):
    NarrativeSection.objects.create(budget=line.budget, key="overview", text="一")
    a = NarrativeSection.objects.get(budget=line.budget)
    b = NarrativeSection.objects.get(budget=line.budget)
    a.text = "二"
    a.save()
    b.text = "三"
    with pytest.raises(ConcurrentEditError, match="请刷新页面"):
        b.save()
    a.text = "四"
    a.save()  # the first editor may keep saving
    assert NarrativeSection.objects.get(pk=a.pk).text == "四"
