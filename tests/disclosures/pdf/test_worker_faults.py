"""Fault tests: real ``task_worker`` processes killed, cut off from the database, locked out.

Each test publishes a budget, leaves one table PDF to render and checks that the
worker's outcome is a real PDF — whatever happened to the worker on the way. Workers run
as subprocesses on the test's own database (see ``workers.py``) and are always killed.
"""

import io
import signal
import sqlite3
import time

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from background.models import WorkerHeartbeat
from disclosures.pdf.files import table_pdf_path
from disclosures.pdf.tasks import pdf_enqueue
from disclosures.services.publishing import publication_create
from tests.disclosures.pdf.conftest import squeeze
from tests.disclosures.pdf.workers import (
    RENDERED_TABLE,
    Workers,
    leave_one_table,
    shared_database_url,
    wait_until,
)
from tests.support.factories import BudgetFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def workers(transactional_db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    with shared_database_url(tmp_path) as url:
        pool = Workers(url, tmp_path)
        try:
            yield pool
        finally:
            pool.stop_all()


@pytest.fixture
def publication(workers):
    publication = publication_create(budget=BudgetFactory())  # on_commit: queues a rendering…
    DBTaskResult.objects.all().delete()  # …which these tests queue themselves
    leave_one_table(publication)
    return publication


def _status() -> str:
    return DBTaskResult.objects.get().status


def _wait_for(status: str, timeout: float) -> DBTaskResult:
    wait_until(lambda: _status() == status, timeout=timeout, what=f"task {status}")
    return DBTaskResult.objects.get()


def _assert_table_rendered(publication) -> None:
    with default_storage.open(table_pdf_path(publication, RENDERED_TABLE), "rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    assert "2022年部门支出预算表" in squeeze(reader.pages[0].extract_text())


def test_worker_killed_mid_task_then_restarted_completes_the_task(workers, publication):
    first = workers.start()
    assert pdf_enqueue(publication=publication)
    _wait_for(TaskResultStatus.RUNNING, timeout=20)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=5)
    time.sleep(0.3)
    assert _status() == TaskResultStatus.RUNNING  # left behind by the dead worker

    second = workers.start()
    result = _wait_for(TaskResultStatus.SUCCESSFUL, timeout=30)
    assert len(result.worker_ids) == 2  # re-queued once the first worker went silent
    assert "重新排队 1 个" in workers.log(second)
    _assert_table_rendered(publication)


def _terminate_other_backends() -> None:
    """pg_terminate_backend on every other connection to the test database: the worker's."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchall(), "the worker had no connection to terminate"


@pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL only: kills a server backend"
)
def test_connection_terminated_during_a_render_worker_survives(workers, publication):
    worker = workers.start()
    wait_until(WorkerHeartbeat.objects.exists, timeout=20, what="the worker's heartbeat")
    assert pdf_enqueue(publication=publication)
    _wait_for(TaskResultStatus.RUNNING, timeout=10)
    _terminate_other_backends()
    _wait_for(TaskResultStatus.SUCCESSFUL, timeout=30)
    # The cut was noticed — in the task's own queries (retried) or when its outcome was
    # written (re-queued and run again) — and survived.
    log = workers.log(worker)
    assert "暂时性数据库错误" in log or "的结果无法写入" in log, log
    _assert_table_rendered(publication)

    # Cut again while it waits for work: the loop reconnects — silently through the
    # connection health check (CONN_HEALTH_CHECKS), or after logging 数据库暂时不可用 when a
    # query fails first — and takes the next task.
    _terminate_other_backends()
    default_storage.delete(table_pdf_path(publication, RENDERED_TABLE))
    DBTaskResult.objects.all().delete()
    assert pdf_enqueue(publication=publication)
    _wait_for(TaskResultStatus.SUCCESSFUL, timeout=20)
    assert worker.poll() is None
    _assert_table_rendered(publication)


@pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite only: file locking")
def test_database_locked_for_a_while_worker_keeps_taking_tasks(workers, publication):
    worker = workers.start()
    wait_until(WorkerHeartbeat.objects.exists, timeout=20, what="the worker's heartbeat")
    # Another process holds the whole file for longer than the worker's busy timeout (1 s):
    # until the worker has failed on the lock (its log says so), at most 20 s.
    holder = sqlite3.connect(connection.settings_dict["NAME"])
    holder.execute("BEGIN EXCLUSIVE")
    try:
        wait_until(
            lambda: "database is locked" in workers.log(worker),
            timeout=20,
            what="the worker to fail on the lock",
        )
    finally:
        holder.rollback()
        holder.close()

    assert pdf_enqueue(publication=publication)
    _wait_for(TaskResultStatus.SUCCESSFUL, timeout=20)
    assert worker.poll() is None
    _assert_table_rendered(publication)
