from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "disclosures"
    verbose_name = "预算公开"
