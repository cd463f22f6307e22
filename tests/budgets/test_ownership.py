"""The registry of budget-owned models, and every place that reads it.

Completeness: a model of the app that reaches a budget or a department by foreign keys is
either in the registry or explicitly excluded. Then each place: permissions, the state
lock (incl. units while a budget of their department is 已提交), history, workbook
writing and the demo loader.
"""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from budgets.models import (
    Budget,
    BudgetStatus,
    BudgetUnit,
    Department,
    ExpenditureLine,
    Project,
    ProjectIndicator,
)
from budgets.models.registry import NOT_OWNED, OWNED, budget_rows, edit_refusal, owned
from budgets.services.roles import CLERK_GROUP, FINANCE_GROUP, REVIEWER_GROUP, roles_setup
from budgets.workbook.layout import SHEET
from budgets.workbook.writing import WRITE_ORDER
from tests.support.factories import (
    BudgetFactory,
    FiscalYearFactory,
    UnitFactory,
    UserFactory,
    clerk_of,
    staff_of,
)
from tests.support.html import field_errors, form_values

pytestmark = pytest.mark.django_db


def _is_history(model) -> bool:
    return hasattr(model, "instance_type")  # simple-history's historical models


def _reaches(model, targets, seen=()) -> bool:
    """Whether ``model`` has a foreign-key path (FK or one-to-one) to one of ``targets``."""
    for field in model._meta.concrete_fields:
        related = field.related_model if field.is_relation else None
        if related is None or related in seen:
            continue
        if related in targets or _reaches(related, targets, (*seen, model)):
            return True
    return False


def test_every_model_reaching_a_budget_or_department_is_in_the_registry():
    registered = {entry.model for entry in OWNED}
    forgotten = [
        model.__name__
        for model in apps.get_app_config("budgets").get_models()
        if not _is_history(model)
        and (model in (Budget, Department) or _reaches(model, {Budget, Department}))
        and model not in registered
        and model not in NOT_OWNED
    ]
    assert not forgotten, f"models missing from budgets/models/registry.py: {forgotten}"
    assert not registered & set(NOT_OWNED)


@pytest.mark.parametrize("entry", OWNED, ids=lambda e: e.name)
def test_registry_paths_resolve_and_each_model_keeps_history(entry):
    department = Department.objects.none()
    assert list(entry.model.objects.filter(**{f"{entry.department_path}__in": department})) == []
    if entry.budget_path:
        lookup = {f"{entry.budget_path}__in": Budget.objects.none()}
        assert list(entry.model.objects.filter(**lookup)) == []
    assert entry.model.history.model._meta.model_name == f"historical{entry.name}"
    assert all(key in SHEET for key in entry.sheets)


def test_every_workbook_sheet_belongs_to_one_registry_model():
    sheets = [key for entry in OWNED for key in entry.sheets]
    assert sorted(sheets) == sorted(SHEET)


def test_permissions_follow_the_registry():
    groups = roles_setup()

    def codenames(group: Group) -> set[str]:
        return set(group.permissions.values_list("codename", flat=True))

    clerk, reviewer = codenames(groups[CLERK_GROUP]), codenames(groups[REVIEWER_GROUP])
    finance = codenames(groups[FINANCE_GROUP])
    for entry in OWNED:
        assert {f"{a}_{entry.name}" for a in ("add", "change", "delete", "view")} <= clerk
        assert f"view_{entry.history_name}" in reviewer
        assert f"view_{entry.history_name}" in finance
        assert f"view_{entry.name}" in reviewer


def test_workbook_writes_every_budget_row_model_in_registry_order():
    assert [model for _, model in WRITE_ORDER] == [entry.model for entry in budget_rows()]


# --- the state lock ---------------------------------------------------------------------


def _instance(entry, budget):
    """An unsaved instance of a registry budget row, attached to ``budget``."""
    if entry.budget_path == "project__budget":
        return entry.model(project=Project(budget=budget))
    return entry.model(budget=budget)


@pytest.mark.parametrize("entry", budget_rows(), ids=lambda e: e.name)
@pytest.mark.parametrize("status", [BudgetStatus.SUBMITTED, BudgetStatus.PUBLISHED])
def test_rows_of_a_non_draft_budget_are_locked(entry, status):
    budget = BudgetFactory(status=status)
    assert "只能修改草稿预算" in edit_refusal(_instance(entry, budget))
    Budget.objects.filter(pk=budget.pk).update(status=BudgetStatus.DRAFT)
    budget.refresh_from_db()
    assert edit_refusal(_instance(entry, budget)) is None


@pytest.fixture
def submitted():
    """A submitted budget and a unit of its department (used by another, draft, year)."""
    budget = BudgetFactory(status=BudgetStatus.SUBMITTED)
    unit = UnitFactory(department=budget.department, name="原单位名称")
    return budget, unit


def test_unit_rename_is_refused_while_a_budget_of_its_department_is_submitted(submitted):
    budget, unit = submitted
    BudgetFactory(department=budget.department, fiscal_year=FiscalYearFactory(year=2023))
    unit.name = "改名后的单位"
    with pytest.raises(ValidationError) as refused:
        unit.full_clean()
    message = refused.value.messages[0]
    assert "有已提交（审核中）的预算" in message and "不能新增、修改或删除" in message
    with pytest.raises(ValidationError):  # adding a unit changes table 2 as well
        BudgetUnit(department=budget.department, code=f"{budget.department.code}099").full_clean()
    unit.refresh_from_db()
    unit.full_clean()  # unchanged: fine
    Budget.objects.filter(pk=budget.pk).update(status=BudgetStatus.DRAFT)
    unit.name = "改名后的单位"
    unit.full_clean()  # no budget under review: the unit may change


