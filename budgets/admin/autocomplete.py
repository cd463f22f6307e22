"""The autocomplete JSON view: catalogue options labelled with their whole path.

The labels of a page of options are computed together (one query for every parent), so a
page of 20 options costs a constant number of queries.
"""

from django.contrib.admin.views.autocomplete import AutocompleteJsonView

from budgets.models import EconomicSubject, FunctionalSubject
from budgets.pickers import label_paths, referring_budget

CATALOGUE_MODELS = (FunctionalSubject, EconomicSubject)


class PathAutocompleteJsonView(AutocompleteJsonView):
    labels: dict[int, str] = {}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.model_admin.model in CATALOGUE_MODELS:
            objects = list(context["object_list"])
            budget = referring_budget(self.request)
            year = budget.year if budget else None
            self.labels = label_paths(objects, year=year)
            context["object_list"] = objects
        return context

    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if obj.pk in self.labels:
            result["text"] = self.labels[obj.pk]
        return result
