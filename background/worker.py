"""The database-queue worker that keeps working through database trouble.

django-tasks-db's ``Worker`` ends its loop on the first database error it does not expect
(a terminated PostgreSQL connection, ``BEGIN EXCLUSIVE`` on a locked SQLite file) — and
under the autoreloader the process stays alive doing nothing. This subclass runs the same
claim → run → record cycle, but:

- a transient database error anywhere in the cycle closes the connections, waits (0.5 s,
  doubling up to 30 s) and carries on; other errors end the process, which
  ``scripts/start.sh`` restarts;
- the loop writes a heartbeat every ``TASKS_HEARTBEAT_SECONDS`` and then re-queues tasks
  left RUNNING by workers not seen for ``TASKS_STALE_SECONDS`` (killed mid-task);
- a task whose outcome could not be written is put back in the queue (tasks are
  idempotent), rather than being left RUNNING.
"""

import logging
import random
import time

from django.db import DatabaseError, close_old_connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from background.retry import TRANSIENT_DATABASE_ERRORS, connections_reset, exclusive_write
from background.services import (
    heartbeat_remove,
    heartbeat_touch,
    task_requeue,
    tasks_requeue_stale,
)

logger = logging.getLogger("background")
MAX_BACKOFF = 30.0


class ResilientWorker(Worker):
    def __init__(self, *, heartbeat_seconds: float, **kwargs):
        super().__init__(**kwargs)
        self.heartbeat_seconds = heartbeat_seconds
        self.started_at = timezone.now()
        self._next_beat = 0.0
        self._failures = 0

    def run(self) -> None:
        logger.info("后台任务进程 %s 启动，队列：%s", self.worker_id, ",".join(self.queue_names))
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311  (no thundering herd after a restart)
        try:
            while self.running:
                try:
                    carry_on = self._cycle()
                except TRANSIENT_DATABASE_ERRORS as error:
                    self._recover(error)
                    continue
                self._failures = 0
                if not carry_on:
                    return
        finally:
            self._forget()

    def _cycle(self) -> bool:
        """One turn of the loop; False when a batch or ``--max-tasks`` run is done."""
        close_old_connections()
        self._beat()
        task_result = self._claim()
        if task_result is not None:
            self.run_task(task_result)
        elif self.batch:
            logger.info("队列已空，批处理结束。")
            return False
        if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
            return False
        close_old_connections()
        if self.running and task_result is None:
            time.sleep(self.interval)
        return True

    def _beat(self) -> None:
        if time.monotonic() < self._next_beat:
            return
        heartbeat_touch(worker_id=self.worker_id, started_at=self.started_at)
        requeued, failed = tasks_requeue_stale(backend_name=self.backend_name)
        if requeued or failed:
            logger.warning("中断的任务：重新排队 %d 个，标记失败 %d 个。", requeued, failed)
        self._next_beat = time.monotonic() + self.heartbeat_seconds

    def _claim(self) -> DBTaskResult | None:
        """Take the next ready task (as the library does, but errors reach ``run``)."""
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        with exclusive_write(tasks.db):
            task_result = tasks.get_locked()
            if task_result is not None:
                task_result.claim(self.worker_id)
        return task_result

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            super().run_task(db_task_result)
        except TRANSIENT_DATABASE_ERRORS as error:
            # The task ran but its outcome could not be written, even after the library's
            # own retries: reconnect and queue it again. If that fails too, the error goes
            # to ``run`` and the stale sweep re-queues the task after the timeout.
            logger.warning("任务 %s 的结果无法写入（%s），重新排队。", db_task_result.pk, error)
            connections_reset()
            task_requeue(result_id=db_task_result.pk)

    def _recover(self, error: Exception) -> None:
        self._failures += 1
        wait = min(MAX_BACKOFF, 0.5 * 2 ** (self._failures - 1))
        logger.warning("数据库暂时不可用（%s），%.1f 秒后重试。", error, wait)
        connections_reset()
        self._next_beat = 0.0  # beat again as soon as the database answers
        if self.running:
            time.sleep(wait)

    def _forget(self) -> None:
        try:
            heartbeat_remove(worker_id=self.worker_id)
        except DatabaseError:
            logger.warning("退出时无法删除心跳记录（数据库不可用）。")
