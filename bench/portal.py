"""Benchmark: the public portal over HTTP (requests/s, latency) and each page's SQL queries.

Usage (prints two tables: load per URL, then queries per page):

    .venv/bin/python bench/portal.py                          # demo data, SQLite (temporary file)
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/portal.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mydb .venv/bin/python bench/portal.py --synthetic

It migrates a throw-away database (for PostgreSQL, ``bench_<name>_portal`` beside the
given one), loads the demo budgets and, with ``--synthetic``, a region of 1,000
departments × 3 published years (``bench/portal_data.py``; ``--departments N`` for
fewer), on PostgreSQL runs VACUUM ANALYZE and CHECKPOINT (so that no autovacuum or
write-out of the bulk load runs during the measurements), runs collectstatic, and starts
a real server in a subprocess with DEBUG off: gunicorn (``--workers`` processes of
``--threads`` threads, gthread, keep-alive) (in requirements.txt), else ``manage.py runserver --noreload`` (said so in
the output). Cache: each
process's own memory, as the default settings; ``--redis`` uses Redis on 127.0.0.1:6379
(db 15) instead, shared by the workers as in production.

Before the server starts, the measured disclosure is published the way the product does
it: the background task (``publication_render_pdfs``, run in process) renders its PDFs and
stores its pages and downloads (``disclosures.published``). Each measured URL is fetched
once and its bytes are written as a static file of the same size under STATIC_ROOT
(``bench-twins/``), served by WhiteNoise from the same server. Then, for each URL — the
disclosure page, the all-tables page, every table page, the downloads (PDF, XLSX, CSV ZIP,
each table's PDF/XLSX/CSV, the JSON), and for reference home, the department, region and
search pages and the API list — its static twin and the URL itself are loaded in turn, and
the median over the rounds of their requests/s ratio printed (target ≥ 0.8 for the publication's pages and
downloads). Each load is a fixed-duration one (``--duration`` s after a 1 s warm-up,
``--concurrency`` keep-alive connections) with ``wrk`` when it is on PATH (Debian
package ``wrk``), else with Python threads (http.client), and prints requests, requests/s,
p50/p95/p99 latency in ms, errors (any answer other than 200 counts as one) and requests/s
as a fraction of the static file's. Client and server share the machine's cores; before
each URL it waits (``--quiet-wait`` s at most) for a second in which other processes
leave the CPUs idle, and the column ``other`` gives the cores other processes used during
that URL's load (disturbance).

Last, in process (django.test.Client, same settings), the SQL queries and milliseconds of
each page's first request (its cache empty) and of the same request repeated (cached
pages answer from the cache).
"""

import argparse
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import quote, unquote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERVER_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "bench-portal-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    # Plain HTTP on the loopback: no redirect to https (a proxy would terminate TLS).
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    # Persistent database connections for the whole run (the default is 60 s).
    "DJANGO_CONN_MAX_AGE": "600",
}

WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("bad") end
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    n + e.connect + e.read + e.write + e.timeout))
end
"""


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--synthetic", action="store_true", help="add the synthetic region")
    parser.add_argument("--departments", type=int, default=1000)
    parser.add_argument("--duration", type=int, default=3, help="seconds per URL")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument(
        "--rounds", type=int, default=3, help="alternations of static twin and page per URL"
    )
    parser.add_argument(
        "--handler-requests", type=int, default=300, help="in-process requests per URL (CPU)"
    )
    parser.add_argument("--workers", type=int, default=2, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn process")
    parser.add_argument("--client", choices=["auto", "wrk", "python"], default="auto")
    parser.add_argument(
        "--quiet-wait",
        type=float,
        default=3,
        help="seconds to wait, before each URL, for other processes to leave the CPUs idle",
    )
    parser.add_argument("--redis", action="store_true", help="cache in Redis (db 15)")
    return parser.parse_args()


ARGS = parse_args()
os.environ.update(SERVER_ENV)
# Generated files (PDFs, stored pages) of this run only, shared with the server.
os.environ["DJANGO_MEDIA_ROOT"] = tempfile.mkdtemp(prefix="bench-portal-media-")
if ARGS.redis:
    os.environ["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    os.environ["CACHE_KEY_PREFIX"] = f"bench-portal-{os.getpid()}"

import logging  # noqa: E402

from bench.setup import django_for_bench  # noqa: E402

logging.getLogger("weasyprint").setLevel(logging.WARNING)
logging.getLogger("fontTools").setLevel(logging.WARNING)

django_for_bench("portal")

from django.conf import settings  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.portal_data import REGION_CODE, synthetic_region  # noqa: E402
from disclosures.models import Publication, SearchEntry  # noqa: E402
from disclosures.pdf.tasks import publication_render_pdfs  # noqa: E402

TWINS = Path(settings.STATIC_ROOT) / "bench-twins"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> tuple[subprocess.Popen, str]:
    if _has("gunicorn"):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi:application",
            f"--bind=127.0.0.1:{port}",
            f"--workers={ARGS.workers}",
            "--worker-class=gthread",
            f"--threads={ARGS.threads}",
            "--log-level=warning",
        ]
        label = f"gunicorn gthread, {ARGS.workers} workers × {ARGS.threads} threads"
    else:
        command = [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"]
        label = "manage.py runserver --noreload (gunicorn not installed)"
    server = subprocess.Popen(command, cwd=ROOT, env=os.environ.copy())
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
            return server, label
        except OSError:
            if server.poll() is not None:
                raise SystemExit("the server stopped; see its output above") from None
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not answer within 60 s")


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


TICK = os.sysconf("SC_CLK_TCK")


def machine_busy() -> float:
    """CPU seconds the whole machine has spent busy (all cores, from /proc/stat)."""
    with open("/proc/stat") as f:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(
            int, f.readline().split()[1:9]
        )
    return (user + nice + system + irq + softirq + steal) / TICK


def process_cpu(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICK


def descendants(pid: int) -> list[int]:
    found = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        for child in task.read_text().split():
            found += descendants(int(child))
    return found


class CpuMeter:
    """Cores busy with other work during a measurement: the machine's busy time less the
    server's processes, the load client (wrk, a child of this process), this process,
    and the PostgreSQL backends connected to the bench database."""

    def __init__(self, server: subprocess.Popen):
        self.server = server

    def _ours(self) -> tuple[float, dict[int, float]]:
        """This process and its reaped children (wrk), and per process the server's and
        the PostgreSQL backends' CPU seconds so far."""
        pids = set(descendants(self.server.pid)) | set(self._backends())
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        me = resource.getrusage(resource.RUSAGE_SELF)
        rusage = children.ru_utime + children.ru_stime + me.ru_utime + me.ru_stime
        return rusage, {pid: process_cpu(pid) for pid in pids}

    def _backends(self) -> list[int]:
        if connection.vendor != "postgresql":
            return []
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                " AND pid <> pg_backend_pid()"
            )
            return [row[0] for row in cursor.fetchall()]

    def start(self) -> None:
        self.begun, self.busy = time.monotonic(), machine_busy()
        self.rusage, self.cpu = self._ours()

    def other_cores(self) -> float:
        busy = machine_busy() - self.busy
        rusage, cpu = self._ours()
        ours = rusage - self.rusage + sum(t - self.cpu.get(pid, 0.0) for pid, t in cpu.items())
        return max(0.0, busy - ours) / (time.monotonic() - self.begun)

    def wait_quiet(self, limit: float) -> float:
        """Wait (up to ``limit`` s) for a second in which other processes use < 0.1 core."""
        deadline = time.monotonic() + limit
        while True:
            self.start()
            time.sleep(1)
            other = self.other_cores()
            if other < 0.1 or time.monotonic() > deadline:
                return other


