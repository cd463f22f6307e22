"""Reads about background work: queue counts, worker heartbeats, overall health."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Q
from django.utils import timezone
from django_tasks import TaskResultStatus, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from background.models import WorkerHeartbeat


@dataclass
class WorkerSeen:
    name: str
    seen_at: datetime.datetime


@dataclass
class QueueStatus:
    """What the default task backend's queue looks like now."""

    backend: str  # "database", "rq" or another backend's class name
    queued: int = 0
    running: int = 0
    failed: int = 0
    oldest_queued_at: datetime.datetime | None = None
    workers: list[WorkerSeen] = field(default_factory=list)
    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def last_heartbeat(self) -> datetime.datetime | None:
        return max((w.seen_at for w in self.workers), default=None)

    @property
    def oldest_queued_seconds(self) -> int | None:
        return _age(self.now, self.oldest_queued_at)

    @property
    def heartbeat_age_seconds(self) -> int | None:
        return _age(self.now, self.last_heartbeat)

    def heartbeat_age_seconds_of(self, worker: WorkerSeen) -> int | None:
        return _age(self.now, worker.seen_at)

    @property
    def stale(self) -> bool:
        """Work has waited too long while no worker loop has been seen for as long."""
        limit = settings.HEALTHZ_QUEUE_STALE_SECONDS
        waiting = self.oldest_queued_seconds
        if waiting is None or waiting <= limit:
            return False
        beat = self.heartbeat_age_seconds
        return beat is None or beat > limit


def _age(now, moment) -> int | None:
    return None if moment is None else max(0, int((now - moment).total_seconds()))


def queue_status() -> QueueStatus:
    """Counts of the default backend's queue; raises if its store cannot be reached."""
    backend = task_backends["default"]
    if isinstance(backend, DatabaseBackend):
        return _database_status(backend.alias)
    if type(backend).__name__ == "RQBackend":
        return _rq_status(backend)
    return QueueStatus(backend=type(backend).__name__)


def _database_status(alias: str) -> QueueStatus:
    results = DBTaskResult.objects.filter(backend_name=alias)
    counts = results.aggregate(
        running=Count("pk", filter=Q(status=TaskResultStatus.RUNNING)),
        failed=Count("pk", filter=Q(status=TaskResultStatus.FAILED)),
    )
    ready = results.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    workers = [
        WorkerSeen(f"{beat.hostname}:{beat.pid}", beat.seen_at)
        for beat in WorkerHeartbeat.objects.all()[:20]
    ]
    return QueueStatus(
        backend="database", queued=ready.count(), oldest_queued_at=oldest, workers=workers, **counts
    )


def _rq_status(backend) -> QueueStatus:
    import django_rq
    from rq import Worker

    status = QueueStatus(backend="rq")
    for name in sorted(backend.queues):
        queue = django_rq.get_queue(name)
        status.queued += queue.count
        status.running += len(queue.started_job_registry)
        status.failed += len(queue.failed_job_registry)
        first = queue.get_jobs(0, 1)
        if first and first[0].enqueued_at:
            moment = _aware(first[0].enqueued_at)
            status.oldest_queued_at = min(filter(None, [status.oldest_queued_at, moment]))
        for worker in Worker.all(queue=queue):
            if worker.last_heartbeat:
                status.workers.append(WorkerSeen(worker.name, _aware(worker.last_heartbeat)))
    return status


def _aware(moment: datetime.datetime) -> datetime.datetime:
    # RQ writes UTC; older versions hand it back without a time zone.
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def health() -> dict[str, object]:
    """The /healthz answer: database and queue, nothing secret (no names, hosts, errors)."""
    database = "ok" if database_ok() else "error"
    queue: dict[str, object]
    try:
        status = queue_status()
    except Exception:  # noqa: BLE001  (the queue's store is down: report it, never raise)
        queue = {"status": "error"}
    else:
        queue = {
            "status": "stale" if status.stale else "ok",
            "backend": status.backend,
            "queued": status.queued,
            "running": status.running,
            "failed": status.failed,
            "oldest_queued_seconds": status.oldest_queued_seconds,
            "heartbeat_age_seconds": status.heartbeat_age_seconds,
        }
    healthy = database == "ok" and queue["status"] == "ok"
    return {"status": "ok" if healthy else "error", "database": database, "queue": queue}
