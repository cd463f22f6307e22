"""``python manage.py tasks_status``: the queue and its workers, for an operator's terminal."""

from django.core.management.base import BaseCommand, CommandError

from background.selectors import queue_status


def _ago(seconds: int | None, never: str) -> str:
    return never if seconds is None else f"{seconds} 秒前"


class Command(BaseCommand):
    help = "显示后台任务队列状态：排队、运行中、失败数，最早排队任务的等待时间和工作进程心跳。"

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--check", action="store_true", help="队列异常时以非零状态退出（供监控脚本使用）。"
        )

    def handle(self, *, check: bool, **options) -> None:
        try:
            status = queue_status()
        except Exception as error:  # noqa: BLE001  (database or Redis down: say so plainly)
            raise CommandError(f"无法读取任务队列：{error}") from error
        waited = status.oldest_queued_seconds
        lines = [
            f"队列后端：{status.backend}",
            f"排队中：{status.queued}　运行中：{status.running}　失败：{status.failed}",
            "最早排队的任务：" + ("无" if waited is None else f"已等待 {waited} 秒"),
            "工作进程最后心跳：" + _ago(status.heartbeat_age_seconds, "无（没有在运行的工作进程）"),
        ]
        lines += [
            f"　{w.name}：{_ago(status.heartbeat_age_seconds_of(w), '')}" for w in status.workers
        ]
        lines.append(
            "状态：" + ("异常：有任务排队过久而工作进程没有心跳" if status.stale else "正常")
        )
        self.stdout.write("\n".join(lines))
        if check and status.stale:
            raise CommandError("任务队列异常。")
