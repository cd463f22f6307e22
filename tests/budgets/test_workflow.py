"""草稿 → 已提交 → 已发布, 退回 and 更正: who may, what is recorded, what is refused."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.urls import reverse

from budgets.models import BudgetStatus, BudgetTransition
from budgets.services.roles import CLERK_GROUP, FINANCE_GROUP, REVIEWER_GROUP
from budgets.services.workflow import (
    budget_publish,
    budget_reopen,
    budget_return,
    budget_submit,
)
from disclosures.checks import Finding, Level
from tests.support.factories import staff_of


@pytest.fixture
def draft(demo_drafts):
    budget = demo_drafts["000"]
    budget.publications.all().delete()
    budget.transitions.all().delete()
    type(budget).objects.filter(pk=budget.pk).update(status=BudgetStatus.DRAFT)
    budget.refresh_from_db()
    return budget


@pytest.fixture
def people(draft):
    department = draft.department
    return {
        "clerk": staff_of(CLERK_GROUP, department=department, username="c"),
        "reviewer": staff_of(REVIEWER_GROUP, department=department, username="r"),
        "finance": staff_of(FINANCE_GROUP, region=department.region, username="f"),
    }


def test_setup_roles_creates_the_three_groups(db):
    from django.contrib.auth.models import Group

    call_command("setup_roles", stdout=open("/dev/null", "w"))  # noqa: SIM115
    names = set(Group.objects.values_list("name", flat=True))
    assert {"填报员", "审核员", "财政管理员"} <= names
    finance = Group.objects.get(name="财政管理员")
    assert finance.permissions.filter(codename="publish_budget").exists()
    assert not Group.objects.get(name="审核员").permissions.filter(codename="publish_budget")


def test_full_cycle_records_every_transition(draft, people):
    budget_submit(budget=draft, user=people["reviewer"], comment="请审核")
    budget_return(budget=draft, user=people["finance"], comment="项目说明不全")
    budget_submit(budget=draft, user=people["reviewer"])
    budget_publish(budget=draft, user=people["finance"])
    draft.refresh_from_db()
    assert draft.status == BudgetStatus.PUBLISHED
    assert draft.publications.get().version == 1
    log = list(draft.transitions.order_by("pk").values_list("action", "user__username", "comment"))
    assert log == [
        ("submit", "r", "请审核"),
        ("return", "f", "项目说明不全"),
        ("submit", "r", ""),
        ("publish", "f", ""),
    ]
    budget_reopen(budget=draft, user=people["finance"], comment="更正项目金额")
    budget_submit(budget=draft, user=people["reviewer"])
    budget_publish(budget=draft, user=people["finance"])
    assert draft.publications.order_by("-version").first().reason == "更正项目金额"


def test_clerk_and_reviewer_cannot_publish(draft, people):
    with pytest.raises(PermissionDenied):
        budget_submit(budget=draft, user=people["clerk"])
    budget_submit(budget=draft, user=people["reviewer"])
    with pytest.raises(PermissionDenied):
        budget_publish(budget=draft, user=people["reviewer"])


def test_other_department_reviewer_is_refused(draft, demo_drafts, people):
    other = staff_of(REVIEWER_GROUP, department=demo_drafts["001"].department, username="x")
    with pytest.raises(PermissionDenied):
        budget_submit(budget=draft, user=other)


def test_wrong_state_and_missing_reason_are_refused(draft, people):
    with pytest.raises(ValidationError, match="不能发布"):
        budget_publish(budget=draft, user=people["finance"])
    with pytest.raises(ValidationError, match="退回原因"):
        budget_return(budget=draft, user=people["finance"], comment=" ")


def test_validation_errors_block_submit_and_publish_and_are_listed(draft, people, monkeypatch):
    import disclosures.services.publishing

    fake = [Finding(Level.ERROR, "x", (1, 3), "表一与表三不一致，相差 0.10 万元")]
    monkeypatch.setattr(disclosures.services.publishing, "check_budget", lambda budget_id: fake)
    with pytest.raises(ValidationError) as refused:
        budget_submit(budget=draft, user=people["reviewer"])
    assert "1. 表一与表三不一致，相差 0.10 万元" in refused.value.messages
    draft.refresh_from_db()
    assert draft.status == BudgetStatus.DRAFT
    assert not BudgetTransition.objects.filter(budget=draft).exists()


def test_admin_buttons_and_return_reason_shown_to_clerk(client, draft, people):
    page = reverse("admin:budgets_budget_change", args=[draft.pk])
    client.force_login(people["reviewer"])
    assert "提交意见/原因" in client.get(page).content.decode()
    url = reverse("admin:budgets_budget_transition", args=[draft.pk, "submit"])
    assert client.get(url).status_code == 405
    client.post(url, {"comment": "已核", "confirmed": "1"})  # over its open warnings
    draft.refresh_from_db()
    assert draft.status == BudgetStatus.SUBMITTED
    client.force_login(people["finance"])
    url = reverse("admin:budgets_budget_transition", args=[draft.pk, "return"])
    client.post(url, {"comment": "<b>请补充</b>说明"})
    client.force_login(people["clerk"])
    html = client.get(page).content.decode()
    assert "退回原因：&lt;b&gt;请补充&lt;/b&gt;说明" in html


def test_clerk_cannot_edit_a_submitted_budget(client, draft, people):
    budget_submit(budget=draft, user=people["reviewer"])
    client.force_login(people["clerk"])
    html = client.get(reverse("admin:budgets_budget_change", args=[draft.pk])).content.decode()
    assert 'name="_save"' not in html


def _confirmation(response) -> tuple[list[str], dict[str, str]]:
    from bs4 import BeautifulSoup

    from tests.html import form_values

    html = response.content.decode()
    warnings = [
        li.get_text(strip=True)
        for li in BeautifulSoup(html, "html.parser").select("ol.open-warnings li")
    ]
    return warnings, form_values(html, action=response.context["action_url"])


def test_submitting_over_open_warnings_lists_them_and_asks_to_confirm(client, draft, people):
    """Demo 000 has open 提示 (a 事业 economic pair on its 行政 unit): each is listed."""
    from disclosures.checks import check_budget

    expected = [f.message for f in check_budget(budget_id=draft.pk) if f.level == Level.WARNING]
    assert expected
    client.force_login(people["reviewer"])
    url = reverse("admin:budgets_budget_transition", args=[draft.pk, "submit"])
    response = client.post(url, {"comment": "已核"})
    assert response.status_code == 200
    warnings, values = _confirmation(response)
    assert warnings == expected
    assert values["comment"] == "已核" and values["confirmed"] == "1"
    draft.refresh_from_db()
    assert draft.status == BudgetStatus.DRAFT  # nothing happened yet
    client.post(url, values)
    draft.refresh_from_db()
    assert draft.status == BudgetStatus.SUBMITTED
    assert draft.transitions.get().comment == "已核"


def test_publishing_over_open_warnings_lists_them_to_the_finance_bureau(client, draft, people):
    budget_submit(budget=draft, user=people["reviewer"])
    client.force_login(people["finance"])
    url = reverse("admin:budgets_budget_transition", args=[draft.pk, "publish"])
    warnings, values = _confirmation(client.post(url, {}))
    assert any("对应关系适用于事业单位" in w for w in warnings)
    assert not draft.publications.exists()
    client.post(url, values)
    assert draft.publications.get().version == 1


def test_no_confirmation_without_warnings_nor_for_a_user_without_the_right(client, db):
    from tests.factories import LineFactory

    line = LineFactory()  # 行政运行 / 30101 → 50101 on a 行政 unit: nothing to warn about
    department = line.budget.department
    clerk = staff_of(CLERK_GROUP, department=department, username="c2")
    client.force_login(clerk)  # may not submit: refused, not asked to confirm
    url = reverse("admin:budgets_budget_transition", args=[line.budget.pk, "submit"])
    assert client.post(url, {}).status_code == 403
    client.force_login(staff_of(REVIEWER_GROUP, department=department, username="r2"))
    response = client.post(url, {})
    assert response.status_code == 302  # no warning: submitted at once
    line.budget.refresh_from_db()
    assert line.budget.status == BudgetStatus.SUBMITTED
