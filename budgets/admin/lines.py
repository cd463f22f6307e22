"""Inline editing of expenditure lines, shared by the budget page and the project page."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from budgets.admin.locking import LockedAdminMixin, LockVersionForm
from budgets.admin.scoping import OwnUnitsInlineMixin
from budgets.admin.workflow import DraftOnlyMixin
from budgets.fields import ZERO
from budgets.models import OTHER_LINE_KINDS, ExpenditureLine, LineKind
from budgets.validation import economic_pair_warning, project_total_error

LINE_FIELDS = (
    "unit",
    "functional_subject",
    "dept_economic",
    "gov_economic",
    "funding_source",
    "amount",
)
SUBJECT_FIELDS = ("functional_subject", "dept_economic", "gov_economic")


class ParentAwareFormSet(forms.BaseInlineFormSet):
    """Give every line its budget and kind before validation, so ``clean()`` can check it."""

    line_kind = LineKind.BASIC

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.kind = self.line_kind
        form.instance.budget_id = self.budget_id()
        return form

    def budget_id(self):
        return self.instance.pk


class BasicLineFormSet(ParentAwareFormSet):
    line_kind = LineKind.BASIC


class OtherLineFormSet(ParentAwareFormSet):
    """Lines that are neither basic nor project: the clerk chooses their kind."""

    def _construct_form(self, i, **kwargs):
        form = super(ParentAwareFormSet, self)._construct_form(i, **kwargs)
        form.instance.budget_id = self.budget_id()
        kind = form["kind"].value() if "kind" in form.fields else None
        form.instance.kind = kind if kind in OTHER_LINE_KINDS else LineKind.OTHER
        return form


class ProjectLineFormSet(ParentAwareFormSet):
    """Project lines: the budget is the project's, and the lines must add up to its total."""

    line_kind = LineKind.PROJECT

    def budget_id(self):
        return self.instance.budget_id

    def clean(self):
        super().clean()
        kept = [
            f
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("amount")
        ]
        total = sum((f.cleaned_data["amount"] for f in kept), ZERO)
        if message := project_total_error(self.instance.declared_total, total):
            raise ValidationError(message)


class BasicLineInline(OwnUnitsInlineMixin, LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    """基本支出 lines of a budget."""

    model = ExpenditureLine
    fk_name = "budget"
    formset = BasicLineFormSet
    fields = (*LINE_FIELDS, "cost_type_override")
    autocomplete_fields = SUBJECT_FIELDS
    extra = 0
    verbose_name = "基本支出明细"
    verbose_name_plural = "基本支出明细（人员经费、公用经费）"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(kind=LineKind.BASIC)
            .select_related("unit", "functional_subject", "dept_economic", "gov_economic")
        )


class OtherLineForm(LockVersionForm):
    kind = forms.ChoiceField(
        label="支出类型",
        choices=[(k.value, k.label) for k in OTHER_LINE_KINDS],
        initial=LineKind.OTHER,
    )

    class Meta:
        model = ExpenditureLine
        fields = ("kind", *LINE_FIELDS, "lock_version")


class OtherLineInline(OwnUnitsInlineMixin, LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    """事业单位经营支出, 其他支出 and 结转下年 lines of a budget (neither basic nor project)."""

    model = ExpenditureLine
    fk_name = "budget"
    form = OtherLineForm
    formset = OtherLineFormSet
    fields = ("kind", *LINE_FIELDS)
    autocomplete_fields = SUBJECT_FIELDS
    extra = 0
    verbose_name = "其他支出明细"
    verbose_name_plural = (
        "其他支出明细（事业单位经营支出、其他支出、结转下年；湖北格式表（三）等列示）"
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .filter(kind__in=OTHER_LINE_KINDS)
            .select_related("unit", "functional_subject", "dept_economic", "gov_economic")
        )


class ProjectLineInline(OwnUnitsInlineMixin, LockedAdminMixin, DraftOnlyMixin, admin.TabularInline):
    """项目支出 lines of one project."""

    model = ExpenditureLine
    fk_name = "project"
    formset = ProjectLineFormSet
    fields = LINE_FIELDS
    autocomplete_fields = SUBJECT_FIELDS
    extra = 1
    verbose_name = "项目支出明细"
    verbose_name_plural = "项目支出明细"

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("unit", "functional_subject", "dept_economic", "gov_economic")
        )


def warn_about_cross_kind_pairs(request, formset, message_user) -> None:
    """After saving lines, flag economic pairs meant for the other unit kind (not an error)."""
    if formset.model is not ExpenditureLine:
        return
    for form in formset.forms:
        line = form.instance
        if line.pk and form.has_changed() and (warning := economic_pair_warning(line)):
            message_user(request, f"提示：{warning}", level="warning")
