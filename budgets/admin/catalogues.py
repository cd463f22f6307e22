"""Catalogue administration: browse, search, and edit entries from XLSX/CSV.

An official edition of one year is loaded with a diff first (``editions.py``); the
row-by-row import here is for corrections of single entries.

An edition file goes through the upload guards (size, archive) before it is read, and its
codes and names are checked cell by cell: a row with a date, fraction or formula as code,
or without a name, is named in the preview and nothing of the file is written.
"""

from typing import ClassVar

from django.contrib import admin
from import_export import fields, resources, widgets
from import_export.admin import ImportExportModelAdmin
from import_export.forms import ImportForm

from budgets.admin.editions import EditionLoadAdminMixin
from budgets.models import EconomicCorrespondence, EconomicSubject, FunctionalSubject
from budgets.pickers import referring_budget, scope_to_budget, subject_search
from budgets.safe_cells import EXPORT_FORMATS
from budgets.services.catalogues import (
    CORRESPONDENCE_LEVELS,
    ECONOMIC_LEVELS,
    FUNCTIONAL_LEVELS,
    catalogue_code_clean,
    catalogue_name_clean,
)
from budgets.uploads import GuardedImportAdminMixin, GuardedImportFormMixin


class CodeWidget(widgets.CharWidget):
    def __init__(self, lengths, **kwargs):
        super().__init__(**kwargs)
        self.lengths = lengths

    def clean(self, value, row=None, **kwargs):
        return catalogue_code_clean(value, lengths=self.lengths)


class NameWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return catalogue_name_clean(value)


def _code(name: str, lengths) -> fields.Field:
    return fields.Field(attribute=name, column_name=name, widget=CodeWidget(lengths))


def _name() -> fields.Field:
    return fields.Field(attribute="name", column_name="name", widget=NameWidget())


class FunctionalSubjectResource(resources.ModelResource):
    code = _code("code", FUNCTIONAL_LEVELS)
    name = _name()

    class Meta:
        model = FunctionalSubject
        import_id_fields = ("code", "valid_from")
        fields = ("code", "name", "short_name", "valid_from", "valid_to")
        skip_unchanged = True


class EconomicSubjectResource(resources.ModelResource):
    code = _code("code", ECONOMIC_LEVELS)
    name = _name()

    class Meta:
        model = EconomicSubject
        import_id_fields = ("scheme", "code", "valid_from", "province")
        fields = ("scheme", "code", "name", "province", "valid_from", "valid_to")
        skip_unchanged = True


class EconomicCorrespondenceResource(resources.ModelResource):
    dept_code = _code("dept_code", CORRESPONDENCE_LEVELS)
    gov_code = _code("gov_code", CORRESPONDENCE_LEVELS)

    class Meta:
        model = EconomicCorrespondence
        import_id_fields = ("dept_code", "gov_code", "applies_to", "valid_from")
        fields = ("dept_code", "gov_code", "applies_to", "valid_from", "valid_to")
        skip_unchanged = True


class GuardedImportForm(GuardedImportFormMixin, ImportForm):
    """The import form with the upload size limit and the archive checks."""


class CatalogueImportAdmin(GuardedImportAdminMixin, ImportExportModelAdmin):
    import_form_class = GuardedImportForm
    export_formats = EXPORT_FORMATS  # a name like "=HYPERLINK(…)" never becomes a formula


class CatalogueAdmin(CatalogueImportAdmin):
    # Any tuple of field names: each catalogue's admin shows its own columns and filters.
    list_display: tuple[str, ...] = ("code", "name", "level", "valid_from", "valid_to")
    list_filter: ClassVar[tuple[str, ...]] = ("level", "valid_from", "valid_to")
    search_fields = ("code", "name")
    list_per_page = 100
    change_list_template = "admin/budgets/catalogue_change_list.html"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "source" and field is not None:
            field.help_text = (
                "代码，如 seed:000+002 表示与公开样例 000、002 逐字核对；"
                "edition:2022 表示按 2022 年版科目转录。"
            )
        return field

    @admin.display(description="来源", ordering="source")
    def source_label(self, subject) -> str:
        """``seed:000+002`` → 公开样例 000、002；``edition:2022`` → 2022 年版科目（README）."""
        kind, _, detail = subject.source.partition(":")
        if kind == "seed":
            return f"公开样例 {'、'.join(detail.split('+'))}"
        if kind == "edition":
            return f"{detail} 年版科目"
        return subject.source

    def get_search_results(self, request, queryset, search_term):
        # By code prefix, name or a 类/款 name, full-width digits folded, ranked (pickers.py).
        queryset = subject_search(queryset, search_term)
        if "field_name" in request.GET:  # an autocomplete: the budget's edition only
            queryset = scope_to_budget(queryset, referring_budget(request))
        # Autocomplete from an expenditure line offers only leaf entries (项 / 款).
        if request.GET.get("model_name") == "expenditureline":
            field = request.GET.get("field_name")
            queryset = queryset.filter(level__in=self.leaf_levels.get(field, ("item",)))
        return queryset, False


@admin.register(FunctionalSubject)
class FunctionalSubjectAdmin(EditionLoadAdminMixin, CatalogueAdmin):
    resource_classes = [FunctionalSubjectResource]
    list_display = (
        "code",
        "name",
        "short_name",
        "level",
        "valid_from",
        "valid_to",
        "source_label",
    )
    leaf_levels = {"functional_subject": ("item",)}


@admin.register(EconomicSubject)
class EconomicSubjectAdmin(CatalogueAdmin):
    resource_classes = [EconomicSubjectResource]
    list_display = (
        "scheme",
        "code",
        "name",
        "level",
        "province",
        "valid_from",
        "valid_to",
        "source_label",
    )
    list_filter = ("scheme", "level", "province", "valid_from", "valid_to")
    # A line sits on a 款, or on a province's 7-digit 子目 (the line's clean() checks the
    # province against the budget's region).
    leaf_levels = {"dept_economic": ("section", "subitem"), "gov_economic": ("section",)}


@admin.register(EconomicCorrespondence)
class EconomicCorrespondenceAdmin(CatalogueImportAdmin):
    resource_classes = [EconomicCorrespondenceResource]
    list_display = ("dept_code", "gov_code", "applies_to", "valid_from", "valid_to")
    list_filter = ("applies_to", "valid_from")
    search_fields = ("dept_code", "gov_code")
    list_per_page = 100
    change_list_template = "admin/budgets/catalogue_change_list.html"
