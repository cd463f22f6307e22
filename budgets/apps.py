from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _sync_roles(sender, **kwargs):
    """After every migrate, the role groups hold exactly their permissions."""
    from budgets.services.roles import roles_setup

    roles_setup()


class BudgetsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "budgets"
    verbose_name = "部门预算"

    def ready(self):
        post_migrate.connect(_sync_roles, sender=self, dispatch_uid="budgets-sync-roles")
