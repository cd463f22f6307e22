"""The one form that creates a staff member: name, password, role and where they work.

The role (填报员, 审核员, 财政管理员) sets the staff status and the group; a 填报员 or 审核员
works for a department, a 财政管理员 for a region. A finance administrator places new users
in their own region only; a superuser anywhere (or creates a plain account, without role).
"""

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AdminUserCreationForm

from budgets.models import Department, Region
from budgets.services.roles import ROLES
from budgets.services.staff import staff_placement_error


class StaffCreationForm(AdminUserCreationForm):
    region_id: int | None = None  # the creator's region (finance administrator), per request
    superuser = False  # set per request: may place anywhere, and create plain accounts

    full_name = forms.CharField(label="姓名", max_length=150, required=False)
    role = forms.ChoiceField(label="角色", choices=[("", "——请选择——")] + [(r, r) for r in ROLES])
    staff_department = forms.ModelChoiceField(
        label="所属部门",
        queryset=Department.objects.none(),
        required=False,
        help_text="填报员、审核员选择其所属部门。",
    )
    staff_region = forms.ModelChoiceField(
        label="所属行政区划（本级财政部门用户）",
        queryset=Region.objects.none(),
        required=False,
        help_text="财政管理员选择其所属行政区划（可查看本区划全部部门）。",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("usable_password", None)  # a staff member always logs in
        departments = Department.objects.select_related("region")
        regions = Region.objects.all()
        if not self.superuser:
            departments = departments.filter(region_id=self.region_id)
            regions = regions.filter(pk=self.region_id)
        self.fields["staff_department"].queryset = departments
        self.fields["staff_region"].queryset = regions
        self.fields["role"].required = not self.superuser
        if self.superuser:
            self.fields["role"].help_text = "不选角色：创建一个没有后台权限的普通账号。"

    def clean(self):
        cleaned = super().clean()
        if {"staff_department", "staff_region", "role"} & set(self.errors):
            return cleaned  # e.g. another region's department: the field says so
        role = cleaned.get("role") or ""
        department, region = cleaned.get("staff_department"), cleaned.get("staff_region")
        if not role and (department or region):
            raise forms.ValidationError("请选择角色：有所属单位的用户必须有角色。")
        if role and department is None and region is None:
            raise forms.ValidationError(
                "请选择新用户所属的部门或行政区划：否则新用户不属于本区划，"
                "您将无法再查看和管理该账号。"
            )
        if message := staff_placement_error(role=role, department=department, region=region):
            raise forms.ValidationError(message)
        return cleaned

    def save(self, commit=True):
        user = super().save(commit=False)
        user.first_name = self.cleaned_data.get("full_name", "")
        if commit:
            user.save()
        return user


class StaffLoginForm(AdminAuthenticationForm):
    """The admin login: a right password of an account without staff status says so."""

    def confirm_login_allowed(self, user):
        if user.is_active and not user.is_staff:
            raise forms.ValidationError(
                "该账号密码正确，但没有后台工作人员权限（未设置为工作人员），不能登录管理后台。"
                "请联系本级财政部门管理员为其分配角色。",
                code="not_staff",
            )
        super().confirm_login_allowed(user)
