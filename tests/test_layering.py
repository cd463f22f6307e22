"""Layering: the budget domain does not depend on the disclosures built on it.

An import-linter style contract checked by walking every module's syntax tree (so an
import inside a function counts too). ``budgets`` is the data a clerk enters; ``disclosures``
computes, checks and publishes tables from it and takes part in the workflow through
``budgets.signals``. Only the admin pages and the management commands — the entry points
that show or print what the disclosures compute — may import it.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENTRY_POINTS = ("budgets/admin/", "budgets/management/")


def imported_modules(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


def violations(package: str, forbidden: str, allowed: tuple[str, ...] = ()) -> list[str]:
    found = []
    for path in sorted((ROOT / package).rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith(allowed):
            continue
        for line, module in imported_modules(path.read_text(encoding="utf-8")):
            if module == forbidden or module.startswith(forbidden + "."):
                found.append(f"{relative}:{line} imports {module}")
    return found


def test_budgets_domain_does_not_import_disclosures():
    assert violations("budgets", "disclosures", ENTRY_POINTS) == []


def test_the_admin_publishes_through_the_budget_workflow():
    # Not even the admin calls the publishing service: the workflow's signal does
    # (``load_demo`` publishes the demo through ``demo_publication_create``).
    assert violations("budgets", "disclosures.services", ("budgets/management/",)) == []


def test_the_check_finds_a_function_level_import():
    source = "def f():\n    from disclosures.checks import check_budget\n"
    assert imported_modules(source) == [(2, "disclosures.checks")]
