"""What the database knows about background work besides the queue itself."""

from django.db import models


class WorkerHeartbeat(models.Model):
    """One row per running worker process, touched from the worker loop.

    Written by the loop itself (not by a side thread), so a fresh heartbeat means the
    loop is really taking tasks, not merely that the process is alive.
    """

    worker_id = models.CharField("工作进程编号", max_length=64, unique=True)
    hostname = models.CharField("主机", max_length=255)
    pid = models.PositiveIntegerField("进程号")
    started_at = models.DateTimeField("启动时间")
    seen_at = models.DateTimeField("最后心跳", db_index=True)

    class Meta:
        verbose_name = "后台任务状态"
        verbose_name_plural = "后台任务状态"
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"


class QueuedTask(models.Model):
    """The last task queued under a key (e.g. one publication's PDFs): at most one pending.

    The unique key is what makes "queue it unless it is already queued" atomic across
    every web process, on either task backend (the queue itself may live in Redis).
    """

    key = models.CharField(max_length=100, unique=True)
    result_id = models.CharField(max_length=64, blank=True)
    enqueued_at = models.DateTimeField(null=True)

    class Meta:
        verbose_name = "排队任务标记"
        verbose_name_plural = "排队任务标记"

    def __str__(self) -> str:
        return self.key