def test_published_budgets_do_not_lock_units():
    budget = BudgetFactory(status=BudgetStatus.PUBLISHED)  # frozen in its snapshot
    unit = UnitFactory(department=budget.department)
    unit.name = "新名称"
    unit.full_clean()
    assert edit_refusal(unit) is None


def _unit_post(client, unit, **values):
    url = reverse("admin:budgets_budgetunit_change", args=[unit.pk])
    data = {"department": unit.department_id, "code": unit.code, "name": unit.name}
    data |= {"kind": unit.kind, **values}
    return client.post(url, data)


def test_clerk_cannot_rename_a_unit_of_a_submitted_budget_in_the_admin(client, submitted):
    budget, unit = submitted
    client.force_login(clerk_of(budget.department))
    page = client.get(reverse("admin:budgets_budgetunit_change", args=[unit.pk]))
    assert page.status_code == 200
    assert "审核期间不能新增、修改或删除该部门的预算单位" in page.content.decode()
    assert 'name="name"' not in page.content.decode()  # read-only
    assert _unit_post(client, unit, name="改名后的单位").status_code == 403
    delete = reverse("admin:budgets_budgetunit_delete", args=[unit.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    unit.refresh_from_db()
    assert unit.name == "原单位名称"


def test_finance_cannot_rename_units_on_the_department_page(client, submitted):
    budget, unit = submitted
    client.force_login(staff_of(FINANCE_GROUP, region=budget.department.region))
    url = reverse("admin:budgets_department_change", args=[budget.department_id])
    data = form_values(client.get(url).content.decode())
    assert "units-0-name" not in data  # the units inline is read-only
    data["units-0-name"] = "改名后的单位"
    client.post(url, data)
    unit.refresh_from_db()
    assert unit.name == "原单位名称"


def test_even_a_superuser_gets_the_chinese_refusal(client, submitted):
    budget, unit = submitted
    client.force_login(UserFactory(username="root", is_superuser=True))
    response = _unit_post(client, unit, name="改名后的单位")
    assert response.status_code == 200
    assert any("审核期间不能新增、修改或删除" in e for e in field_errors(response.content.decode()))
    unit.refresh_from_db()
    assert unit.name == "原单位名称"


def test_unit_changes_keep_history(client):
    budget = BudgetFactory()
    unit = UnitFactory(department=budget.department, name="原单位名称")
    client.force_login(clerk_of(budget.department))
    response = _unit_post(client, unit, name="改名后的单位")
    assert response.status_code == 302
    records = list(unit.history.order_by("history_date", "history_id"))
    assert [(r.history_type, r.name) for r in records] == [
        ("+", "原单位名称"),
        ("~", "改名后的单位"),
    ]
    assert records[-1].history_user.username == "clerk"
    client.force_login(staff_of(FINANCE_GROUP, region=budget.department.region, username="fin"))
    page = client.get(reverse("admin:budgets_budgetunit_history", args=[unit.pk]))
    assert page.status_code == 200 and "改名后的单位" in page.content.decode()


def test_procurement_and_other_rows_keep_history(demo_drafts):
    budget = demo_drafts["000"]
    for entry in budget_rows():
        rows = entry.model.objects.filter(**{entry.budget_path: budget}).count()
        history = entry.model.history.filter(**_history_lookup(entry, budget)).count()
        assert history >= rows, entry.name


def _history_lookup(entry, budget):
    if entry.budget_path == "project__budget":
        ids = Project.objects.filter(budget=budget).values_list("pk", flat=True)
        return {"project_id__in": list(ids)}
    return {"budget_id": budget.pk}


def test_demo_loader_clears_every_registry_model(demo_drafts):
    from budgets.services.demo import budget_prepare

    budget = demo_drafts["000"]
    department = budget.department
    data = {
        "region": {"code": department.region.code, "name": department.region.name},
        "department": {"code": department.code, "name": department.name},
        "budget": {"year": budget.year},
    }
    assert ExpenditureLine.objects.filter(budget=budget).exists()
    assert ProjectIndicator.objects.filter(project__budget=budget).exists()
    assert budget_prepare(data=data).pk == budget.pk
    for entry in budget_rows():
        left = entry.model.objects.filter(**{entry.budget_path: budget})
        assert not left.exists(), entry.name


def test_owned_finds_entries_for_classes_and_instances():
    assert owned(BudgetUnit).budget_path is None
    assert owned(Project(budget=Budget())).name == "project"
    assert owned(Department) is None


def test_every_admin_page_of_a_registry_model_applies_the_state_lock():
    from django.contrib import admin

    from budgets.admin.organisation import BudgetUnitInline
    from budgets.admin.workflow import DraftOnlyMixin

    registered = {entry.model for entry in OWNED}
    unlocked = []
    for model, model_admin in admin.site._registry.items():
        if model in registered and not isinstance(model_admin, DraftOnlyMixin):
            unlocked.append(type(model_admin).__name__)
        for inline in model_admin.inlines:
            read_only = set(inline.fields or ()) <= set(inline.readonly_fields or ())
            locked = issubclass(inline, DraftOnlyMixin) or inline is BudgetUnitInline
            if inline.model in registered and not (locked or read_only):
                unlocked.append(inline.__name__)
    assert not unlocked, f"admin pages of budget data without the state lock: {unlocked}"
