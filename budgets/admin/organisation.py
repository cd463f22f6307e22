"""Regions, years, departments and their units, and which user belongs where."""

from django import forms
from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from budgets.admin.scoping import DepartmentScopedAdminMixin
from budgets.admin.workflow import DraftOnlyMixin
from budgets.models import BudgetUnit, Department, FiscalYear, Region, StaffProfile
from budgets.models.registry import edit_refusal, units_refusal
from budgets.selectors import managed_region_id, users_visible


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ("year",)


class BudgetUnitInline(admin.TabularInline):
    """The department's units; frozen while a budget of the department is 已提交."""

    model = BudgetUnit
    extra = 0
    fields = ("code", "name", "kind", "grade", "funding_form")

    def _editable(self, request, department) -> bool:
        if request.user.is_superuser or department is None or department.pk is None:
            return True
        return units_refusal(department.pk) is None

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and self._editable(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._editable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._editable(request, obj)


@admin.register(Department)
class DepartmentAdmin(DepartmentScopedAdminMixin, admin.ModelAdmin):
    department_path = ""
    list_display = ("code", "name", "region")
    list_filter = ("region",)
    search_fields = ("code", "name")
    inlines = [BudgetUnitInline]


@admin.register(BudgetUnit)
class BudgetUnitAdmin(DraftOnlyMixin, DepartmentScopedAdminMixin, SimpleHistoryAdmin):
    """Units of the visible departments; locked (read-only) while a budget of the unit's
    department is 已提交 — the registry's state lock, see ``budgets/models/registry.py``."""

    list_display = ("code", "name", "kind", "grade", "funding_form", "department")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    autocomplete_fields = ("department",)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        unit = self.get_object(request, object_id)
        if unit is not None and (refusal := edit_refusal(unit)) and request.method == "GET":
            self.message_user(request, refusal, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)


class StaffProfileForm(forms.ModelForm):
    """A profile always places its user somewhere: without one nobody but a superuser sees it."""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("department") and not cleaned.get("region"):
            raise forms.ValidationError("请选择所属部门或所属财政部门（行政区划）。")
        if cleaned.get("department") and cleaned.get("region"):
            raise forms.ValidationError("所属部门和所属财政部门（行政区划）只能选择一项。")
        return cleaned


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    form = StaffProfileForm
    list_display = ("user", "department", "region")
    autocomplete_fields = ("user", "department", "region")

    def get_queryset(self, request):
        """The finance bureau manages the staff of its own region only (never superusers)."""
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(user__in=users_visible(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser:
            region = managed_region_id(request.user)
            if db_field.name == "user":
                # Also what the autocomplete offers: no adopting of other regions' accounts.
                kwargs["queryset"] = users_visible(request.user)
            elif db_field.name in ("department", "region"):
                model = db_field.related_model
                lookup = {"pk": region} if db_field.name == "region" else {"region_id": region}
                kwargs["queryset"] = model.objects.filter(**lookup)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
