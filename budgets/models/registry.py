"""The one registry of budget-owned models: every record a clerk edits is listed here.

Permissions (``services/roles.py``), the state lock (``admin/workflow.py``), the change
history (every model here keeps django-simple-history records), the budget's 修改记录
(``audit.py``), workbook writing (``workbook/writing.py``) and the demo loader
(``services/demo.py``) all read this list, so a new model cannot be forgotten in one of
them: ``tests/budgets/test_ownership.py`` fails for a model of the app with a foreign-key
path to a budget or a department that is neither here nor in ``NOT_OWNED``.

The state lock. A budget's own rows may be changed only while the budget is a 草稿.
A 预算单位 belongs to a department, not to a budget, and every table 2 of the department
lists all its units: so the department's units may not be added, changed or deleted while
any budget of the department is 已提交 (under review). Published budgets are frozen in their
publication snapshots; a reopened (更正) budget is a draft again. In the admin a superuser may
still edit a non-draft budget's rows; the unit lock is also checked by ``BudgetUnit.clean()``
and the workbook writer, so it holds for everybody and every path.
"""

from dataclasses import dataclass

from django.db import models

from budgets.models.budget import Budget, BudgetStatus, NarrativeSection, PriorYearFigures
from budgets.models.lines import ExpenditureLine, Project
from budgets.models.organisation import BudgetUnit, Department, StaffProfile
from budgets.models.other import AssetHolding, ProcurementItem, TransferPayment
from budgets.models.performance import (
    DepartmentGoal,
    DepartmentIndicator,
    DepartmentTask,
    PerformanceGoal,
    ProjectIndicator,
)
from budgets.models.planning import PriorYearTotals, ProjectPlan, ProjectText
from budgets.models.workflow import BudgetTransition


@dataclass(frozen=True)
class Owned:
    """A model whose records a clerk edits.

    ``budget_path``: lookup from the model to its Budget (``""``: the Budget itself;
    ``None``: the model belongs to a department, not to one budget). ``department_path``:
    lookup to its Department. ``sheets``: the keys of its workbook sheets (``layout.py``).
    """

    model: type[models.Model]
    budget_path: str | None
    department_path: str
    sheets: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.model._meta.label_lower.split(".")[1]

    @property
    def history_name(self) -> str:
        # simple-history adds ``history`` to each registered model at run time; the stubs
        # of ``Model`` cannot know it.
        history = self.model.history  # type: ignore[attr-defined]
        return history.model._meta.label_lower.split(".")[1]

    @property
    def is_budget_row(self) -> bool:
        """A row of one budget (not the budget itself, not a department's unit)."""
        return bool(self.budget_path)


# Parents before children: the order in which an imported budget is written.
OWNED: tuple[Owned, ...] = (
    Owned(Budget, "", "department", ("info",)),
    Owned(BudgetUnit, None, "department", ("units",)),
    Owned(Project, "budget", "budget__department", ("projects",)),
    Owned(
        ExpenditureLine,
        "budget",
        "budget__department",
        ("basic_lines", "other_lines", "project_lines"),
    ),
    Owned(
        ProjectIndicator, "project__budget", "project__budget__department", ("project_indicators",)
    ),
    Owned(ProjectText, "project__budget", "project__budget__department", ("project_texts",)),
    Owned(ProjectPlan, "project__budget", "project__budget__department", ("project_plans",)),
    Owned(NarrativeSection, "budget", "budget__department", ("narrative",)),
    Owned(PriorYearFigures, "budget", "budget__department", ("previous_year",)),
    Owned(PriorYearTotals, "budget", "budget__department", ("prior_totals",)),
    Owned(PerformanceGoal, "budget", "budget__department", ("objective",)),
    Owned(DepartmentTask, "budget", "budget__department", ("tasks",)),
    Owned(DepartmentGoal, "budget", "budget__department", ("department_goals",)),
    Owned(DepartmentIndicator, "budget", "budget__department", ("indicators",)),
    Owned(ProcurementItem, "budget", "budget__department", ("procurement",)),
    Owned(AssetHolding, "budget", "budget__department", ("assets",)),
    Owned(TransferPayment, "budget", "budget__department", ("transfer_payments",)),
)

# Models of the app that reach a budget or department but are not a clerk's data, and why.
NOT_OWNED: dict[type[models.Model], str] = {
    Department: "reference data the finance bureau maintains",
    StaffProfile: "who works where; the finance bureau manages its region's staff",
    BudgetTransition: "the workflow log, written only by the workflow services",
}

