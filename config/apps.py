"""Third-party apps under Chinese names (the admin's sidebar and breadcrumbs).

Their field and model names are translated in ``locale/zh_Hans`` (they mark them for
translation); what they do not mark — the app names and django-axes' ``__str__`` of its
log records — is set here. INSTALLED_APPS names these classes instead of the packages.
"""

from axes.apps import AppConfig as AxesAppConfig
from django_tasks_db.apps import TasksAppConfig


def _when(record) -> str:
    return f"{record.attempt_time:%Y-%m-%d %H:%M}" if record.attempt_time else ""


def _attempt(record) -> str:
    return f"登录尝试：{record.username}（{_when(record)}）"


def _log(record) -> str:
    return f"登录记录：{record.username}（{_when(record)}）"


def _failure(record) -> str:
    return f"登录失败：{record.username}（{_when(record)}）" + (
        "，已锁定" if record.locked_out else ""
    )


class AxesConfig(AxesAppConfig):
    verbose_name = "登录安全（失败锁定）"

    def ready(self):
        super().ready()
        from axes.models import AccessAttempt, AccessFailureLog, AccessLog

        AccessAttempt.__str__ = _attempt
        AccessLog.__str__ = _log
        AccessFailureLog.__str__ = _failure


class TasksDatabaseConfig(TasksAppConfig):
    verbose_name = "任务队列记录"