def run_wrk(url: str, duration: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    threads = min(2, ARGS.concurrency)
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{ARGS.concurrency}", f"-d{duration}s", "-s", script.name, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    os.unlink(script.name)
    line = next(line for line in out.splitlines() if line.startswith("RESULT"))
    requests, micros, p50, p95, p99, errors = (int(v) for v in line.split()[1:])
    return {
        "requests": requests,
        "rps": requests / (micros / 1e6),
        "p50": p50 / 1000,
        "p95": p95 / 1000,
        "p99": p99 / 1000,
        "errors": errors,
    }


def run_python(url: str, duration: int) -> dict:
    """``--concurrency`` threads, each with a keep-alive connection, for ``duration`` s."""
    path = url.split("/", 3)[3]
    host, port = url.split("/")[2].split(":")
    stop = time.monotonic() + duration
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def worker():
        conn, mine, bad = HTTPConnection(host, int(port), timeout=30), [], 0
        while time.monotonic() < stop:
            start = time.perf_counter()
            try:
                conn.request("GET", "/" + path)
                response = conn.getresponse()
                response.read()
                if response.status != 200:
                    bad += 1
                if response.will_close:
                    conn.close()
            except OSError:
                bad += 1
                conn.close()
            mine.append(time.perf_counter() - start)
        conn.close()
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    begun = time.perf_counter()
    workers = [threading.Thread(target=worker) for _ in range(ARGS.concurrency)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - begun
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50": cuts[49] * 1000,
        "p95": cuts[94] * 1000,
        "p99": cuts[98] * 1000,
        "errors": errors[0],
    }


def measured_budget() -> tuple[str, int, str]:
    if ARGS.synthetic:
        return REGION_CODE, 2024, f"{ARGS.departments // 2:04d}"
    return "410702", 2022, "060"


def page_urls() -> list[tuple[str, str]]:
    """(label, path) of every URL measured: the publication's pages and downloads, then
    pages of many publications for reference."""
    region, year, department = measured_budget()
    budget = f"/disclosures/{region}/{year}/{department}/"
    publication = Publication.objects.get(
        region_code=region, year=year, department_code=department, is_current=True
    )
    numbers = [t["number"] for t in publication.content["tables"]]
    return [
        ("disclosure", budget),
        ("tables", f"{budget}tables/"),
        *((f"table {n}", f"{budget}tables/{n}/") for n in numbers),
        ("pdf", f"{budget}pdf/"),
        ("xlsx", f"{budget}xlsx/"),
        ("csv zip", f"{budget}csv/"),
        ("json", f"/api/disclosures/{region}/{year}/{department}/"),
        *(
            (f"table {n} {ext}", f"{budget}tables/{n}.{ext}")
            for n in numbers
            for ext in ("pdf", "xlsx", "csv")
        ),
        ("home", "/"),
        ("department", f"/disclosures/{region}/{department}/"),
        ("region", f"/disclosures/{region}/?year={year}"),
        ("search", "/disclosures/?q=" + quote("医疗")),
        ("api list", "/api/disclosures/"),
    ]


PUBLICATION_PAGES = ("disclosure", "tables", "table", "pdf", "xlsx", "csv", "json")


def store_measured() -> float:
    """Run the publication's background task (PDFs, then stored pages): seconds taken."""
    region, year, department = measured_budget()
    publication = Publication.objects.get(
        region_code=region, year=year, department_code=department, is_current=True
    )
    start = time.perf_counter()
    publication_render_pdfs.call(publication.pk)
    return time.perf_counter() - start


def write_twins(urls) -> dict[str, str]:
    """A static file of each URL's bytes (so of its size), served by WhiteNoise: path → twin URL."""
    client = Client(HTTP_HOST="127.0.0.1")
    shutil.rmtree(TWINS, ignore_errors=True)
    TWINS.mkdir(parents=True)
    twins = {}
    for index, (_label, path) in enumerate(urls):
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code)
        body = b"".join(response) if response.streaming else response.content
        (TWINS / f"{index:02d}.bin").write_bytes(body)
        twins[path] = f"{settings.STATIC_URL.rstrip('/')}/bench-twins/{index:02d}.bin"
        if not twins[path].startswith("/"):
            twins[path] = "/" + twins[path]
    return twins


def clear_cache() -> None:
    """Empty this process's cache; with Redis, delete only this run's keys (its prefix)."""
    if not ARGS.redis:
        cache.clear()
        return
    import redis

    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    for key in client.scan_iter(f"{os.environ['CACHE_KEY_PREFIX']}:*"):
        client.delete(key)


