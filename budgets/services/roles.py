"""User groups and their model permissions.

The full workflow roles (审核员, 财政管理员) come with the publishing workflow; the clerk
group exists now because data entry needs it.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

CLERK_GROUP = "填报员"

# Budget data a clerk edits (within their own department, see budgets/admin/scoping.py).
CLERK_EDITS = [
    "budget",
    "budgetunit",
    "prioryearfigures",
    "narrativesection",
    "expenditureline",
    "project",
    "projectindicator",
    "performancegoal",
    "departmenttask",
    "departmentindicator",
    "procurementitem",
    "assetholding",
    "transferpayment",
]
# Reference data a clerk may look up but not change.
CLERK_VIEWS = [
    "department",
    "region",
    "fiscalyear",
    "functionalsubject",
    "economicsubject",
    "economiccorrespondence",
]


def _permissions(models: list[str], actions: list[str]) -> list[Permission]:
    codenames = [f"{action}_{model}" for model in models for action in actions]
    return list(
        Permission.objects.filter(content_type__app_label="budgets", codename__in=codenames)
    )


@transaction.atomic
def roles_setup() -> dict[str, Group]:
    """Create or refresh the groups with exactly their permissions."""
    clerk, _ = Group.objects.get_or_create(name=CLERK_GROUP)
    clerk.permissions.set(
        _permissions(CLERK_EDITS, ["add", "change", "delete", "view"])
        + _permissions(CLERK_VIEWS, ["view"])
    )
    return {CLERK_GROUP: clerk}
