"""Users for the finance bureau: it manages the accounts of its own region only.

A non-superuser sees only the non-superusers whose staff profile lies in their region
(``users_visible``) — in lists, search, autocomplete, change, password, delete and history
pages, which all look users up through ``get_queryset``. They cannot set 超级用户状态 or
single permissions and can give only the three workflow groups. A user they create is
placed in a department of their region (or in the region itself) in the same transaction,
so it never becomes an account nobody but a superuser can see. Groups (what a role may do)
are changed by superusers only.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group

from budgets.admin.staff_forms import StaffCreationForm
from budgets.selectors import managed_region_id, users_visible
from budgets.services.roles import ROLES
from budgets.services.staff import staff_member_place

RESTRICTED = {"is_superuser", "user_permissions"}
# The add page: one form for a staff member (the role sets the staff status).
ADD_FIELDSETS = (
    (None, {"classes": ("wide",), "fields": ("username", "full_name", "password1", "password2")}),
    ("角色与所属单位", {"fields": ("role", "staff_department", "staff_region")}),
)


# Permission names are stored in English by Django (“Can add …”): shown in Chinese instead.
PERMISSION_ACTIONS = {"add": "新增", "change": "修改", "delete": "删除", "view": "查看"}


def permission_label(permission) -> str:
    """``部门预算 | 项目 | 可以修改项目`` (a history model: ``项目修改记录``)."""
    model = permission.content_type.model_class()
    if model is None:
        return permission.name
    instance_type = getattr(model, "instance_type", None)  # a simple-history model
    noun = (
        f"{instance_type._meta.verbose_name}修改记录"
        if instance_type is not None
        else str(model._meta.verbose_name)
    )
    action, _, _ = permission.codename.partition("_")
    what = (
        f"可以{PERMISSION_ACTIONS[action]}{noun}"
        if action in PERMISSION_ACTIONS and permission.name.startswith("Can ")
        else permission.name
    )
    app = model._meta.app_config.verbose_name if model._meta.app_config else ""
    return f"{app} | {noun} | {what}"


def _chinese_permissions(field):
    if field is not None:
        field.label_from_instance = permission_label
    return field


class BureauUserAdmin(UserAdmin):
    list_display = ("username", "first_name", "role_names", "placement", "staff", "active")
    list_filter = ("is_staff", "is_active", "groups")

    def get_queryset(self, request):
        queryset = super().get_queryset(request) & users_visible(request.user)
        return queryset.select_related(
            "staff_profile__department__region", "staff_profile__region"
        ).prefetch_related("groups")

    @admin.display(description="工作人员", ordering="is_staff")
    def staff(self, user):
        return "是" if user.is_staff else "否"

    @admin.display(description="有效", ordering="is_active")
    def active(self, user):
        return "是" if user.is_active else "否"

    @admin.display(description="角色")
    def role_names(self, user):
        return "、".join(group.name for group in user.groups.all()) or "—"

    @admin.display(description="所属部门或行政区划")
    def placement(self, user):
        profile = getattr(user, "staff_profile", None)
        if profile is None:
            return "—"
        if profile.department is not None:
            return f"{profile.department.region.name} {profile.department.name}"
        return f"{profile.region.name}财政部门" if profile.region else "—"

    def get_fieldsets(self, request, obj=None):
        if obj is None:
            return ADD_FIELDSETS
        fieldsets = super().get_fieldsets(request, obj)
        if request.user.is_superuser:
            return fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in RESTRICTED]})
            for name, options in fieldsets
        ]

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            attrs = {
                "region_id": managed_region_id(request.user),
                "superuser": request.user.is_superuser,
            }
            kwargs["form"] = type("StaffCreationForm", (StaffCreationForm,), attrs)
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change and isinstance(form, StaffCreationForm) and form.cleaned_data["role"]:
            # add_view runs in one transaction: the user, its role and placement commit together.
            staff_member_place(
                user=obj,
                role=form.cleaned_data["role"],
                department=form.cleaned_data["staff_department"],
                region=form.cleaned_data["staff_region"],
            )

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "groups" and not request.user.is_superuser:
            kwargs["queryset"] = Group.objects.filter(name__in=list(ROLES))
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        return _chinese_permissions(field) if db_field.name == "user_permissions" else field


class SuperuserGroupAdmin(GroupAdmin):
    """Groups say what a role may do: only a superuser sees or changes them.

    A finance administrator given group permissions could otherwise grant their own role
    every permission, so the permissions alone are not enough here.
    """

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return _chinese_permissions(super().formfield_for_manytomany(db_field, request, **kwargs))

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
