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