UNIT_LOCKED = (
    "部门“{department}”有已提交（审核中）的预算（{budgets}），"
    "审核期间不能新增、修改或删除该部门的预算单位；请先退回为草稿后再修改。"
)
BUDGET_LOCKED = "“{budget}”{status}，只能修改草稿预算；请先退回或重新打开为草稿。"


def owned(model) -> Owned | None:
    """The registry entry of ``model`` (a class or an instance), or None."""
    model = model if isinstance(model, type) else type(model)
    return next((entry for entry in OWNED if entry.model is model), None)


def budget_rows() -> tuple[Owned, ...]:
    """The entries that are rows of one budget, parents first."""
    return tuple(entry for entry in OWNED if entry.is_budget_row)


def follow(obj, path: str):
    """The object at ``path`` (``"budget__department"``) from ``obj``, or None if unset.

    Works on unsaved objects too: an unsaved parent assigned to a foreign key is followed.
    """
    for step in path.split("__") if path else []:
        if obj is None:
            return None
        field = obj._meta.get_field(step)
        if not field.is_cached(obj) and getattr(obj, field.attname) is None:
            return None
        obj = getattr(obj, step)
    return obj


def department_of(obj) -> Department | None:
    """The department a registry object belongs to (also through an unsaved budget)."""
    entry = owned(obj) if obj is not None else None
    return follow(obj, entry.department_path) if entry is not None else None


def units_refusal(department_id) -> str | None:
    """Why the units of the department may not change now, or None."""
    if department_id is None:
        return None
    submitted = Budget.objects.filter(department_id=department_id, status=BudgetStatus.SUBMITTED)
    years = sorted(submitted.values_list("fiscal_year__year", flat=True))
    if not years:
        return None
    department = Department.objects.get(pk=department_id)
    return UNIT_LOCKED.format(
        department=department.name, budgets="、".join(f"{year}年" for year in years)
    )


def edit_refusal(obj) -> str | None:
    """Why ``obj`` (a registry object) may not be changed now, or None (editable)."""
    entry = owned(obj) if obj is not None else None
    if entry is None:
        return None
    if entry.budget_path is None:
        department = department_of(obj)
        return units_refusal(department.pk if department else None)
    budget = follow(obj, entry.budget_path)
    if budget is None or budget.pk is None or budget.status == BudgetStatus.DRAFT:
        return None
    return BUDGET_LOCKED.format(budget=budget, status=budget.get_status_display())


OWN_UNIT = "预算单位必须属于本部门（{department}）；“{unit}”不是本部门的单位。"


def own_unit_errors(obj) -> dict[str, str]:
    """Field messages for each unit of ``obj`` that is not of its budget's department."""
    department = department_of(obj)
    if department is None or department.pk is None:
        return {}
    errors = {}
    for field in obj._meta.concrete_fields:
        if field.is_relation and field.related_model is BudgetUnit:
            unit = follow(obj, field.name)
            if unit is not None and unit.department_id != department.pk:
                errors[field.name] = OWN_UNIT.format(department=department.name, unit=unit.name)
    return errors


UNIT_FIELDS = ("department_id", "code", "name", "kind", "grade", "funding_form")


def changed_units(units: list[BudgetUnit]) -> list[BudgetUnit]:
    """The units that are new or differ from their stored row (one query)."""
    ids = [unit.pk for unit in units if unit.pk is not None]
    stored = {
        row["id"]: row for row in BudgetUnit.objects.filter(pk__in=ids).values("id", *UNIT_FIELDS)
    }
    return [
        unit
        for unit in units
        if unit.pk not in stored or any(stored[unit.pk][f] != getattr(unit, f) for f in UNIT_FIELDS)
    ]


def units_change_refusal(units: list[BudgetUnit]) -> str | None:
    """Why saving ``units`` as they are now would be refused (some new or changed), or None."""
    changed = changed_units(units)
    departments = {unit.department_id for unit in changed}
    if changed and any(unit.pk is not None for unit in changed):  # a unit moved departments
        moved = BudgetUnit.objects.filter(pk__in=[u.pk for u in changed if u.pk is not None])
        departments |= set(moved.values_list("department_id", flat=True))
    return next((m for d in sorted(departments, key=str) if (m := units_refusal(d))), None)


def unit_change_refusal(unit: BudgetUnit) -> str | None:
    """Why saving ``unit`` as it is now would be refused (new or changed), or None."""
    return units_change_refusal([unit])
