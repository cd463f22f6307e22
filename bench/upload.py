"""Benchmark: peak memory and time of hostile and huge workbook uploads (issue 14).

Usage:

    .venv/bin/python bench/upload.py                                               # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/upload.py

Generates, from the demo export of example 000: a valid workbook of about 10 MB (10,000
lines, 10,000 indicators with long text), a sheet bomb (a small zip whose sheet inflates
to 650 MB), a shared-strings bomb (500 MB of tiny strings), a 200,000-row workbook and a
workbook over the upload limit. Each is uploaded through the admin (preview, then confirm
when the preview passes) in a fresh Python process, which reports its peak RSS
(``getrusage``) and the time taken; the table compares them with the 300 MB bound.
"""

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BOUND_MB = 300
# What the same kinds of upload cost before the guards, as measured in issue 14.
BEFORE = {
    "工作表炸弹 650 MB": "6 GB 耗尽",
    "共享字符串炸弹 500 MB": "0.8–1.4 GB",
    "200,000 行": "36 s，28.7 MB 页面",
    "超过大小上限 12 MB": "无上限",
}
URL = "/admin/budgets/budget/workbook/import/"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_case(path: str) -> dict:
    """In the child process: one upload through the admin, measured."""
    import django

    django.setup()
    from bs4 import BeautifulSoup
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="bench"))
    data = Path(path).read_bytes()
    before, start = rss_mb(), time.perf_counter()
    upload = SimpleUploadedFile("预算.xlsx", data)
    page = client.post(URL, {"workbook": upload})
    soup = BeautifulSoup(page.content, "html.parser")
    token = soup.select_one("input[name=token]")
    outcome = (soup.select_one(".errornote") or soup.select_one("h1")).get_text()[:60]
    if token is not None:
        done = client.post(URL, {"token": token["value"], "replace": "1"})
        outcome = "已导入" if done.status_code == 302 and "/change/" in done["Location"] else "失败"
        problem = soup.select_one("tr.problem")
        outcome += f"（{problem.get_text()[:40]}）" if problem else ""
    return {
        "status": page.status_code,
        "page_kb": len(page.content) / 1024,
        "seconds": time.perf_counter() - start,
        "baseline_mb": before,
        "peak_mb": rss_mb(),
        "outcome": " ".join(outcome.split()),
    }


def make_cases(directory: Path) -> list[tuple[str, Path]]:
    from django.core.management import call_command

    from budgets.models import Budget
    from budgets.workbook.export import budget_workbook_export
    from tests.support import hostile

    call_command("load_demo", "--draft", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("bench", "bench@example.com", "bench-password")
    base = budget_workbook_export(budget=Budget.objects.get(department__code="060"))
    cases = {
        "有效工作簿 ~10 MB": hostile.big_valid(base, indicators=10_000, lines=10_000, text=225),
        "工作表炸弹 650 MB": hostile.sheet_bomb(base, megabytes=650),
        "共享字符串炸弹 500 MB": hostile.strings_bomb(base, megabytes=500),
        "200,000 行": hostile.many_rows(base, count=200_000),
        "超过大小上限 12 MB": hostile.big_valid(base, indicators=13_000, lines=10, text=320),
    }
    paths = []
    for n, (label, data) in enumerate(cases.items()):
        path = directory / f"case{n}.xlsx"
        path.write_bytes(data)
        paths.append((label, path))
    return paths


def main() -> None:
    from bench.setup import django_for_bench

    django_for_bench("upload")  # sets DATABASE_URL for the children too
    from django.db import connection

    directory = Path(tempfile.mkdtemp())
    rows = []
    for label, path in make_cases(directory):
        child = subprocess.run(
            [sys.executable, __file__, "--case", str(path)],
            capture_output=True,
            text=True,
            env={
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "DJANGO_ALLOWED_HOSTS": "testserver",
            },
            check=False,
        )
        if child.returncode:
            print(child.stderr[-2000:])
            result = {"outcome": f"进程退出 {child.returncode}"}
        else:
            result = json.loads(child.stdout.strip().splitlines()[-1])
        rows.append((label, path.stat().st_size / 1024**2, result))
    print(f"数据库：{connection.vendor}；内存上限 {BOUND_MB} MB")
    print(
        f"{'case':22} {'file MB':>8} {'peak MB':>8} {'base MB':>8} {'s':>6} {'page KB':>8}"
        f"  {'before (issue 14)':18} outcome"
    )
    for label, size, r in rows:
        print(
            f"{label:22} {size:8.1f} {r.get('peak_mb', 0):8.0f} {r.get('baseline_mb', 0):8.0f}"
            f" {r.get('seconds', 0):6.1f} {r.get('page_kb', 0):8.0f}"
            f"  {BEFORE.get(label, '—'):18} {r['outcome']}"
        )
    worst = max(r.get("peak_mb", 0) for _, _, r in rows)
    print(
        f"最高峰值 {worst:.0f} MB（上限 {BOUND_MB} MB）：{'通过' if worst <= BOUND_MB else '超出'}"
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        print(json.dumps(run_case(sys.argv[2]), ensure_ascii=False))
    else:
        main()
