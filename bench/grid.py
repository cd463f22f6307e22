"""Benchmark: the line-entry grid's page weight, time to interactive and save time.

Usage:

    .venv/bin/python bench/grid.py                                                   # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/grid.py

On a throw-away database, two budgets of 50 and 1,000 basic lines (two units, lines spread
over the catalogue). Prints, for each:

- the page's weight: the HTML with its embedded data (rows and the year's catalogue), raw
  and gzip-compressed, and the grid's own script and style files;
- time to interactive in Debian's Chromium (Playwright): from the start of navigation to
  the moment the grid script has built every row (all checked and totalled), shown the
  first 120 and focused the first cell (``window.gridReadyAt``); and when the remaining
  rows have been laid out in batches after it (``window.gridCompleteAt``); median of 5
  loads, from ``manage.py runserver`` in a subprocess;
- the save of all 1,000 lines: as new lines into an empty budget, unchanged, and with
  every amount changed — server time through Django's test client (median of 3) — and the
  whole round trip in Chromium (click 保存 → 已保存).

Targets (issue 15): ≤ 300 KB HTML + data for 1,000 lines, interactive ≤ 1 s.
"""

import gzip
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import ROOT, django_for_bench  # noqa: E402

django_for_bench("grid")

import json  # noqa: E402

from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from budgets.entry.selectors import grid_version  # noqa: E402
from budgets.models import (  # noqa: E402
    Budget,
    BudgetUnit,
    Department,
    EconomicCorrespondence,
    ExpenditureLine,
    FiscalYear,
    FunctionalSubject,
    Region,
)
from budgets.models.lines import default_cost_type  # noqa: E402
from budgets.models.registry import OWNED  # noqa: E402, F401  (models loaded)

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SIZES = (50, 1000)
LOADS = 5


def make_budget(region, year, code: str, lines: int) -> Budget:
    department = Department.objects.create(region=region, code=code, name=f"基准测试局{code}")
    units = [
        BudgetUnit.objects.create(
            department=department, code=f"{code}001", name="本级", kind="行政"
        ),
        BudgetUnit.objects.create(
            department=department, code=f"{code}002", name="中心", kind="事业"
        ),
    ]
    budget = Budget.objects.create(department=department, fiscal_year=year)
    items = list(FunctionalSubject.objects.valid_in(2022).filter(level="item")[:200])
    pairs = {}
    for row in EconomicCorrespondence.objects.valid_in(2022):
        pairs.setdefault(row.applies_to, []).append((row.dept_code, row.gov_code))
    from budgets.models import EconomicSubject

    economic = {(s.scheme, s.code): s for s in EconomicSubject.objects.valid_in(2022)}
    objects = []
    for n in range(lines):
        unit = units[n % 2]
        dept, gov = pairs["行政" if unit.kind == "行政" else "事业"][n % 60]
        objects.append(
            ExpenditureLine(
                budget=budget,
                unit=unit,
                kind="basic",
                functional_subject=items[n % len(items)],
                dept_economic=economic["dept", dept],
                gov_economic=economic["gov", gov],
                funding_source="gp_appropriation",
                amount=Decimal(n % 997) + Decimal("0.25"),
                cost_type=default_cost_type(dept),
                position=n,
            )
        )
    ExpenditureLine.objects.bulk_create(objects)
    return budget


def clerk_client():
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("bench", password="bench-12345")
    client = Client()
    client.force_login(user)
    return client


def page_weight(client, budget) -> dict:
    response = client.get(reverse("admin:budget_entry_basic", args=[budget.pk]))
    assert response.status_code == 200, response.status_code
    html = response.content
    static = ROOT / "static" / "budgets" / "entry"
    own = sum(
        (static / name).stat().st_size
        for name in ("grid.js", "grid-search.js", "grid-page.js", "grid.css")
    )
    return {"html": len(html), "gzip": len(gzip.compress(html)), "static": own}


def rows_of(client, budget) -> list[dict]:
    html = client.get(reverse("admin:budget_entry_basic", args=[budget.pk])).content.decode()
    data = json.loads(
        html.split('id="grid-data" type="application/json">')[1].split("</script>")[0]
    )
    keys = ("id", "unit", "functional", "dept", "gov", "source", "cost", "amount")
    return [dict(zip(keys, row, strict=True)) for row in data["rows"]]


def timed_save(client, budget, rows) -> float:
    url = reverse("admin:budget_entry_basic", args=[budget.pk])
    body = json.dumps({"version": grid_version(budget=budget), "rows": rows})
    start = time.perf_counter()
    response = client.post(url, body, content_type="application/json")
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, response.content[:500]
    return elapsed * 1000


