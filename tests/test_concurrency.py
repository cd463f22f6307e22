"""Two requests at once, each on its own database connection: never a 500.

Each race runs two real requests in two threads (Django gives every thread its own
connection; on SQLite the test database is a file, see ``config/settings.py``). To make
the overlap certain rather than lucky, the first request pauses *inside* its transaction
— in a model signal, after it has written — and the second request starts only then.
The second must get the promised Chinese refusal, and exactly one change is kept.
"""

import threading
import time
from decimal import Decimal

import pytest
from django.db import connections
from django.db.models.signals import post_save, pre_save
from django.test import Client
from django.urls import reverse

from budgets.models import BudgetStatus, ExpenditureLine
from budgets.services.roles import CLERK_GROUP, FINANCE_GROUP
from disclosures.models import Publication
from tests.support.factories import BudgetFactory, LineFactory, staff_of
from tests.support.html import field_errors, form_values

# serialized_rollback: the flush of a transactional test would remove the catalogues.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

HOLD_SECONDS = 0.5  # how long the first request keeps its transaction open


def race(first, second, *, signal, sender):
    """Run ``first`` and ``second`` in two threads; ``first`` pauses in ``signal`` (its
    transaction open) and ``second`` starts while it waits. Returns both results (a raised
    exception is returned, so the test shows it)."""
    inside = threading.Event()
    results = {}

    def hold(**kwargs):
        if threading.current_thread().name == "first" and not inside.is_set():
            inside.set()
            time.sleep(HOLD_SECONDS)

    def run(name, work):
        try:
            if name == "second":
                assert inside.wait(30), "the first request never reached its save"
            results[name] = work()
        except Exception as error:  # reported by the test's assertions
            results[name] = error
        finally:
            connections.close_all()  # this thread's connection

    signal.connect(hold, sender=sender, weak=False, dispatch_uid="race-hold")
    try:
        threads = [
            threading.Thread(target=run, name=name, args=(name, work))
            for name, work in (("first", first), ("second", second))
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    finally:
        signal.disconnect(sender=sender, dispatch_uid="race-hold")
    return results["first"], results["second"]


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def line():
    return LineFactory(budget=BudgetFactory(), amount=Decimal("10.00"))


def _page_and_field(line, where: str) -> tuple[str, str]:
    if where == "budget":
        return reverse("admin:budgets_budget_change", args=[line.budget.pk]), "lines-0-amount"
    return reverse("admin:budgets_expenditureline_change", args=[line.pk]), "amount"


@pytest.mark.parametrize("where", ["budget", "line"])
def test_two_saves_of_the_same_line_at_once(line, where):
    clerk = staff_of(CLERK_GROUP, department=line.budget.department, username="c")
    page, field = _page_and_field(line, where)
    clients = _client(clerk), _client(clerk)
    forms = [form_values(client.get(page).content.decode()) for client in clients]
    forms[0][field], forms[1][field] = "11.00", "99.00"

    first, second = race(
        lambda: clients[0].post(page, forms[0]),
        lambda: clients[1].post(page, forms[1]),
        signal=pre_save,
        sender=ExpenditureLine,
    )

    assert not isinstance(first, Exception), first
    assert not isinstance(second, Exception), second
    assert first.status_code == 302
    assert second.status_code == 200  # the form again, with the refusal
    errors = field_errors(second.content.decode())
    assert any("已被其他人修改" in error and "请刷新页面" in error for error in errors), errors
    line.refresh_from_db()
    assert (line.amount, line.lock_version) == (Decimal("11.00"), 1)
    assert ExpenditureLine.history.filter(id=line.pk, history_type="~").count() == 1


def test_two_publishes_at_once_make_one_version(demo_drafts):
    budget = demo_drafts["000"]
    budget.publications.all().delete()
    type(budget).objects.filter(pk=budget.pk).update(status=BudgetStatus.SUBMITTED)
    finance = staff_of(FINANCE_GROUP, region=budget.department.region, username="f")
    url = reverse("admin:budgets_budget_transition", args=[budget.pk, "publish"])
    clients = _client(finance), _client(finance)

    first, second = race(
        lambda: clients[0].post(url, {"comment": "", "confirmed": "1"}),
        lambda: clients[1].post(url, {"comment": "", "confirmed": "1"}),
        signal=post_save,
        sender=Publication,
    )

    assert not isinstance(first, Exception), first
    assert not isinstance(second, Exception), second
    assert (first.status_code, second.status_code) == (302, 302)
    assert list(Publication.objects.filter(budget=budget).values_list("version", flat=True)) == [1]
    pages = [
        client.get(response.url).content.decode()
        for client, response in zip(clients, (first, second), strict=True)
    ]
    assert "已发布：" in pages[0]
    assert "当前状态为“已发布”，不能发布。" in pages[1]
    budget.refresh_from_db()
    assert budget.status == BudgetStatus.PUBLISHED
    assert budget.transitions.filter(action="publish").count() == 1


def test_many_saves_at_once_one_wins_the_others_are_refused(line):
    """Six clerks press 保存 at the same instant (a barrier, no pause): one save, five refusals."""
    clerk = staff_of(CLERK_GROUP, department=line.budget.department, username="c")
    page = reverse("admin:budgets_expenditureline_change", args=[line.pk])
    clients = [_client(clerk) for _ in range(6)]
    forms = [form_values(client.get(page).content.decode()) for client in clients]
    barrier = threading.Barrier(len(clients))
    results = [None] * len(clients)

    def save(index):
        forms[index]["amount"] = f"{20 + index}.00"
        try:
            barrier.wait(10)
            results[index] = clients[index].post(page, forms[index])
        except Exception as error:  # reported by the assertions
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(i,)) for i in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert not [r for r in results if isinstance(r, Exception)], results
    assert sorted(r.status_code for r in results) == [200] * 5 + [302]
    refused = [r for r in results if r.status_code == 200]
    assert all("已被其他人修改" in " ".join(field_errors(r.content.decode())) for r in refused)
    winner = results.index(next(r for r in results if r.status_code == 302))
    line.refresh_from_db()
    assert (line.amount, line.lock_version) == (Decimal(f"{20 + winner}.00"), 1)
