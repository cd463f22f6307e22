"""Benchmark: importing budget workbooks (rows per second), with PostgreSQL COPY for scale.

Usage:

    .venv/bin/python bench/import.py                                               # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/import.py

Prints rows/s for one demo workbook (example 000) and for a batch of a hundred synthetic
departments (each about a demo's size), counting every record row of every sheet. On
PostgreSQL it also COPYs the same rows (as text) into a bare table, the floor any importer
that validates and writes through the ORM is compared against.
"""

import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_for_bench  # noqa: E402

django_for_bench("import")

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from bench.synthetic import synthetic_budget  # noqa: E402
from budgets.models import Budget  # noqa: E402
from budgets.workbook.export import budget_workbook_data, budget_workbook_export  # noqa: E402
from budgets.workbook.importing import budget_workbook_import  # noqa: E402

BATCH = 100


def rows_of(budget) -> list[list[str]]:
    """Every record of every sheet, as text cells."""
    data = budget_workbook_data(budget=budget)
    return [[str(v) for v in record.values()] for records in data.values() for record in records]


def timed_import(workbooks: list[bytes]) -> float:
    start = time.perf_counter()
    for data in workbooks:
        budget_workbook_import(data=data, replace=True)
    return time.perf_counter() - start


def copy_rows(rows: list[list[str]]) -> float:
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_copy")
        cursor.execute("CREATE TABLE bench_copy (cells text[])")
        start = time.perf_counter()
        with cursor.cursor.copy("COPY bench_copy (cells) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([row])
        return time.perf_counter() - start


def main() -> None:
    call_command("load_demo", "--draft", verbosity=0, stdout=io.StringIO())
    demo = Budget.objects.get(department__code="060")
    demo_rows = rows_of(demo)
    demo_book = budget_workbook_export(budget=demo)
    synthetic = [
        synthetic_budget(scale=1, region_code="419901", department_code=f"{500 + i}")
        for i in range(BATCH)
    ]
    batch_rows = [row for budget in synthetic for row in rows_of(budget)]
    batch_books = [budget_workbook_export(budget=budget) for budget in synthetic]
    results = [
        ("示例 000 工作簿", len(demo_rows), timed_import([demo_book])),
        (f"{BATCH} 个合成部门", len(batch_rows), timed_import(batch_books)),
    ]
    print(f"数据库：{connection.vendor}")
    print(f"{'workload':20} {'rows':>7} {'seconds':>8} {'rows/s':>8}")
    for label, rows, seconds in results:
        print(f"{label:20} {rows:7d} {seconds:8.2f} {rows / seconds:8.0f}")
    if connection.vendor == "postgresql":
        for label, rows in (("COPY 示例 000", demo_rows), (f"COPY {BATCH} 个部门", batch_rows)):
            seconds = copy_rows(rows)
            print(f"{label:20} {len(rows):7d} {seconds:8.3f} {len(rows) / seconds:8.0f}")


if __name__ == "__main__":
    main()
