"""Micro-benchmark: CPU µs per request of a stored published page against a static file.

Usage:

    .venv/bin/python bench/published_serve.py                  # µs per request, each URL
    .venv/bin/python bench/published_serve.py --profile        # and cProfile of one page

Demo data on a throw-away SQLite database, DEBUG off. The demo 060's pages and downloads
are stored (``publication_prerender``); each measured URL's bytes are written as a static
file of the same size, served by WhiteNoise. Both go through the whole WSGI application
(``config.wsgi``: every middleware, gunicorn's ``wsgi.file_wrapper`` replaced by one that
reads the file in one go) in alternating batches, timed with ``time.process_time``, so
other processes' load disturbs the figures little. Prints the median µs of each and their
difference — what the stored path costs beyond WhiteNoise's.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--requests", type=int, default=2000, help="requests per URL and path")
parser.add_argument("--profile", action="store_true", help="cProfile the disclosure page")
ARGS = parser.parse_args()

os.environ.update(
    {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-published-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_MEDIA_ROOT": tempfile.mkdtemp(prefix="bench-published-media-"),
    }
)
os.environ.pop("DATABASE_URL", None)  # SQLite: the stored path makes no query

from bench.setup import django_for_bench  # noqa: E402
from bench.wsgi import get_environ  # noqa: E402

django_for_bench("published")

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.test import Client  # noqa: E402

from disclosures.models import Publication  # noqa: E402
from disclosures.published.files import publication_prerender  # noqa: E402

BASE = "/disclosures/410702/2022/060/"
URLS = [
    ("disclosure", BASE),
    ("table 3", f"{BASE}tables/3/"),
    ("xlsx", f"{BASE}xlsx/"),
    ("table 3 csv", f"{BASE}tables/3.csv"),
    ("json", "/api/disclosures/410702/2022/060/"),
]
TWINS = Path(settings.STATIC_ROOT) / "bench-published-twins"


def once(application, path: str) -> None:
    statuses = []
    body = application(get_environ(path), lambda status, headers, exc=None: statuses.append(status))
    for _chunk in body:
        pass
    body.close()
    assert statuses[0].startswith("200"), (path, statuses)


def batch(application, path: str, n: int) -> float:
    start = time.process_time()
    for _ in range(n):
        once(application, path)
    return (time.process_time() - start) / n * 1e6


def main() -> None:
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    publication = Publication.objects.get(
        region_code="410702", year=2022, department_code="060", is_current=True
    )
    assert publication_prerender(publication_id=publication.pk)
    client = Client(HTTP_HOST="127.0.0.1")
    TWINS.mkdir(parents=True, exist_ok=True)
    twins = {}
    for index, (_label, path) in enumerate(URLS):
        response = client.get(path)
        body = b"".join(response) if response.streaming else response.content
        (TWINS / f"{index:02d}.bin").write_bytes(body)
        twins[path] = f"/{settings.STATIC_URL.strip('/')}/bench-published-twins/{index:02d}.bin"
    try:
        application = get_wsgi_application()  # WhiteNoise finds the twins now
        measure(application, twins)
        if ARGS.profile:
            profile(application)
    finally:
        for twin in TWINS.iterdir():
            twin.unlink()
        TWINS.rmdir()


def measure(application, twins) -> None:
    print(f"{'page':12} {'kB':>6} {'stored µs':>9} {'static µs':>9} {'extra µs':>8} {'÷static':>7}")
    n = max(1, ARGS.requests // 10)
    for label, path in URLS:
        once(application, path), once(application, twins[path])
        stored, static = [], []
        for _ in range(10):  # alternate: drift hits both alike
            static.append(batch(application, twins[path], n))
            stored.append(batch(application, path, n))
        page, twin = statistics.median(stored), statistics.median(static)
        size = (TWINS / twins[path].rsplit("/", 1)[1]).stat().st_size
        print(
            f"{label:12} {size / 1024:6.1f} {page:9.1f} {twin:9.1f} {page - twin:8.1f} "
            f"{twin / page:7.3f}"
        )


def profile(application) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(ARGS.requests):
        once(application, BASE)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
