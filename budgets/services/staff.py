"""Placing an account in the organisation: its staff profile (department or region)."""

from django.core.exceptions import ValidationError
from django.db import transaction

from budgets.models import Department, Region, StaffProfile


@transaction.atomic
def staff_profile_create(
    *, user, department: Department | None = None, region: Region | None = None
) -> StaffProfile:
    """Give ``user`` a profile in exactly one department or one region.

    A profile with neither would leave the account outside every region: no finance
    administrator could see it again, so it is refused.
    """
    if (department is None) == (region is None):
        raise ValidationError("用户必须且只能属于一个部门或一个行政区划（本级财政部门）。")
    return StaffProfile.objects.create(user=user, department=department, region=region)


# Where each role works: a department (填报员, 审核员) or a region's finance bureau.
REGION_ROLES = frozenset({"财政管理员"})


def staff_placement_error(*, role: str, department, region) -> str:
    """Why ``role`` cannot be placed so ("" when it can); messages for the add form."""
    if department is not None and region is not None:
        return "请只选择一项：所属部门，或所属行政区划（本级财政部门用户）。"
    if role in REGION_ROLES and region is None:
        return f"{role}属于财政部门：请选择所属行政区划，不要选择部门。"
    if role and role not in REGION_ROLES and department is None:
        return f"{role}属于部门：请选择所属部门。"
    return ""


@transaction.atomic
def staff_member_place(
    *, user, role: str, department: Department | None = None, region: Region | None = None
) -> StaffProfile:
    """Make ``user`` a staff member with ``role`` (a group) in a department or region.

    The role sets the staff status (every role works in the admin), the group and the
    profile together, so no account is left half made.
    """
    from django.contrib.auth.models import Group

    from budgets.services.roles import ROLES

    if role not in ROLES:
        raise ValidationError(f"未知的角色：{role}")
    if message := staff_placement_error(role=role, department=department, region=region):
        raise ValidationError(message)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.groups.add(Group.objects.get(name=role))
    return staff_profile_create(user=user, department=department, region=region)
