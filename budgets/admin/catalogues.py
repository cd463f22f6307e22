"""Catalogue administration: browse, search, and load a new edition from XLSX/CSV."""

from django.contrib import admin
from import_export import resources
from import_export.admin import ImportExportModelAdmin

from budgets.models import EconomicCorrespondence, EconomicSubject, FunctionalSubject


class FunctionalSubjectResource(resources.ModelResource):
    class Meta:
        model = FunctionalSubject
        import_id_fields = ("code", "valid_from")
        fields = ("code", "name", "short_name", "valid_from", "valid_to")
        skip_unchanged = True


class EconomicSubjectResource(resources.ModelResource):
    class Meta:
        model = EconomicSubject
        import_id_fields = ("scheme", "code", "valid_from", "province")
        fields = ("scheme", "code", "name", "province", "valid_from", "valid_to")
        skip_unchanged = True


class EconomicCorrespondenceResource(resources.ModelResource):
    class Meta:
        model = EconomicCorrespondence
        import_id_fields = ("dept_code", "gov_code", "applies_to", "valid_from")
        fields = ("dept_code", "gov_code", "applies_to", "valid_from", "valid_to")
        skip_unchanged = True


class CatalogueAdmin(ImportExportModelAdmin):
    list_display = ("code", "name", "level", "valid_from", "valid_to")
    list_filter = ("level", "valid_from", "valid_to")
    search_fields = ("code", "name")
    list_per_page = 100

    def get_search_results(self, request, queryset, search_term):
        queryset, distinct = super().get_search_results(request, queryset, search_term)
        # Autocomplete from an expenditure line offers only leaf entries (项 / 款).
        if request.GET.get("model_name") == "expenditureline":
            field = request.GET.get("field_name")
            queryset = queryset.filter(level__in=self.leaf_levels.get(field, ("item",)))
        return queryset, distinct


@admin.register(FunctionalSubject)
class FunctionalSubjectAdmin(CatalogueAdmin):
    resource_classes = [FunctionalSubjectResource]
    list_display = ("code", "name", "short_name", "level", "valid_from", "valid_to", "source")
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
        "source",
    )
    list_filter = ("scheme", "level", "province", "valid_from", "valid_to")
    # A line sits on a 款, or on a province's 7-digit 子目 (the line's clean() checks the
    # province against the budget's region).
    leaf_levels = {"dept_economic": ("section", "subitem"), "gov_economic": ("section",)}


@admin.register(EconomicCorrespondence)
class EconomicCorrespondenceAdmin(ImportExportModelAdmin):
    resource_classes = [EconomicCorrespondenceResource]
    list_display = ("dept_code", "gov_code", "applies_to", "valid_from", "valid_to")
    list_filter = ("applies_to", "valid_from")
    search_fields = ("dept_code", "gov_code")
    list_per_page = 100
