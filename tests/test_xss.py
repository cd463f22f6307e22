"""Every free-text field of the budget data comes out escaped in the admin and the tables."""

import pytest
from django.db import models
from django.urls import reverse

from budgets.models import (
    BudgetUnit,
    Department,
    DepartmentIndicator,
    DepartmentTask,
    NarrativeSection,
    PerformanceGoal,
    Project,
    ProjectIndicator,
    TransferPayment,
)
from budgets.services.workflow import budget_publish, budget_reopen, budget_submit
from tests.support.factories import UserFactory

PAYLOAD = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
# (model, lookup from the model to the budget's department)
MODELS = [
    (Department, "pk"),  # filtered by the department itself
    (BudgetUnit, "department"),
    (NarrativeSection, "budget__department"),
    (Project, "budget__department"),
    (ProjectIndicator, "project__budget__department"),
    (PerformanceGoal, "budget__department"),
    (DepartmentTask, "budget__department"),
    (DepartmentIndicator, "budget__department"),
    (TransferPayment, "budget__department"),
]


def _text_fields(model):
    for field in model._meta.get_fields():
        if (
            isinstance(field, models.CharField | models.TextField)
            and not field.choices
            and "code" not in field.name
            and (field.max_length is None or field.max_length >= len(PAYLOAD) + 8)
        ):
            yield field.name


@pytest.fixture
def poisoned(demo_drafts):
    budget = demo_drafts["000"]
    poisoned_fields = []
    for model, lookup in MODELS:
        queryset = model.objects.filter(**{lookup: budget.department.pk})
        for name in _text_fields(model):
            # Unique per object so unique constraints (e.g. project names) still hold.
            for obj in queryset:
                setattr(obj, name, f"{PAYLOAD}{obj.pk}")
                model.objects.filter(pk=obj.pk).update(**{name: getattr(obj, name)})
            poisoned_fields.append(f"{model.__name__}.{name}")
    assert len(poisoned_fields) >= 10, poisoned_fields
    return budget


def test_payloads_are_escaped_in_admin_and_tables(client, poisoned):
    client.force_login(UserFactory(username="root", is_superuser=True))
    department = poisoned.department
    pages = [
        reverse("admin:budgets_budget_change", args=[poisoned.pk]),
        reverse("admin:budgets_budget_changelist"),
        reverse("admin:budgets_project_change", args=[poisoned.projects.first().pk]),
        reverse("admin:budgets_project_changelist"),
        reverse("admin:budgets_budget_audit", args=[poisoned.pk]),
        reverse(
            "disclosures:preview", args=[department.region.code, poisoned.year, department.code]
        ),
    ]
    for url in pages:
        html = client.get(url).content.decode()
        assert PAYLOAD not in html, url
        assert ESCAPED in html, url


def test_reasons_and_comments_are_escaped(client, poisoned):
    root = UserFactory(username="root", is_superuser=True)
    budget_submit(budget=poisoned, user=root, comment=PAYLOAD)
    budget_publish(budget=poisoned, user=root, comment=PAYLOAD)
    budget_reopen(budget=poisoned, user=root, comment=PAYLOAD)
    client.force_login(root)
    html = client.get(reverse("admin:budgets_budget_change", args=[poisoned.pk])).content.decode()
    assert PAYLOAD not in html and ESCAPED in html
