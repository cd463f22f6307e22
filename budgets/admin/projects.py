"""The project page: a project's lines (项目支出明细) and performance indicators."""

from django.contrib import admin, messages
from django.db.models import Sum
from simple_history.admin import SimpleHistoryAdmin

from budgets.admin.lines import ProjectLineInline, warn_about_cross_kind_pairs
from budgets.admin.locking import LockedAdminMixin
from budgets.admin.rows import BudgetRowsImportExportMixin
from budgets.admin.scoping import DepartmentScopedAdminMixin, OwnUnitsAdminMixin
from budgets.admin.workflow import DraftOnlyMixin
from budgets.fields import quantize
from budgets.formatting import format_amount
from budgets.models import BudgetStatus, Project, ProjectIndicator, ProjectPlan, ProjectText
from budgets.validation import spending_plan_problems
from budgets.workbook.resources import ProjectResource


class ProjectIndicatorInline(LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    model = ProjectIndicator
    extra = 0
    fields = (
        "position",
        "horizon",
        "goal_name",
        "level1",
        "level2",
        "level3",
        "value_y2",
        "value_y1",
        "value",
        "description",
        "basis",
        "standard",
    )


class ProjectTextInline(LockedAdminMixin, DraftOnlyMixin, admin.StackedInline):
    model = ProjectText
    extra = 0
    fields = ("key", "text")
    verbose_name_plural = "项目说明（设立依据、主要内容、测算依据、中期和年度目标等）"


class ProjectPlanInline(LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    model = ProjectPlan
    extra = 0
    fields = ("year", "row", "amount")
    verbose_name_plural = (
        "项目中期规划（预算年度之后两个年度的资金来源和支出明细；当年数由支出明细自动汇总）"
    )


@admin.register(Project)
class ProjectAdmin(
    OwnUnitsAdminMixin,
    BudgetRowsImportExportMixin,
    LockedAdminMixin,
    DraftOnlyMixin,
    DepartmentScopedAdminMixin,
    SimpleHistoryAdmin,
):
    department_path = "budget__department"
    resource_classes = [ProjectResource]
    list_display = ("code", "name", "unit", "kind", "lines_total", "budget")
    list_filter = ("kind", "budget__fiscal_year")
    search_fields = ("code", "name", "unit__name")
    autocomplete_fields = ("budget",)  # units: a short list of the budget's department
    fieldsets = (
        (
            None,
            {"fields": ("budget", "unit", "code", "name", "kind", "declared_total", "position")},
        ),
        (
            "资金用途、绩效目标和资金支出计划（河北格式的绩效目标表）",
            {
                "fields": (
                    "purpose",
                    "objective",
                    ("plan_march", "plan_june", "plan_october", "plan_december"),
                )
            },
        ),
        (
            "项目绩效目标表信息（湖北格式等使用，可选）",
            {
                "classes": ("collapse",),
                "fields": (
                    ("manager", "phone", "postcode"),
                    ("category", "spending_type", "attribute"),
                    ("start_year", "end_year"),
                    "total_budget",
                ),
            },
        ),
    )
    inlines = [ProjectLineInline, ProjectTextInline, ProjectPlanInline, ProjectIndicatorInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("budget__department", "budget__fiscal_year", "unit")
            .annotate(lines_sum=Sum("lines__amount"))
        )

    @admin.display(description="项目金额（万元）", ordering="lines_sum")
    def lines_total(self, project):
        return format_amount(quantize(project.lines_sum), blank_zero=False)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "budget" and not request.user.is_superuser:
            field.queryset = field.queryset.filter(status=BudgetStatus.DRAFT)  # drafts only
        return field

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        initial.setdefault("kind", "特定目标类")
        return initial

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # A plan being filled in is checked at once (a warning: it may be completed later).
        if any(value is not None for _, value in obj.spending_plan):
            for problem in spending_plan_problems(obj.spending_plan):
                self.message_user(request, f"项目“{obj.name}”：{problem}", messages.WARNING)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        warn_about_cross_kind_pairs(request, formset, self.message_user)
