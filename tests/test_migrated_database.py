"""Fixtures wider than a test find the migrated database even right after a transactional
test emptied it (tests/support/database.py): the browser tests in one process
(``scripts/screenshots.sh``) once stopped in ``load_demo`` after test_entry_grid.py."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command

from budgets.models import FunctionalSubject
from tests.support.database import database_emptied, migrated_database
from tests.support.demo import snapshot_take

TESTS = Path(__file__).resolve().parent


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_load_demo_after_a_transactional_tests_flush(django_db_blocker):
    # What a transactional test's teardown leaves until the next one's set-up.
    call_command("flush", verbosity=0, interactive=False, inhibit_post_migrate=True)
    assert database_emptied()
    with migrated_database(django_db_blocker):
        assert FunctionalSubject.objects.filter(code="2101501").exists()
        snapshot = snapshot_take()  # load_demo, as the session's demo fixture runs it
    assert set(snapshot.budget_pks) == {"000", "001", "002", "003"}


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
