"""The admin's 后台任务状态 page: queue counts, the oldest waiting task, worker heartbeats.

It is the change list of ``WorkerHeartbeat`` (one row per worker) with the queue summary
above it; nothing can be added, changed or deleted here. Superusers and 财政管理员 see it.
"""

from django.contrib import admin

from background.models import WorkerHeartbeat
from background.selectors import queue_status
from budgets.services.roles import FINANCE_GROUP


def _may_see(request) -> bool:
    user = request.user
    return (
        user.is_active
        and user.is_staff
        and (user.is_superuser or user.groups.filter(name=FINANCE_GROUP).exists())
    )


@admin.register(WorkerHeartbeat)
class WorkerHeartbeatAdmin(admin.ModelAdmin):
    change_list_template = "admin/background/workerheartbeat/change_list.html"
    list_display = ("hostname", "pid", "worker_id", "started_at", "seen_at")
    readonly_fields = list_display
    actions = None

    def has_module_permission(self, request) -> bool:
        return _may_see(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return _may_see(request)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        try:
            status = queue_status()
        except Exception:  # noqa: BLE001  (e.g. Redis down: the page says so, no 500)
            status = None
        context = {"queue_status": status, "title": "后台任务状态", **(extra_context or {})}
        return super().changelist_view(request, context)
