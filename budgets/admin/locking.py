"""Admin side of optimistic locking: the version travels in a hidden field.

If somebody else saved the record after this page was opened, saving is refused with a
Chinese form error instead of silently overwriting their change.

Two saves *at the same moment* both pass the form check (neither has committed yet); the
database then makes the second wait for the first, and its conditional UPDATE in
``LockedModel.save`` finds the version moved and raises ``ConcurrentEditError`` after the
forms were validated. ``LockedAdminMixin.changeform_view`` catches it (the admin's
transaction has rolled back: nothing of the second save is written) and validates the
same submission once more, now against the committed first save, so the second user gets
the same form error as a late save: HTTP 200, their input kept, never a 500.
"""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect

from budgets.models.locking import ConcurrentEditError, conflict_message


class LockVersionForm(forms.ModelForm[Any]):
    lock_version = forms.IntegerField(
        label="版本号", widget=forms.HiddenInput, required=False, min_value=0
    )

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        submitted = cleaned.get("lock_version")
        if instance.pk is None:
            cleaned["lock_version"] = 0
            return cleaned
        current = (
            type(instance)
            ._base_manager.filter(pk=instance.pk)
            .values_list("lock_version", flat=True)
            .first()
        )
        if submitted is None:
            cleaned["lock_version"] = instance.lock_version
        elif current is not None and submitted != current:
            raise ValidationError(conflict_message(instance), code="concurrent_edit")
        return cleaned


class LockedAdminMixin:
    """For ModelAdmins and inlines of a ``LockedModel``: use the form, show the hidden field."""

    # Typed like the admin's own attribute, so ModelAdmins and inlines of any model accept it.
    form: type[forms.ModelForm[Any]] = LockVersionForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if "lock_version" in fields:
            fields.remove("lock_version")
        return [*fields, "lock_version"]

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        """The admin's add/change view; a save that lost a race is shown as a form error."""
        view = super().changeform_view
        try:
            return view(request, object_id, form_url, extra_context)
        except ConcurrentEditError:
            if request.method != "POST":
                raise
        try:
            return view(request, object_id, form_url, extra_context)
        except ConcurrentEditError as error:
            # A third save won again meanwhile: say so and show the current data.
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
