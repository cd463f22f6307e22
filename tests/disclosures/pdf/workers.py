"""Real worker processes for the fault tests, on a database both sides can open.

pytest-django's SQLite test database lives in memory, which another process cannot open:
``shared_database_url`` copies it to a file (SQLite's backup API) and points this
process's connection there for the test; a PostgreSQL test database is shared as it is.
"""

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

from disclosures.models import Publication
from disclosures.pdf.files import publication_pdf_store, table_pdf_store

PLACEHOLDER = b"%PDF-placeholder"
RENDERED_TABLE = 3  # the one table left for the worker to render (about a second)


@contextlib.contextmanager
def shared_database_url(tmp_path: Path):
    """Yield a DATABASE_URL for subprocesses naming the very database this test uses."""
    params = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
        host = f"{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}"
        yield f"postgres://{auth}@{host}/{params['NAME']}"
        return
    memory_name, path = params["NAME"], tmp_path / "faults.sqlite3"
    keeper = sqlite3.connect(memory_name, uri=True)  # keeps the in-memory database alive
    target = sqlite3.connect(path)
    keeper.backup(target)
    target.close()
    params["NAME"] = str(path)
    connection.close()  # now really closes: the name is no longer the in-memory one
    try:
        yield f"sqlite:///{path}"
    finally:
        connection.close()
        params["NAME"] = memory_name
        connection.ensure_connection()  # reattach before the keeper lets go
        keeper.close()


class Workers:
    """Starts ``task_worker`` processes and makes sure none outlives the test."""

    def __init__(self, database_url: str, tmp_path: Path):
        self.env = {
            key: value
            for key, value in os.environ.items()
            if key not in {"REDIS_URL", "DJANGO_TASKS_BACKEND"}
        } | {
            "DATABASE_URL": database_url,
            "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "DJANGO_TASKS_STALE_SECONDS": "2",
            "DJANGO_TASKS_HEARTBEAT_SECONDS": "0.3",
            # SQLite waits this long for a lock before "database is locked" (20 s by
            # default): short, so that the fault tests can outlast it.
            "DJANGO_SQLITE_TIMEOUT": "1",
            "PYTHONUNBUFFERED": "1",
        }
        self.tmp_path = tmp_path
        self.processes: list[subprocess.Popen] = []

    def start(self) -> subprocess.Popen:
        log = (self.tmp_path / f"worker{len(self.processes)}.log").open("w")
        command = [sys.executable, "manage.py", "task_worker", "--interval", "0.1"]
        process = subprocess.Popen(
            [*command, "--no-startup-delay", "-v", "2"],
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        process.log_path = log.name
        self.processes.append(process)
        return process

    def log(self, process: subprocess.Popen) -> str:
        return Path(process.log_path).read_text()

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)


def wait_until(condition, *, timeout: float, what: str, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


def leave_one_table(publication: Publication) -> None:
    """Store placeholders for everything but one table, so a render takes about a second."""
    publication_pdf_store(publication=publication, data=PLACEHOLDER, filename="document.pdf")
    for table in publication.disclosure().tables:
        if table.number != RENDERED_TABLE:
            table_pdf_store(publication=publication, number=table.number, data=PLACEHOLDER)
