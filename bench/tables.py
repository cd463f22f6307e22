"""Benchmark: build and render a format's tables (demo budgets, synthetic ×10 and ×100).

Usage (prints one line per budget and database):

    .venv/bin/python bench/tables.py                    # SQLite (a temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/tables.py

It migrates a throw-away database (for PostgreSQL, ``bench_<name>`` beside the given one),
loads the demo budgets and synthetic ones, then reports per budget and format (every
registered format: henan, hubei …): expenditure lines, queries to build all tables,
milliseconds to build and to render them with the template partial. (An earlier comparison
found django-tables2 three times slower than the partial, and it has no column groups, so
it is no longer installed.)
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_for_bench  # noqa: E402

django_for_bench("tables")

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.template.loader import render_to_string  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.synthetic import synthetic_budget  # noqa: E402
from budgets.models import Budget  # noqa: E402
from disclosures.formats import FORMATS  # noqa: E402
from disclosures.tables import build_all  # noqa: E402


def timed(function, repeat: int) -> float:
    """Median milliseconds of ``repeat`` runs."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def render_partials(tables) -> str:
    return "".join(
        render_to_string("disclosures/partials/report_table.html", {"table": t}) for t in tables
    )


def main() -> None:
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    demo = list(Budget.objects.select_related("department").order_by("department__code"))
    synthetic = [
        synthetic_budget(scale=10, department_code="910"),
        synthetic_budget(scale=100, department_code="999"),
    ]
    vendor = connection.vendor
    print(
        f"{'database':10} {'format':6} {'budget':28} {'lines':>6} {'queries':>7} {'build ms':>9} {'partial ms':>10}"
    )
    budgets = [(b, b.department.name) for b in demo] + [
        (synthetic[0], "合成 ×10"),
        (synthetic[1], "合成 ×100"),
    ]
    for format_key in FORMATS:
        for budget, label in budgets:
            report(vendor, format_key, budget, label)


def report(vendor: str, format_key: str, budget, label: str) -> None:
    """One line: the budget's tables in ``format_key``, built and rendered."""
    repeat = 3 if budget.lines.count() > 2000 else 10
    # The query log holds 9,000 entries; once full, a capture counts 0. Start it empty.
    reset_queries()
    with CaptureQueriesContext(connection) as captured:
        tables = build_all(budget_id=budget.pk, format_key=format_key)
    build_ms = timed(lambda: build_all(budget_id=budget.pk, format_key=format_key), repeat)
    partial_ms = timed(lambda: render_partials(tables), repeat)
    print(
        f"{vendor:10} {format_key:6} {label:28} {budget.lines.count():6d} "
        f"{len(captured.captured_queries):7d} "
        f"{build_ms:9.1f} {partial_ms:10.1f}"
    )


if __name__ == "__main__":
    main()
