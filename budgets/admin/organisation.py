"""Regions, years, departments and their units, and which user belongs where."""

from django.contrib import admin
from django.db.models import Q

from budgets.admin.scoping import DepartmentScopedAdminMixin
from budgets.models import BudgetUnit, Department, FiscalYear, Region, StaffProfile


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


@admin.register(FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ("year",)


class BudgetUnitInline(admin.TabularInline):
    model = BudgetUnit
    extra = 0
    fields = ("code", "name", "kind")


@admin.register(Department)
class DepartmentAdmin(DepartmentScopedAdminMixin, admin.ModelAdmin):
    department_path = ""
    list_display = ("code", "name", "region")
    list_filter = ("region",)
    search_fields = ("code", "name")
    inlines = [BudgetUnitInline]


@admin.register(BudgetUnit)
class BudgetUnitAdmin(DepartmentScopedAdminMixin, admin.ModelAdmin):
    list_display = ("code", "name", "kind", "department")
    list_filter = ("kind",)
    search_fields = ("code", "name")
    autocomplete_fields = ("department",)


@admin.register(StaffProfile)
class StaffProfileAdmin(admin.ModelAdmin):
    list_display = ("user", "department", "region")
    autocomplete_fields = ("user", "department", "region")

    def _own_region(self, request):
        profile = getattr(request.user, "staff_profile", None)
        return profile.region_id if profile else None

    def get_queryset(self, request):
        """The finance bureau manages the staff of its own region only."""
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        region = self._own_region(request)
        return queryset.filter(Q(region_id=region) | Q(department__region_id=region))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if not request.user.is_superuser and db_field.name in ("department", "region"):
            region = self._own_region(request)
            model = db_field.related_model
            lookup = {"pk": region} if db_field.name == "region" else {"region_id": region}
            kwargs["queryset"] = model.objects.filter(**lookup)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
