"""Admin side of optimistic locking: the version travels in a hidden field.

If somebody else saved the record after this page was opened, saving is refused with a
Chinese form error instead of silently overwriting their change.
"""

from django import forms
from django.core.exceptions import ValidationError

from budgets.models.locking import conflict_message


class LockVersionForm(forms.ModelForm):
    lock_version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

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

    form = LockVersionForm

    def get_fields(self, request, obj=None):
        fields = list(super().get_fields(request, obj))
        if "lock_version" in fields:
            fields.remove("lock_version")
        return [*fields, "lock_version"]
