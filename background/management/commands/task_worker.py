"""``python manage.py task_worker``: work the database task queue, surviving database trouble."""

import logging

from django.conf import settings
from django.core.management.base import CommandError
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from background.worker import ResilientWorker


class Command(DbWorkerCommand):
    help = (
        "运行后台任务进程（数据库队列）：数据库暂时故障时重连重试，写心跳，"
        "重新排队被中断的任务。由 scripts/start.sh 启动并在退出后重启。"
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        # Every queue by default; no autoreloader: under it a dead loop left a live process
        # (restarting is the supervisor's job, see scripts/start.sh).
        parser.set_defaults(queue_name="*", reload=False)

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        ours = logging.getLogger("background")
        ours.setLevel(logging.WARNING if verbosity == 0 else logging.INFO)
        if not ours.hasHandlers():
            ours.addHandler(logging.StreamHandler(self.stdout))

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, **options) -> None:
        self.configure_logging(verbosity)
        if reload:
            raise CommandError("task_worker 不支持 --reload：请由 scripts/start.sh 负责重启。")
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues 只能与 --queue-name='*' 一起使用。")
        worker = ResilientWorker(
            queue_names=queue_names,
            excluded_queue_names=excluded,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            heartbeat_seconds=settings.TASKS_HEARTBEAT_SECONDS,
        )
        worker.configure_signals()
        worker.run()
