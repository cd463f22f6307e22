"""Per-model Excel import/export of budget rows (django-import-export, the workbook's resources).

Export gives the rows the user sees (scoped by department like the rest of the admin)
under the workbook's Chinese headers. Import appends rows to one draft budget the user
chooses among the budgets of their own departments; codes are resolved against that
budget (its units, its projects, the catalogue of its year), loaded once per import.
"""

from typing import ClassVar

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from import_export.admin import ImportExportMixin
from import_export.forms import ConfirmImportForm, ImportForm, SelectableFieldsExportForm

from budgets.admin.lines import LINE_FIELDS, SUBJECT_FIELDS
from budgets.admin.locking import LockedAdminMixin
from budgets.admin.scoping import (
    DepartmentScopedAdminMixin,
    OwnUnitsAdminMixin,
    visible_departments,
)
from budgets.admin.workflow import DraftOnlyMixin
from budgets.models import Budget, BudgetStatus, ExpenditureLine, ProjectIndicator
from budgets.safe_cells import EXPORT_FORMATS
from budgets.uploads import GuardedImportAdminMixin, GuardedImportFormMixin
from budgets.workbook.resources import (
    BasicLineResource,
    BudgetLookups,
    ProjectIndicatorResource,
    ProjectLineResource,
)

BUDGET_HELP = "只能导入到本部门的草稿预算；导入的行追加到该预算，不替换已有数据。"


def _draft_budget(budget: Budget) -> Budget:
    if budget.status != BudgetStatus.DRAFT:
        raise ValidationError(
            f"“{budget}”{budget.get_status_display()}，只能导入到草稿预算；"
            "请先退回或重新打开为草稿。"
        )
    return budget


class BudgetImportForm(GuardedImportFormMixin, ImportForm):
    """The import form with the draft budget the rows go into."""

    budget = forms.ModelChoiceField(
        queryset=Budget.objects.none(), label="导入到部门预算", help_text=BUDGET_HELP
    )
    field_order = ["budget", "resource", "import_file", "format"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # django-import-export's zh-Hans catalogue leaves this label in English.
        if "resource" in self.fields:
            self.fields["resource"].label = "工作表"

    def clean_budget(self):
        return _draft_budget(self.cleaned_data["budget"])


class BudgetConfirmImportForm(ConfirmImportForm):
    """The confirmation step carries the budget again (checked again)."""

    budget = forms.ModelChoiceField(queryset=Budget.objects.none(), widget=forms.HiddenInput)

    def clean_budget(self):
        return _draft_budget(self.cleaned_data["budget"])


class HeaderLabelledExportForm(SelectableFieldsExportForm):
    """The export form with each column offered under its Chinese header."""

    def _get_field_label(self, resource, field_name: str) -> str:
        field = resource.fields.get(field_name)
        return field.column_name if field is not None else field_name


class BudgetRowsImportExportMixin(GuardedImportAdminMixin, ImportExportMixin):
    """Import/export of a budget-row model through the workbook's resources."""

    import_form_class = BudgetImportForm
    confirm_form_class = BudgetConfirmImportForm
    export_form_class = HeaderLabelledExportForm
    export_formats = EXPORT_FORMATS  # texts like "=HYPERLINK(…)" never become formulas

    def _budgets(self, request):
        departments = visible_departments(request.user)
        return Budget.objects.filter(department__in=departments).select_related(
            "department", "fiscal_year"
        )

    def create_import_form(self, request):
        form = super().create_import_form(request)
        form.fields["budget"].queryset = self._budgets(request)
        return form

    def create_confirm_form(self, request, import_form=None):
        form = super().create_confirm_form(request, import_form)
        form.fields["budget"].queryset = self._budgets(request)
        return form

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if import_form is not None:
            initial["budget"] = import_form.cleaned_data["budget"].pk
        return initial

    def get_import_resource_kwargs(self, request, **kwargs):
        form = kwargs.get("form")
        budget = getattr(form, "cleaned_data", {}).get("budget")
        return {"lookups": BudgetLookups(budget=budget)} if budget else {}

    def get_export_resource_kwargs(self, request, **kwargs):
        return {}


@admin.register(ExpenditureLine)
class ExpenditureLineAdmin(
    OwnUnitsAdminMixin,
    BudgetRowsImportExportMixin,
    LockedAdminMixin,
    DraftOnlyMixin,
    DepartmentScopedAdminMixin,
    admin.ModelAdmin,
):
    """支出明细 of every visible budget; lines are added on the budget or project page."""

    department_path = "budget__department"
    resource_classes = [BasicLineResource, ProjectLineResource]
    list_display: tuple[str, ...] = ("budget", "kind", "unit", "project", *SUBJECT_FIELDS)
    list_display += ("funding_source", "amount")
    list_filter = ("kind", "budget__fiscal_year", "funding_source")
    list_select_related = (
        "budget__department",
        "budget__fiscal_year",
        "unit",
        "project",
        *SUBJECT_FIELDS,
    )
    search_fields = ("unit__code", "unit__name", "project__code", "functional_subject__code")
    fields = ("budget", "kind", "project", *LINE_FIELDS, "cost_type_override")
    readonly_fields = ("budget", "kind", "project")
    autocomplete_fields = SUBJECT_FIELDS

    def has_add_permission(self, request):
        return False


@admin.register(ProjectIndicator)
class ProjectIndicatorAdmin(
    BudgetRowsImportExportMixin,
    LockedAdminMixin,
    DraftOnlyMixin,
    DepartmentScopedAdminMixin,
    admin.ModelAdmin,
):
    """项目绩效指标 of every visible budget; indicators are added on the project page."""

    department_path = "project__budget__department"
    resource_classes = [ProjectIndicatorResource]
    list_display = ("project", "level1", "level2", "level3", "value")
    list_filter = ("level1", "project__budget__fiscal_year")
    list_select_related = ("project",)
    search_fields = ("project__code", "project__name", "level3")
    fields: ClassVar[tuple[str, ...]] = (
        "project",
        "position",
        "level1",
        "level2",
        "level3",
        "value",
    )
    fields += ("description", "basis", "goal_name", "horizon", "value_y2", "value_y1", "standard")
    readonly_fields = ("project",)

    def has_add_permission(self, request):
        return False
