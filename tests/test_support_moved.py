"""Helpers moved into tests/support/ still import under their old names (tests/support/moved.py)."""

import importlib

import pytest

from tests.support.moved import MOVED


@pytest.mark.parametrize(("old", "new"), sorted(MOVED.items()))
def test_an_old_name_imports_the_moved_module_itself(old, new):
    assert importlib.import_module(old) is importlib.import_module(new)


def test_from_imports_of_old_names_work():
    from tests.disclosures import golden_002
    from tests.factories import BudgetFactory
    from tests.support import factories
    from tests.support import golden_002 as moved

    assert golden_002 is moved
    assert BudgetFactory is factories.BudgetFactory
