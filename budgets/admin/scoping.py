"""Who sees what in the admin: a clerk sees only their own department's data.

Scoping is done in ``get_queryset``, which Django's admin also uses for change pages,
deletes and autocomplete, so another department's objects are invisible everywhere.
"""

from typing import Any, Protocol

from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet

from budgets.models import Department
from budgets.selectors import visible_departments


class _ObjectAdmin(Protocol):
    """What ``_check_visible`` needs of the ModelAdmin the mixin is mixed into."""

    def get_object(self, request: Any, object_id: str, from_field: Any = ...) -> Model | None: ...


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

    def _check_visible(self: _ObjectAdmin, request, object_id) -> None:
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


OWN_UNIT_CHOICE = "预算单位必须属于本部门，请从列表中选择本部门的预算单位。"


def own_units_field(field, department_id):
    """Offer only the units of ``department_id`` (the budget's department) in ``field``.

    Without a department (a new budget before its department is chosen) the field keeps
    its scoped list; the model's ``clean()`` refuses a unit of another department then.
    A unit posted from outside the list gets the Chinese field message, not Django's.
    """
    if field is None:
        return field
    if department_id is not None:
        field.queryset = field.queryset.filter(department_id=department_id)
    field.error_messages["invalid_choice"] = OWN_UNIT_CHOICE
    return field


class OwnUnitsInlineMixin:
    """For inlines with a ``unit`` field: only the parent budget's (or project's) units.

    ``get_formset`` runs per request before the form fields are built, with the parent
    (for an added budget: the unsaved one, its department already chosen on POST).
    """

    def get_formset(self, request, obj=None, **kwargs):
        from budgets.models.registry import department_of

        department = department_of(obj) if obj is not None else None
        self._unit_department_id = department.pk if department is not None else None
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        from budgets.models import BudgetUnit

        if db_field.related_model is BudgetUnit and "queryset" not in kwargs:
            kwargs["queryset"] = BudgetUnit.objects.filter(
                department__in=visible_departments(request.user)
            )
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.related_model is BudgetUnit:
            field = own_units_field(field, getattr(self, "_unit_department_id", None))
        return field


class OwnUnitsAdminMixin:
    """For ModelAdmins with a ``unit`` field: on an existing object only the units of its
    budget's department are offered (a new one: the visible departments', checked by the
    model's ``clean()`` against the chosen budget)."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        from budgets.models.registry import department_of

        form = super().get_form(request, obj, change=change, **kwargs)
        department = department_of(obj) if obj is not None else None
        own_units_field(form.base_fields.get("unit"), department.pk if department else None)
        return form
