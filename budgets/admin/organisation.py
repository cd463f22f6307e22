"""Regions, years, departments and their units, and which user belongs where."""

from django.contrib import admin

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
