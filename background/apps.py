from django.apps import AppConfig


class BackgroundConfig(AppConfig):
    """Background work: the resilient task worker, its heartbeat, queue status and /healthz."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "background"
    verbose_name = "后台任务"
