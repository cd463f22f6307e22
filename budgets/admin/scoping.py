"""Who sees what in the admin: a clerk sees only their own department's data.

Scoping is done in ``get_queryset``, which Django's admin also uses for change pages,
deletes and autocomplete, so another department's objects are invisible everywhere.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet

from budgets.models import Department
from budgets.selectors import visible_departments  # noqa: F401  (re-exported)


class DepartmentScopedAdminMixin:
    """Restrict a ModelAdmin (or inline) to objects of the user's departments.

    ``department_path`` is the lookup from the model to its Department
    (``"department"``, ``"budget__department"``, or ``""`` for Department itself).
    """

    department_path = "department"

    def scope(self, request, queryset: QuerySet) -> QuerySet:
        if request.user.is_superuser:
            return queryset
        lookup = f"{self.department_path}__in" if self.department_path else "pk__in"
        return queryset.filter(**{lookup: visible_departments(request.user)})

    def get_queryset(self, request):
        return self.scope(request, super().get_queryset(request))

    def history_view(self, request, object_id, extra_context=None):
        self._check_visible(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """simple-history's view of one past version (only exists on SimpleHistoryAdmin)."""
        self._check_visible(request, object_id)
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _check_visible(self, request, object_id) -> None:
        # History views look objects up without get_queryset: scope them explicitly.
        if self.get_object(request, object_id) is None:
            raise PermissionDenied

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        from budgets.models import Budget, BudgetUnit, Project

        departments = visible_departments(request.user)
        scoped = {
            Department: lambda: departments,
            Budget: lambda: Budget.objects.filter(department__in=departments),
            BudgetUnit: lambda: BudgetUnit.objects.filter(department__in=departments),
            Project: lambda: Project.objects.filter(budget__department__in=departments),
        }
        if db_field.related_model in scoped and "queryset" not in kwargs:
            kwargs["queryset"] = scoped[db_field.related_model]()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