def save_times(client, budget) -> dict:
    rows = rows_of(client, budget)
    # The same lines for the same units of another department (codes 999001, 999002).
    new_rows = [row | {"id": None, "unit": "999" + row["unit"][3:]} for row in rows]
    empty = make_budget(budget.department.region, FiscalYear.objects.get(year=2022), "999", 0)
    created = []
    for _ in range(3):
        ExpenditureLine.objects.filter(budget=empty).delete()
        created.append(timed_save(client, empty, new_rows))
    unchanged = [timed_save(client, budget, rows) for _ in range(3)]
    changed = []
    for run in range(3):
        rows = rows_of(client, budget)
        changed.append(
            timed_save(
                client, budget, [row | {"amount": f"{run + 1}{row['amount']}"} for row in rows]
            )
        )
    return {
        "create": statistics.median(created),
        "unchanged": statistics.median(unchanged),
        "change": statistics.median(changed),
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    env = os.environ.copy() | {"DJANGO_DEBUG": "1"}
    command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5).read()
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("runserver did not answer within 60 s")


def browser_figures(client, budgets) -> dict:
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.add_cookies(
                [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
            )
            page = context.new_page()
            for size, budget in budgets.items():
                url = base + reverse("admin:budget_entry_basic", args=[budget.pk])
                page.goto(url)  # warm up (static files, the server's first request)
                times, responses, scripts, completes = [], [], [], []
                for _ in range(LOADS):
                    page.goto(url)
                    page.wait_for_selector("html[data-grid-ready]")
                    times.append(page.evaluate("window.gridReadyAt"))
                    timing = page.evaluate(
                        "(() => { const n = performance.getEntriesByType('navigation')[0];"
                        " return [n.responseEnd, window.gridStartAt]; })()"
                    )
                    page.wait_for_selector("html[data-grid-complete]")
                    completes.append(page.evaluate("window.gridCompleteAt"))
                    responses.append(timing[0])
                    scripts.append(times[-1] - timing[1])
                rows = page.locator("table.entry-grid tbody tr:not(.row-msg)").count()
                assert rows == size, (rows, size)
                start = time.perf_counter()
                page.locator("table.entry-grid td.cell-amount input").first.fill("1.00")
                page.click("#grid-save")
                page.wait_for_selector("#grid-status.ok", timeout=60_000)
                results[size] = {
                    "interactive": statistics.median(times),
                    "response": statistics.median(responses),
                    "script": statistics.median(scripts),
                    "complete": statistics.median(completes),
                    "save": (time.perf_counter() - start) * 1000,
                }
            browser.close()
    finally:
        server.terminate()
        server.wait(10)
    return results


def main() -> None:
    setup_test_environment()
    region = Region.objects.create(code="419999", name="基准测试区")
    year = FiscalYear.objects.get_or_create(year=2022)[0]
    budgets = {size: make_budget(region, year, f"{700 + i}", size) for i, size in enumerate(SIZES)}
    client = clerk_client()
    database = "PostgreSQL" if "postgres" in os.environ["DATABASE_URL"] else "SQLite"
    print(f"Line-entry grid ({database}; Chromium {CHROMIUM})")
    print(f"{'lines':>6} {'HTML+data KB':>13} {'gzip KB':>8} {'grid js+css KB':>15}")
    for size, budget in budgets.items():
        weight = page_weight(client, budget)
        print(
            f"{size:>6} {weight['html'] / 1024:>13.1f} {weight['gzip'] / 1024:>8.1f}"
            f" {weight['static'] / 1024:>15.1f}"
        )
    saves = save_times(client, budgets[1000])
    print("save of 1,000 lines, server (test client, median of 3):")
    print(
        f"  create {saves['create']:.0f} ms, unchanged {saves['unchanged']:.0f} ms,"
        f" every amount changed {saves['change']:.0f} ms"
    )
    figures = browser_figures(client, budgets)
    print(
        f"{'lines':>6} {'interactive ms':>15} {'of which: HTML received':>24}"
        f" {'grid script':>12} {'all rows laid out':>18} {'save round trip ms':>19}"
    )
    for size, f in figures.items():
        print(
            f"{size:>6} {f['interactive']:>15.0f} {f['response']:>24.0f} {f['script']:>12.0f}"
            f" {f['complete']:>18.0f} {f['save']:>19.0f}"
        )


if __name__ == "__main__":
    main()
