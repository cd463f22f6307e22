from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _refresh_roles(sender, **kwargs):
    """Keep the groups' permissions in step with the models after every ``migrate``.

    Runs once per app (permissions of later apps appear only after their turn); cheap.
    """
    from budgets.services.roles import roles_setup

    roles_setup()


class BudgetsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "budgets"
    verbose_name = "部门预算"

    def ready(self):
        post_migrate.connect(_refresh_roles, dispatch_uid="budgets_refresh_roles")
