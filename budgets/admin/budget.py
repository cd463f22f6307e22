"""The budget page: everything a clerk enters for one department-year, in Chinese."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from budgets.admin.lines import BasicLineInline, OtherLineInline, warn_about_cross_kind_pairs
from budgets.admin.locking import LockedAdminMixin
from budgets.admin.progress import budget_findings_context
from budgets.admin.scoping import DepartmentScopedAdminMixin, OwnUnitsInlineMixin
from budgets.admin.workbook import BudgetWorkbookAdminMixin
from budgets.admin.workflow import (
    AuditAdminMixin,
    DraftOnlyMixin,
    TransitionInline,
    WorkflowAdminMixin,
)
from budgets.entry.admin import BudgetEntryAdminMixin
from budgets.formatting import format_amount
from budgets.models import (
    AssetHolding,
    Budget,
    DepartmentGoal,
    DepartmentIndicator,
    DepartmentTask,
    NarrativeSection,
    PerformanceGoal,
    PriorYearFigures,
    PriorYearTotals,
    ProcurementItem,
    Project,
    TransferPayment,
)
from budgets.selectors import annotated_totals, budget_summaries_queryset


class PriorYearInline(LockedAdminMixin, DraftOnlyMixin, admin.StackedInline):
    model = PriorYearFigures
    extra = 1
    max_num = 1
    can_delete = False
    verbose_name_plural = "上年对比数（万元）"


class PriorYearTotalsInline(LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    model = PriorYearTotals
    extra = 0
    max_num = 2
    fields = ("year", "appropriation", "other_funds", "basic", "project")
    verbose_name_plural = "近两年收支金额（预算年度之前两个年度，万元；未知留空）"


class NarrativeInline(LockedAdminMixin, DraftOnlyMixin, admin.StackedInline):
    model = NarrativeSection
    extra = 0
    verbose_name_plural = "文字说明（主要职责、机构设置、名词解释、增减原因等）"


class ProjectListInline(admin.TabularInline):
    """Projects are edited on their own page (lines and indicators); listed here with links."""

    model = Project
    extra = 0
    fields = ("code", "name", "unit", "kind", "edit_link")
    readonly_fields = fields
    can_delete = False
    show_change_link = True
    verbose_name_plural = "项目支出（点击进入项目页填写明细和绩效指标）"

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="操作")
    def edit_link(self, project):
        url = reverse("admin:budgets_project_change", args=[project.pk])
        return format_html('<a href="{}">编辑明细和绩效指标</a>', url)


class PerformanceGoalInline(LockedAdminMixin, DraftOnlyMixin, admin.StackedInline):
    model = PerformanceGoal
    extra = 1
    max_num = 1
    verbose_name_plural = "部门整体绩效目标：年度履职目标"


class DepartmentTaskInline(LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    model = DepartmentTask
    extra = 0
    fields = ("position", "name", "content", "indicators")


class DepartmentGoalInline(LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    model = DepartmentGoal
    extra = 0
    fields = ("horizon", "number", "text")
    verbose_name_plural = (
        "整体绩效分目标（长期目标1、2…，年度目标1、2…；指标在下表中选择所属分目标）"
    )


class DepartmentIndicatorInline(LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    model = DepartmentIndicator
    extra = 0
    fields = (
        "position",
        "goal",
        "level1",
        "level2",
        "level3",
        "value_y2",
        "value_y1",
        "value",
        "standard",
        "explanation",
    )

    def get_formset(self, request, obj=None, **kwargs):
        self._parent_budget = obj
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "goal":  # only the goals of this budget
            budget = getattr(self, "_parent_budget", None)
            kwargs["queryset"] = DepartmentGoal.objects.filter(
                budget_id=budget.pk if budget is not None else None
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ProcurementInline(OwnUnitsInlineMixin, DraftOnlyMixin, admin.TabularInline):
    model = ProcurementItem
    extra = 0
    fields = (
        "unit",
        "project",
        "category",
        "item",
        "catalogue_code",
        "measure_unit",
        "quantity",
        "unit_price",
        "amount",
        "funding_source",
        "sme_amount",
        "is_new_asset",
    )

    def get_formset(self, request, obj=None, **kwargs):
        self._budget_id = obj.pk if obj is not None else None
        return super().get_formset(request, obj, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "project":  # the budget's own projects only
            budget_id = getattr(self, "_budget_id", None)
            kwargs["queryset"] = Project.objects.filter(budget_id=budget_id).select_related("unit")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AssetInline(DraftOnlyMixin, admin.TabularInline):
    model = AssetHolding
    extra = 0
    fields = ("category", "quantity", "value", "as_of")


class TransferPaymentInline(DraftOnlyMixin, admin.TabularInline):
    model = TransferPayment
    extra = 0
    fields = ("position", "name", "amount")


@admin.register(Budget)
class BudgetAdmin(
    BudgetEntryAdminMixin,
    BudgetWorkbookAdminMixin,
    AuditAdminMixin,
    WorkflowAdminMixin,
    LockedAdminMixin,
    DraftOnlyMixin,
    DepartmentScopedAdminMixin,
    SimpleHistoryAdmin,
):
    list_display = ("department", "year_display", "status", "total", "basic", "project")
    list_filter = ("fiscal_year", "status", "department__region")
    search_fields = ("department__name", "department__code")
    autocomplete_fields = ("department",)
    readonly_fields = ("status", "created_at", "updated_at")
    fields = (
        "department",
        "fiscal_year",
        "status",
        "cover_date",
        "disclosure_format",
        "created_at",
        "updated_at",
    )
    inlines = [
        PriorYearInline,
        PriorYearTotalsInline,
        NarrativeInline,
        BasicLineInline,
        OtherLineInline,
        ProjectListInline,
        PerformanceGoalInline,
        DepartmentTaskInline,
        DepartmentGoalInline,
        DepartmentIndicatorInline,
        ProcurementInline,
        AssetInline,
        TransferPaymentInline,
        TransitionInline,
    ]

    def get_queryset(self, request):
        return self.scope(request, budget_summaries_queryset())

    @admin.display(description="预算年度", ordering="fiscal_year__year")
    def year_display(self, budget):
        return budget.fiscal_year.year

    @admin.display(description="支出合计（万元）")
    def total(self, budget):
        return format_amount(annotated_totals(budget).total, blank_zero=False)

    @admin.display(description="基本支出（万元）")
    def basic(self, budget):
        return format_amount(annotated_totals(budget).basic, blank_zero=False)

    @admin.display(description="项目支出（万元）")
    def project(self, budget):
        return format_amount(annotated_totals(budget).project, blank_zero=False)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = extra_context or {}
        budget = self.get_object(request, object_id)
        if budget is not None:
            extra_context.update(budget_findings_context(budget))
            extra_context.update(self.workflow_context(request, budget))
        return super().change_view(request, object_id, form_url, extra_context)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        warn_about_cross_kind_pairs(request, formset, self.message_user)
