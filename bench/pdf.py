"""Benchmark: the whole disclosure as PDF (demo budgets and a synthetic ×10 department).

Usage:

    .venv/bin/python bench/pdf.py                                             # SQLite
    .venv/bin/python bench/pdf.py 保定                    # only the demos whose name has 保定
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/pdf.py

Per budget it prints pages, bytes, total seconds (build the disclosure, render the HTML
template, WeasyPrint) and WeasyPrint's own seconds and share. Then an experiment: the same
document split in two halves rendered by two processes at once, to see how much wall time
parallel rendering could save (the halves are not joined into a correct document: page
numbers, 目录 and the outline would need a second pass — see README).
"""

import io
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_for_bench  # noqa: E402

django_for_bench("pdf")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from weasyprint import HTML  # noqa: E402

from bench.synthetic import synthetic_budget  # noqa: E402
from budgets.models import Budget  # noqa: E402
from disclosures.document import disclosure_build  # noqa: E402
from disclosures.pdf.render import document_html  # noqa: E402


def measure(budget_id: int) -> tuple[int, int, float, float]:
    """(pages, bytes, total seconds, WeasyPrint seconds) of one full rendering."""
    start = time.perf_counter()
    html = document_html(disclosure_build(budget_id=budget_id))
    weasy_start = time.perf_counter()
    data = HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()
    end = time.perf_counter()
    return len(PdfReader(io.BytesIO(data)).pages), len(data), end - start, end - weasy_start


def _render_html(html: str) -> int:
    return len(HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf())


def parallel_halves(budget_id: int, pool: ProcessPoolExecutor) -> float:
    """Wall seconds to render (front matter + tables 1–6) and (tables 7–12) in two processes."""
    disclosure = disclosure_build(budget_id=budget_id)
    front = document_html(disclosure).partition('<div class="pdf-table')[0]
    first_tables = document_html(disclosure, numbers=[1, 2, 3, 4, 5, 6]).partition("<body>")[2]
    halves = [front + first_tables, document_html(disclosure, numbers=[7, 8, 9, 10, 11, 12])]
    start = time.perf_counter()
    list(pool.map(_render_html, halves))
    return time.perf_counter() - start


def measure_only(budgets) -> None:
    """The table of pages and seconds for the chosen demos, without the parallel experiment."""
    print(f"{'budget':24} {'pages':>5} {'KB':>6} {'total s':>8} {'weasy s':>8}")
    for budget_id, label in budgets:
        results = [measure(budget_id) for _ in range(3)]
        total = statistics.median(r[2] for r in results)
        weasy = statistics.median(r[3] for r in results)
        print(
            f"{label:24} {results[0][0]:5d} {results[0][1] / 1024:6.0f} {total:8.2f} {weasy:8.2f}"
        )


def main() -> None:
    call_command("load_demo", verbosity=0, stdout=io.StringIO())
    budgets = [(b.pk, b.department.name) for b in Budget.objects.select_related("department")]
    if only := sys.argv[1:]:  # e.g. ``bench/pdf.py 保定``: the demos whose name contains it
        budgets = [(pk, label) for pk, label in budgets if any(w in label for w in only)]
        return measure_only(budgets)
    budgets.append((synthetic_budget(scale=10, department_code="910").pk, "合成 ×10"))
    print(f"{'budget':24} {'pages':>5} {'KB':>6} {'total s':>8} {'weasy s':>8} {'weasy %':>7}")
    runs = {}
    for budget_id, label in budgets:
        results = [measure(budget_id) for _ in range(3)]
        pages, size = results[0][0], results[0][1]
        total = statistics.median(r[2] for r in results)
        weasy = statistics.median(r[3] for r in results)
        runs[budget_id] = weasy
        print(
            f"{label:24} {pages:5d} {size / 1024:6.0f} {total:8.2f} {weasy:8.2f} {weasy / total:7.0%}"
        )
    print("\n两个进程并行渲染（前半：正文与表1–6；后半：表7–12），墙钟秒数：")
    with ProcessPoolExecutor(max_workers=2) as pool:
        pool.submit(_render_html, "<html><body>预热</body></html>").result()
        for budget_id, label in budgets:
            wall = statistics.median(parallel_halves(budget_id, pool) for _ in range(3))
            print(f"{label:24} single {runs[budget_id]:6.2f}  parallel {wall:6.2f}")


if __name__ == "__main__":
    main()
