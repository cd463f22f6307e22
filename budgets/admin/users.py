"""Users for the finance bureau: it manages accounts but cannot create superusers.

A non-superuser sees no superuser accounts, cannot set 超级用户状态 or single permissions,
and can give only the three workflow groups.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group

from budgets.services.roles import ROLES

RESTRICTED = {"is_superuser", "user_permissions"}


class BureauUserAdmin(UserAdmin):
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset if request.user.is_superuser else queryset.filter(is_superuser=False)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in RESTRICTED]})
            for name, options in fieldsets
        ]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=list(ROLES))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), BureauUserAdmin)
