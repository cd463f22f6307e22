"""Benchmark: loading a full official edition file (issue 13 item 3).

Usage:

    .venv/bin/python bench/catalogue_edition.py                                      # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/catalogue_edition.py

Writes the shipped 支出功能分类 of 2025 as an XLSX file, then times (median of 5):
reading and checking it; its diff against the loaded edition (nothing changed); applying
it to an empty 功能分类 catalogue (every entry added); and applying an edition with 100
renamed, 50 removed and 50 added entries.
"""

import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_for_bench  # noqa: E402

django_for_bench("catalogue_edition")

from django.db import transaction  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from budgets.catalogue_diff import edition_diff  # noqa: E402
from budgets.catalogue_files import edition_file_read  # noqa: E402
from budgets.models import FunctionalSubject  # noqa: E402
from budgets.services.catalogue_editions import catalogue_edition_apply  # noqa: E402

YEAR = 2025


def xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["科目编码", "科目名称"])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def timed(action, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with transaction.atomic():
            action()
            transaction.set_rollback(True)  # every run starts from the same catalogue
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    rows = [[s.code, s.name] for s in FunctionalSubject.objects.valid_in(YEAR).order_by("code")]
    data = xlsx(rows)
    entries = edition_file_read(data=data, kind="functional")
    items = [row for row in rows if len(row[0]) == 7]
    renamed = {row[0] for row in items[:100]}
    removed = {row[0] for row in items[100:150]}
    changed = [[c, f"{n}（新）" if c in renamed else n] for c, n in rows if c not in removed]
    sections = sorted({row[0][:5] for row in items} - {c[:5] for c, _ in rows if c.endswith("98")})
    changed += [[f"{section}98", "新增科目"] for section in sections[:50]]
    changed_entries = edition_file_read(data=xlsx(changed), kind="functional")

    def empty_then_load():
        FunctionalSubject.objects.all().delete()
        catalogue_edition_apply(kind="functional", year=YEAR, entries=entries)

    print(f"edition file: {len(entries)} entries, {len(data) / 1024:.0f} KB")
    read = timed(lambda: edition_file_read(data=data, kind="functional"))
    print(f"read and check the file:          {read:7.1f} ms")
    diff = timed(lambda: edition_diff(kind="functional", year=YEAR, entries=entries))
    print(f"diff, nothing changed:            {diff:7.1f} ms")
    full = timed(empty_then_load)
    print(f"apply to an empty catalogue:      {full:7.1f} ms (+ read: {full + read:.0f} ms)")
    partial = timed(
        lambda: catalogue_edition_apply(kind="functional", year=YEAR, entries=changed_entries)
    )
    print(f"apply 100 renamed/50 removed/50 added: {partial:7.1f} ms")


main()
