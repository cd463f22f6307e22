from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "disclosures"
    verbose_name = "预算公开"

    def ready(self):
        from budgets.signals import budget_published, budget_transition_requested
        from disclosures.services.publishing import on_budget_published, on_transition_requested

        budget_transition_requested.connect(
            on_transition_requested, dispatch_uid="disclosures_checks_gate"
        )
        budget_published.connect(on_budget_published, dispatch_uid="disclosures_publication")
