"""User groups and their permissions: 填报员, 审核员, 财政管理员.

Groups say *what* a user may do; ``StaffProfile`` says *where* (one department, or every
department of a region), see ``budgets/admin/scoping.py``. A superuser may do everything.
``roles_setup`` is run by a data migration, after every ``migrate`` and by
``python manage.py setup_roles``; it is idempotent and resets each group to exactly its list.
"""

from django.db import transaction

from budgets.models.registry import OWNED

CLERK_GROUP = "填报员"
REVIEWER_GROUP = "审核员"
FINANCE_GROUP = "财政管理员"

# Budget data entered per department (clerks edit it while the budget is a draft): the
# registry of budget-owned models, so a new model gets its permissions with the others.
BUDGET_DATA = [entry.name for entry in OWNED]
# The change history (django-simple-history) of that data, for reviewers and the bureau.
HISTORY = [entry.history_name for entry in OWNED] + ["budgettransition"]
# Reference data everybody looks up; the finance bureau maintains it.
REFERENCE = [
    "department",
    "region",
    "fiscalyear",
    "functionalsubject",
    "economicsubject",
    "economiccorrespondence",
]
ALL = ["add", "change", "delete", "view"]

# group → list of (app_label, models, actions); plus extra codenames per group.
ROLES: dict[str, list[tuple[str, list[str], list[str]]]] = {
    CLERK_GROUP: [
        ("budgets", BUDGET_DATA, ALL),
        ("budgets", REFERENCE, ["view"]),
    ],
    REVIEWER_GROUP: [
        ("budgets", BUDGET_DATA + HISTORY + REFERENCE, ["view"]),
        ("disclosures", ["publication"], ["view"]),
    ],
    FINANCE_GROUP: [
        ("budgets", BUDGET_DATA + HISTORY, ["view"]),
        ("budgets", REFERENCE + ["staffprofile", "budgetunit"], ALL),
        ("auth", ["user"], ALL),
        ("disclosures", ["publication"], ["view"]),
    ],
}
EXTRA = {
    CLERK_GROUP: [],
    REVIEWER_GROUP: ["submit_budget", "return_budget"],
    FINANCE_GROUP: ["submit_budget", "return_budget", "publish_budget", "reopen_budget"],
}


def _codenames(app_label: str, models: list[str], actions: list[str]) -> list[tuple[str, str]]:
    return [(app_label, f"{action}_{model}") for model in models for action in actions]


@transaction.atomic
def roles_setup(*, apps=None) -> dict:
    """Create or refresh the three groups with exactly their permissions.

    ``apps`` is the historical app registry when called from a migration.
    """
    from django.contrib.auth.models import Group, Permission

    group_model: type[Group] = Group
    permission_model: type[Permission] = Permission
    if apps is not None:
        # The historical models of a migration: same fields, no custom methods.
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
    groups = {}
    for name, grants in ROLES.items():
        wanted = [pair for grant in grants for pair in _codenames(*grant)]
        wanted += [("budgets", codename) for codename in EXTRA[name]]
        permissions = []
        for app_label in {app for app, _ in wanted}:
            codenames = [codename for app, codename in wanted if app == app_label]
            permissions += list(
                permission_model.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )
        group, _ = group_model.objects.get_or_create(name=name)
        group.permissions.set(permissions)
        groups[name] = group
    return groups
