"""Users for the finance bureau: it manages the accounts of its own region only.

A non-superuser sees only the non-superusers whose staff profile lies in their region
(``users_visible``) — in lists, search, autocomplete, change, password, delete and history
pages, which all look users up through ``get_queryset``. They cannot set 超级用户状态 or
single permissions and can give only the three workflow groups. A user they create is
placed in a department of their region (or in the region itself) in the same transaction,
so it never becomes an account nobody but a superuser can see. Groups (what a role may do)
are changed by superusers only.
"""

from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.forms import AdminUserCreationForm
from django.contrib.auth.models import Group

from budgets.models import Department, Region
from budgets.selectors import managed_region_id, users_visible
from budgets.services.roles import ROLES
from budgets.services.staff import staff_profile_create

RESTRICTED = {"is_superuser", "user_permissions"}
PLACEMENT = ("staff_department", "staff_region_wide")


class PlacedUserCreationForm(AdminUserCreationForm):
    """The add form of a finance administrator: where in their region the new user works."""

    region_id: int | None = None  # set per request by ``BureauUserAdmin.get_form``

    staff_department = forms.ModelChoiceField(
        label="所属部门",
        queryset=Department.objects.none(),
        required=False,
        help_text="填报员、审核员选择其所属部门。",
    )
    staff_region_wide = forms.BooleanField(
        label="本级财政部门用户",
        required=False,
        help_text="勾选后该用户属于本行政区划（可查看本区划全部部门），用于财政部门工作人员。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff_department"].queryset = Department.objects.filter(
            region_id=self.region_id
        )

    def clean(self):
        cleaned = super().clean()
        department, region_wide = cleaned.get("staff_department"), cleaned.get("staff_region_wide")
        if "staff_department" in self.errors:
            return cleaned  # e.g. another region's department: the field says so
        if department is None and not region_wide:
            raise forms.ValidationError(
                "请选择新用户所属的部门，或勾选“本级财政部门用户”：否则新用户不属于本区划，"
                "您将无法再查看和管理该账号。"
            )
        if department is not None and region_wide:
            raise forms.ValidationError("请只选择一项：所属部门，或“本级财政部门用户”。")
        if region_wide and self.region_id is None:
            raise forms.ValidationError("您的账号不属于任何行政区划，不能创建本级财政部门用户。")
        return cleaned


class BureauUserAdmin(UserAdmin):
    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return queryset & users_visible(request.user)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        if obj is None:
            return [*fieldsets, ("所属单位", {"fields": PLACEMENT})]
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in RESTRICTED]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None and not request.user.is_superuser:
            region = managed_region_id(request.user)
            kwargs["form"] = type(
                "PlacedUserCreationForm", (PlacedUserCreationForm,), {"region_id": region}
            )
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and isinstance(form, PlacedUserCreationForm):
            # add_view runs in one transaction: the user and its placement commit together.
            region_wide = form.cleaned_data["staff_region_wide"]
            staff_profile_create(
                user=obj,
                department=form.cleaned_data["staff_department"],
                region=Region.objects.get(pk=form.region_id) if region_wide else None,
            )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=list(ROLES))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class SuperuserGroupAdmin(GroupAdmin):
    """Groups say what a role may do: only a superuser sees or changes them.

    A finance administrator given group permissions could otherwise grant their own role
    every permission, so the permissions alone are not enough here.
    """

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return self.has_module_permission(request)


admin.site.unregister(get_user_model())
admin.site.register(get_user_model(), BureauUserAdmin)
admin.site.unregister(Group)
admin.site.register(Group, SuperuserGroupAdmin)
