"""A job retried after a transient database error runs again on a fresh connection."""

import threading

import pytest
from django.db import OperationalError, connection
from django_tasks_db.models import DBTaskResult

from background.retry import database_retry
from background.services import task_enqueue_once
from disclosures.pdf.tasks import publication_render_pdfs

# Retrying closes the connection, which a test inside a transaction must not do.
outside_a_transaction = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@outside_a_transaction
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL only: kills a backend")
def test_job_survives_its_connection_being_terminated():
    pids = []

    @database_retry(attempts=3, delay=0)
    def job():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            pids.append(cursor.fetchone()[0])
            if len(pids) == 1:
                cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            cursor.execute("SELECT 1")
            return cursor.fetchone()[0]

    assert job() == 1
    assert len(pids) == 2 and pids[0] != pids[1]  # a new server backend the second time


def test_job_gives_up_after_its_attempts():
    calls = []

    @database_retry(attempts=2, delay=0)
    def job():
        calls.append(1)
        raise OperationalError("database is locked")

    with pytest.raises(OperationalError):
        job()
    assert len(calls) == 2


@outside_a_transaction
def test_concurrent_callers_queue_one_task(tmp_path):
    """Eight threads (eight connections) ask at once: one task is queued."""
    from tests.disclosures.pdf.workers import shared_database_url

    with shared_database_url(tmp_path):  # SQLite: a real file, real locks
        barrier, outcomes = threading.Barrier(8), []

        def ask():
            barrier.wait()
            try:
                outcomes.append(
                    task_enqueue_once(task=publication_render_pdfs, key="pdf:race", args=(1,))
                )
            except Exception as error:  # noqa: BLE001  (reported below, not lost in a thread)
                outcomes.append(repr(error))
            finally:
                connection.close()

        threads = [threading.Thread(target=ask) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert sorted(outcomes, key=str) == [False] * 7 + [True], outcomes
        assert DBTaskResult.objects.count() == 1
