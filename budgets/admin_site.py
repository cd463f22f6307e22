"""The project's admin site: Django's, with catalogue pickers that show the whole path.

Django's autocomplete view is the admin site's, not a ModelAdmin's, so the path label of
catalogue options (``210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行``) is
served by overriding ``AdminSite.autocomplete_view``; ``BudgetsAdminConfig`` installs this
site as ``admin.site`` (settings.py replaces ``django.contrib.admin`` with it).
"""

from django.contrib.admin.apps import AdminConfig
from django.contrib.admin.sites import AdminSite


class BudgetsAdminSite(AdminSite):
    @property
    def login_form(self):
        # Imported here: this module is loaded with the app registry, before the models.
        from budgets.admin.staff_forms import StaffLoginForm

        return StaffLoginForm

    def autocomplete_view(self, request):
        # Imported here: this module is loaded with the app registry, before the models.
        from budgets.admin.autocomplete import PathAutocompleteJsonView

        return PathAutocompleteJsonView.as_view(admin_site=self)(request)


class BudgetsAdminConfig(AdminConfig):
    default_site = "budgets.admin_site.BudgetsAdminSite"
