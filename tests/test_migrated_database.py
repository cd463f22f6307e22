"""Fixtures wider than a test find the migrated database even right after a transactional
test emptied it (tests/support/database.py): the browser tests in one process
(``scripts/screenshots.sh``) once stopped in ``load_demo`` after test_entry_grid.py."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.backends.base.creation import BaseDatabaseCreation

from budgets.models import FunctionalSubject
from tests.support.database import database_emptied, migrated_database, rows_insert
from tests.support.demo import _models, snapshot_take

TESTS = Path(__file__).resolve().parent


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_demo_after_a_transactional_tests_flush(django_db_blocker):
    _flush()  # what a transactional test's teardown leaves until the next one's set-up
    assert database_emptied()
    with migrated_database(django_db_blocker):
        assert FunctionalSubject.objects.filter(code="2101501").exists()
        snapshot = snapshot_take()  # load_demo, as the session's demo fixture runs it
    assert set(snapshot.budget_pks) == {"000", "001", "002", "003"}


def _flush():
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)


def _rows() -> dict:
    """Every row of every table; a many-to-many link by the keys it links (its own key is
    drawn in whatever order the links are added, by Django too)."""
    rows = {}
    for model in _models():
        if model._meta.auto_created:
            fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
            rows[model._meta.db_table] = sorted(model._base_manager.values_list(*fields))
        else:
            rows[model._meta.db_table] = list(model._base_manager.order_by("pk").values_list())
    return rows


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_bulk_restore_writes_what_djangos_restore_writes():
    contents = connection._test_serialized_contents
    _flush()
    BaseDatabaseCreation.deserialize_db_from_string(connection.creation, contents)
    django = _rows()
    _flush()
    rows_insert(contents)
    assert _rows() == django
    assert FunctionalSubject.objects.count() > 1000


def test_every_fixture_wider_than_a_test_uses_migrated_database():
    """The blocker's unblock alone would let them see the emptied database."""
    found = [
        f"{path.relative_to(TESTS)}:{n}"
        for path in TESTS.rglob("*.py")
        if path.name != "database.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"django_db_blocker\.unblock\(\)", line)
    ]
    assert found == []
