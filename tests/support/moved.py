"""The helpers' names from before they moved into ``tests.support`` still import (for
branches written before the move): ``from tests.factories import BudgetFactory`` gets
``tests.support.factories``. New code imports the ``tests.support`` names. Installed by
``tests/conftest.py``; remove once no branch uses the old names."""

import importlib
import importlib.abc
import importlib.util
import sys

MOVED = {
    "tests.factories": "tests.support.factories",
    "tests.html": "tests.support.html",
    "tests.disclosures.golden": "tests.support.golden",
    "tests.disclosures.golden_001": "tests.support.golden_001",
    "tests.disclosures.golden_001_goals": "tests.support.golden_001_goals",
    "tests.disclosures.golden_002": "tests.support.golden_002",
    "tests.disclosures.rows": "tests.support.rows",
    "tests.disclosures.revision": "tests.support.revision",
    "tests.disclosures.tables.data": "tests.support.budget_data",
    "tests.budgets.workbook.hostile": "tests.support.hostile",
}


class _OldName(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports an old name as the moved module itself (one module object, two names)."""

    def find_spec(self, fullname, path, target=None):
        return importlib.util.spec_from_loader(fullname, self) if fullname in MOVED else None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        # The import system returns what sys.modules holds under the name once this returns.
        sys.modules[module.__name__] = importlib.import_module(MOVED[module.__name__])


def install() -> None:
    if not any(isinstance(finder, _OldName) for finder in sys.meta_path):
        sys.meta_path.insert(0, _OldName())