def settle_database() -> None:
    """PostgreSQL: VACUUM ANALYZE and CHECKPOINT after the bulk load, so that autovacuum
    and the writing out of the loaded pages do not run during the measurements."""
    if connection.vendor != "postgresql":
        return
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        cursor.execute("CHECKPOINT")
    print(f"VACUUM ANALYZE, CHECKPOINT {time.perf_counter() - start:.1f} 秒")


def query_counts(urls) -> list[tuple]:
    """(label, path, status, bytes, first queries, first ms, repeat queries, repeat ms)."""
    client = Client(HTTP_HOST="127.0.0.1")
    clear_cache()
    rows = []
    for label, path in urls:
        measured = []
        for _ in range(2):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = client.get(path)
                content = b"".join(response) if response.streaming else response.content
                ms = (time.perf_counter() - start) * 1000
            measured.append((len(captured.captured_queries), ms, response.status_code, content))
        (q1, ms1, status, body), (q2, ms2, _, _) = measured
        rows.append((label, path, status, len(body), q1, ms1, q2, ms2))
    return rows


def main() -> None:
    call_command("collectstatic", interactive=False, verbosity=0)  # before any page is stored
    start = time.perf_counter()
    call_command("load_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    print(f"示例数据加载 {time.perf_counter() - start:.1f} 秒")
    if ARGS.synthetic:
        synthetic_region(departments=ARGS.departments)
    settle_database()
    print(f"发布任务（PDF 与预生成页面）{store_measured():.1f} 秒")
    publications = Publication.objects.filter(is_current=True).count()
    entries = SearchEntry.objects.count()
    urls = page_urls()
    twins = write_twins(urls)
    port = free_port()
    server, label = start_server(port)
    use_wrk = ARGS.client == "wrk" or (ARGS.client == "auto" and shutil.which("wrk"))
    load = run_wrk if use_wrk else run_python
    cache_label = "Redis (shared)" if ARGS.redis else "per-process memory (LocMemCache)"
    commit = subprocess.run(
        ["git", "log", "-1", "--format=%h %s"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(
        f"commit: {commit}\n"
        f"database: {connection.vendor}; current publications: {publications}; "
        f"search entries: {entries}\nserver: {label}; DEBUG={settings.DEBUG}; cache: {cache_label}\n"
        f"client: {'wrk' if use_wrk else 'Python threads (http.client)'}, "
        f"{ARGS.concurrency} keep-alive connections, {ARGS.duration} s per URL after 1 s warm-up; "
        f"{os.cpu_count()} CPU cores shared by client and server"
    )
    results = []
    meter = CpuMeter(server)

    def measure(path):
        url = f"http://127.0.0.1:{port}{path}"
        meter.wait_quiet(ARGS.quiet_wait)
        load(url, 1)
        meter.start()
        result = load(url, ARGS.duration)
        result["other"] = meter.other_cores()
        return result

    cpu = handler_cpu(urls, twins)
    try:
        for name, path in urls:
            static, page = [], []
            for _ in range(ARGS.rounds):  # alternate, so that drift hits both alike
                static.append(measure(twins[path]))
                page.append(measure(path))
            size = (TWINS / twins[path].rsplit("/", 1)[1]).stat().st_size
            # Each round's page against the twin loaded just before it: a round where the
            # 8 connections happened to land on one gunicorn process (one core) halves
            # both alike, and the median of the rounds' ratios leaves out an odd round.
            pairs = [
                p["rps"] / s["rps"] if s["rps"] else 0.0 for s, p in zip(static, page, strict=True)
            ]
            ratio = statistics.median(pairs)
            results.append((name, path, size, combine(static), combine(page), cpu[path], ratio))
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(TWINS, ignore_errors=True)
        if ARGS.redis:
            clear_cache()
    report(results)
    print()
    print(
        f"{'page':12} {'status':>6} {'kB':>6} {'queries':>7} {'ms':>7} {'again q':>7} {'again ms':>8}"
        "  (in process: first request, cache empty; then the same request again)"
    )
    for name, _path, status, size, q1, ms1, q2, ms2 in query_counts(urls):
        print(f"{name:12} {status:6d} {size / 1024:6.1f} {q1:7d} {ms1:7.1f} {q2:7d} {ms2:8.1f}")


def combine(loads: list[dict]) -> dict:
    """Rounds of one URL: requests/s over all of them, medians of the percentiles."""
    return {
        "requests": sum(r["requests"] for r in loads),
        "rps": sum(r["rps"] for r in loads) / len(loads),
        **{p: statistics.median(r[p] for r in loads) for p in ("p50", "p95", "p99")},
        "errors": sum(r["errors"] for r in loads),
        "other": max(r["other"] for r in loads),
    }


def handler_cpu(urls, twins) -> dict[str, tuple[float, float]]:
    """CPU µs per request in this process, through the whole WSGI application (WhiteNoise,
    middleware, views), for each URL and its static twin: the server's own cost, without
    the network, the client or other processes' load (``time.process_time``)."""
    from django.core.wsgi import get_wsgi_application

    from bench.wsgi import get_environ

    application = get_wsgi_application()  # after the twins exist: WhiteNoise scans them now

    def once(target: str) -> None:
        path, _, query = target.partition("?")
        environ = get_environ(unquote(path), query)
        statuses = []
        body = application(environ, lambda status, headers, exc=None: statuses.append(status))
        for _chunk in body:
            pass
        if hasattr(body, "close"):
            body.close()
        assert statuses[0].startswith("200"), (target, statuses)

    def batch(target: str, n: int) -> float:
        start = time.process_time()
        for _ in range(n):
            once(target)
        return (time.process_time() - start) / n * 1e6

    def costs(path: str) -> tuple[float, float]:
        """Median µs of alternating batches (twin, page, twin, …): drift hits both alike."""
        once(twins[path]), once(path)
        n = max(1, ARGS.handler_requests // 10)
        twin, page = [], []
        for _ in range(10):
            twin.append(batch(twins[path], n))
            page.append(batch(path, n))
        return statistics.median(twin), statistics.median(page)

    return {path: costs(path) for _label, path in urls}


def report(results) -> None:
    print()
    print(
        f"{'page':14} {'kB':>7} {'req/s':>8} {'static':>8} {'÷static':>7} {'p50 ms':>7} "
        f"{'static p50':>10} {'errors':>6} {'other':>5} {'cpu µs':>7} {'static µs':>9} "
        f"{'÷static':>7}  url"
    )
    ratios, cpu_ratios = [], []
    for name, path, size, twin, page, (twin_cpu, page_cpu), ratio in results:
        cpu_ratio = twin_cpu / page_cpu if page_cpu else 0.0
        if name.split()[0] in PUBLICATION_PAGES:
            ratios.append((ratio, name))
            cpu_ratios.append((cpu_ratio, name))
        print(
            f"{name:14} {size / 1024:7.1f} {page['rps']:8.1f} {twin['rps']:8.1f} {ratio:7.3f} "
            f"{page['p50']:7.2f} {twin['p50']:10.2f} "
            f"{page['errors'] + twin['errors']:6d} {max(page['other'], twin['other']):5.2f} "
            f"{page_cpu:7.0f} {twin_cpu:9.0f} {cpu_ratio:7.3f}  {unquote(path)}"
        )
    for label, values in (("HTTP req/s", ratios), ("in-process CPU", cpu_ratios)):
        worst, median = min(values), statistics.median(r for r, _ in values)
        print(
            f"publication pages and downloads ({len(values)}), {label} ÷static: median "
            f"{median:.3f}, lowest {worst[0]:.3f} ({worst[1]}); target ≥ 0.8"
        )
    print(
        "÷static (HTTP): median over the rounds of the page's req/s over its twin's in the same "
        "round; req/s columns: mean over the rounds.\n"
        "static: a file of the same bytes served by WhiteNoise from the same server, loaded "
        "just before the page. other: CPU cores busy with work other than this benchmark's "
        f"during the load, out of {os.cpu_count()}; above ~0.1 the figures are disturbed"
    )


if __name__ == "__main__":
    main()
