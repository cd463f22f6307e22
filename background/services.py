"""Writes about background work: heartbeats, re-queuing abandoned tasks, queuing once."""

import os
import socket
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist
from django_tasks_db.models import DBTaskResult

from background.models import QueuedTask, WorkerHeartbeat
from background.retry import exclusive_write

PENDING = {TaskResultStatus.READY, TaskResultStatus.RUNNING}
# Heartbeat rows of workers that stopped a week ago are of no more use to anybody.
HEARTBEAT_KEEP = timedelta(days=7)


class TaskAbandoned(Exception):
    """Recorded on a task whose workers died under it too often to try again."""


def heartbeat_touch(*, worker_id: str, started_at) -> None:
    """Say that the worker's loop is alive now (one row per worker)."""
    now = timezone.now()
    if not WorkerHeartbeat.objects.filter(worker_id=worker_id).update(seen_at=now):
        WorkerHeartbeat.objects.create(
            worker_id=worker_id,
            hostname=socket.gethostname()[:255],
            pid=os.getpid(),
            started_at=started_at,
            seen_at=now,
        )
    WorkerHeartbeat.objects.filter(seen_at__lt=now - HEARTBEAT_KEEP).delete()


def heartbeat_remove(*, worker_id: str) -> None:
    """A worker that stops cleanly takes its row away (it is not 'silent', it is gone)."""
    WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()


def task_requeue(*, result_id) -> bool:
    """Put a RUNNING task back in the queue (its outcome could not be recorded)."""
    running = DBTaskResult.objects.filter(pk=result_id, status=TaskResultStatus.RUNNING)
    return bool(running.update(status=TaskResultStatus.READY, started_at=None))


@transaction.atomic
def tasks_requeue_stale(*, backend_name: str) -> tuple[int, int]:
    """Re-queue tasks left RUNNING by a worker that has not been seen for the timeout.

    A task whose worker still beats is left alone however long it runs. A task that has
    already been started ``TASKS_MAX_ATTEMPTS`` times is marked failed instead: something
    in it kills its workers. Returns (re-queued, failed).
    """
    cutoff = timezone.now() - timedelta(seconds=settings.TASKS_STALE_SECONDS)
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True)
    )
    stale = DBTaskResult.objects.running().filter(backend_name=backend_name, started_at__lt=cutoff)
    requeued = failed = 0
    for result in stale.select_for_update(skip_locked=True):
        if result.worker_ids and result.worker_ids[-1] in alive:
            continue
        if len(result.worker_ids) >= settings.TASKS_MAX_ATTEMPTS:
            result.set_failed(
                TaskAbandoned(f"任务已开始 {len(result.worker_ids)} 次，每次工作进程都中断")
            )
            failed += 1
        else:
            requeued += task_requeue(result_id=result.pk)
    return requeued, failed


def task_enqueue_once(*, task, key: str, args: tuple = ()) -> bool:
    """Queue ``task(*args)`` unless the task last queued under ``key`` is still pending.

    The marker row is locked first (row lock on PostgreSQL, an exclusive transaction on
    SQLite), so two web processes asking at once queue one task. On the database backend
    the task row is written in the same transaction. True when this call queued it.
    A backend that cannot report results (the immediate one) runs the task right here,
    outside any lock: there is nothing pending to ask about.
    """
    if not task.get_backend().supports_get_result:
        task.enqueue(*args)
        return True
    with exclusive_write():
        marker, _ = QueuedTask.objects.select_for_update().get_or_create(key=key)
        if marker.result_id and _is_pending(task, marker.result_id):
            return False
        result = task.enqueue(*args)
        marker.result_id = str(result.id)
        marker.enqueued_at = timezone.now()
        marker.save(update_fields=["result_id", "enqueued_at"])
    return True


def _is_pending(task, result_id: str) -> bool:
    try:
        return task.get_result(result_id).status in PENDING
    except TaskResultDoesNotExist:
        return False  # pruned, expired (RQ) or from another backend: queue anew
