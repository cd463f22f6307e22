"""Benchmark: catalogue autocomplete latency over the full catalogue (issue 13 item 4).

Usage:

    .venv/bin/python bench/autocomplete.py                                          # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/autocomplete.py

Asks the admin's autocomplete view, through Django's test client (so the time is the
server's: URL routing, permission checks, the ranked search, paging and path labels), for
200 different terms — code prefixes, names, 款 names and full-width codes — of the three
line fields, as from a budget's change page. Prints p50 and p99 in milliseconds; the
target is < 50 ms.
"""

import statistics
import sys
import time
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.setup import django_for_bench  # noqa: E402

django_for_bench("autocomplete")

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from budgets.models import (  # noqa: E402
    Budget,
    Department,
    EconomicSubject,
    FiscalYear,
    FunctionalSubject,
    Region,
)

REQUESTS = 200
FIELDS = {"functional_subject": FunctionalSubject, "dept_economic": EconomicSubject}


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isdigit() else c for c in text)


def terms() -> list[tuple[str, str]]:
    """(field, term) pairs: every kind of search, spread over the catalogue."""
    items = list(FunctionalSubject.objects.filter(level="item").order_by("code"))
    sections = list(FunctionalSubject.objects.filter(level="section").order_by("code"))
    economic = list(EconomicSubject.objects.filter(scheme="dept").order_by("code"))
    step = max(1, len(items) // 50)
    pairs = []
    for item in items[::step][:50]:
        pairs += [("functional_subject", item.code[:5]), ("functional_subject", item.name[:4])]
    for section in sections[:: max(1, len(sections) // 40)][:40]:
        pairs.append(("functional_subject", section.name))
    for item in items[:: max(1, len(items) // 30)][:30]:
        pairs.append(("functional_subject", full_width(item.code)))
    for subject in economic[:30]:
        pairs.append(("dept_economic", subject.code[:3] if len(pairs) % 2 else subject.name))
    pairs += [("functional_subject", "行政运行"), ("functional_subject", "")]
    assert all(unicodedata.normalize("NFKC", t) is not None for _, t in pairs)
    return pairs[:REQUESTS]


def main() -> None:
    setup_test_environment()
    region = Region.objects.create(code="410702", name="测试区")
    department = Department.objects.create(region=region, code="001", name="测试局")
    budget = Budget.objects.create(
        department=department, fiscal_year=FiscalYear.objects.create(year=2022)
    )
    user = get_user_model().objects.create_superuser("bench", password="bench-12345")
    client = Client(HTTP_REFERER=reverse("admin:budgets_budget_change", args=[budget.pk]))
    client.force_login(user)
    url = reverse("admin:autocomplete")
    pairs = terms()
    times, results = [], 0
    warm_up = [("functional_subject", "210"), ("dept_economic", "302")]
    for field, term in [*warm_up, *pairs]:  # the first request of each field warms up
        params = {"app_label": "budgets", "model_name": "expenditureline"}
        start = time.perf_counter()
        response = client.get(url, params | {"field_name": field, "term": term})
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.content
        results += len(response.json()["results"])
    slowest = sorted(zip(times[len(warm_up) :], pairs, strict=True), key=lambda p: p[0])[-5:]
    print("slowest:", [(round(t), term) for t, (_, term) in slowest])
    times = sorted(times[len(warm_up) :])
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    print(
        f"catalogue: {FunctionalSubject.objects.count()} functional, "
        f"{EconomicSubject.objects.count()} economic rows; {len(times)} requests, "
        f"{results} options"
    )
    print(
        f"autocomplete p50 {statistics.median(times):.1f} ms, p99 {p99:.1f} ms, max {times[-1]:.1f} ms"
    )


main()
