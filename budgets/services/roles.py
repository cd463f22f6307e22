"""User groups (roles) and their permissions, kept in sync after every ``migrate``.

- 填报员 (clerk): edits draft budgets of their own department.
- 审核员 (reviewer): sees their own department's budgets; submits them to the finance
  bureau or returns them to the clerk.
- 财政管理员 (finance bureau): every department of their region; returns, publishes and
  corrects budgets; manages catalogues, departments, units and users.

Which department or region a user belongs to is their ``StaffProfile``; the permissions
below say what they may do there (see budgets/admin/scoping.py).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

CLERK_GROUP = "填报员"
REVIEWER_GROUP = "审核员"
FINANCE_GROUP = "财政管理员"

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


# Reference data the finance bureau manages.
FINANCE_MANAGES = [
    "department",
    "budgetunit",
    "staffprofile",
    "functionalsubject",
    "economicsubject",
    "economiccorrespondence",
    "fiscalyear",
]


def _permissions(models: list[str], actions: list[str], app: str = "budgets") -> list[Permission]:
    codenames = [f"{action}_{model}" for model in models for action in actions]
    return list(Permission.objects.filter(content_type__app_label=app, codename__in=codenames))


def _codenames(*names: str) -> list[Permission]:
    return list(Permission.objects.filter(content_type__app_label="budgets", codename__in=names))


@transaction.atomic
def roles_setup() -> dict[str, Group]:
    """Create or refresh the groups with exactly their permissions."""
    everything_viewed = _permissions(CLERK_EDITS + CLERK_VIEWS + ["budgettransition"], ["view"])
    grants = {
        CLERK_GROUP: _permissions(CLERK_EDITS, ["add", "change", "delete", "view"])
        + _permissions(CLERK_VIEWS + ["budgettransition"], ["view"]),
        REVIEWER_GROUP: everything_viewed + _codenames("submit_budget", "return_budget"),
        FINANCE_GROUP: everything_viewed
        + _permissions(FINANCE_MANAGES, ["add", "change", "delete", "view"])
        + _permissions(["user"], ["add", "change", "view"], app="auth")
        + _permissions(["group"], ["view"], app="auth")
        + _codenames("return_budget", "publish_budget"),
    }
    groups = {}
    for name, permissions in grants.items():
        groups[name], _ = Group.objects.get_or_create(name=name)
        groups[name].permissions.set(permissions)
    return groups
