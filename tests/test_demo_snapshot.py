"""The demo budgets a test gets (a copy of one ``load_demo`` run, tests/support/demo.py) are
what ``load_demo`` itself writes: every table, every column (keys compared by the row they
point to; times of day excepted, they are the clock's)."""

import datetime

import pytest
from django.db import models, transaction

from tests.support.demo import _models, demo_load

Dump = dict[str, list[tuple]]


def _dump() -> Dump:
    """Every row of every table; the keys of rows a demo load made replaced by their rank."""
    rows = {m: list(m._base_manager.order_by("pk").values_list()) for m in _models()}
    ranks: dict[type[models.Model], dict] = {}
    for model, values in rows.items():
        pk = [f.attname for f in model._meta.concrete_fields].index(model._meta.pk.attname)
        ranks[model] = {row[pk]: ("row", n) for n, row in enumerate(values)}
    dump: Dump = {}
    for model, values in rows.items():
        fields = model._meta.concrete_fields
        dump[model._meta.db_table] = [
            tuple(_normal(field, value, ranks) for field, value in zip(fields, row, strict=True))
            for row in values
        ]
    return dump


def _normal(field, value, ranks):
    if isinstance(value, datetime.datetime):
        return "a time"
    if field.primary_key:
        return ranks[field.model].get(value, value)
    if field.is_relation and field.related_model in ranks:
        return ranks[field.related_model].get(value, value)
    tracked = getattr(field.model, "instance_type", None)  # a history table's own "id"
    if field.attname == "id" and tracked in ranks:
        return ranks[tracked].get(value, value)
    return value


@pytest.mark.parametrize(
    ("fixture", "options"), [("demo_budgets", ()), ("demo_drafts", ("--draft",))]
)
def test_a_copy_of_the_demo_is_what_load_demo_writes(db, request, fixture, options):
    def seen(budgets):
        return {
            key: (b.department.name, b.fiscal_year.year, b.status) for key, b in budgets.items()
        }

    with transaction.atomic():
        real = seen(demo_load(*options))
        expected = _dump()
        transaction.set_rollback(True)
    assert seen(request.getfixturevalue(fixture)) == real
    actual = _dump()
    assert actual.keys() == expected.keys()
    for table, rows in expected.items():
        assert actual[table] == rows, table


def test_the_copy_is_gone_after_the_test_that_used_it(db):
    from budgets.models import Budget

    assert not Budget.objects.exists()
