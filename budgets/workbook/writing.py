"""Write a checked workbook's records in bulk: a fixed number of statements per model.

The records are the unsaved instances the sheets' resources made (``importing.py``);
everything about them has been checked, so they are inserted with ``bulk_create`` (and
their 修改记录 with django-simple-history's ``bulk_create_with_history``), parents first
so that children pick up their parents' new ids.
"""

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from budgets.models import (
    AssetHolding,
    Budget,
    BudgetUnit,
    DepartmentIndicator,
    DepartmentTask,
    ExpenditureLine,
    NarrativeSection,
    PerformanceGoal,
    PriorYearFigures,
    ProcurementItem,
    Project,
    ProjectIndicator,
    TransferPayment,
)
from budgets.services.demo import budget_prepare

# Sheet key → model, in the order they are written; True: the model keeps 修改记录.
WRITE_ORDER = (
    ("projects", Project, True),
    ("lines", ExpenditureLine, True),
    ("project_indicators", ProjectIndicator, True),
    ("narrative", NarrativeSection, True),
    ("previous_year", PriorYearFigures, True),
    ("objective", PerformanceGoal, True),
    ("tasks", DepartmentTask, True),
    ("indicators", DepartmentIndicator, True),
    ("procurement", ProcurementItem, False),
    ("assets", AssetHolding, False),
    ("transfer_payments", TransferPayment, False),
)


def _units_write(department, units: list[BudgetUnit]) -> None:
    """Add the new units, update name and kind of the department's existing ones."""
    for unit in units:
        unit.department = department
    BudgetUnit.objects.bulk_create([u for u in units if u.pk is None])
    BudgetUnit.objects.bulk_update([u for u in units if u.pk is not None], ["name", "kind"])


def _rows(records: dict[str, list]) -> dict[str, list]:
    """What is written per key: lines of both sheets together, one goal, one text per 内容."""
    narrative = {section.key: section for section in records["narrative"]}  # later row wins
    return {
        **records,
        "lines": records["basic_lines"] + records["project_lines"],
        "narrative": list(narrative.values()),
        "objective": records["objective"][:1],
    }


@transaction.atomic
def budget_records_write(*, data: dict, records: dict[str, list]) -> Budget:
    """Create (or empty and refill) the budget of ``data`` with the checked ``records``.

    ``data`` is the region/department/budget description of 基本信息; ``records`` the
    unsaved instances per sheet key. Returns the saved budget.
    """
    budget = budget_prepare(data=data)
    _units_write(budget.department, records["units"])
    rows = _rows(records)
    for key, model, with_history in WRITE_ORDER:
        objects = rows[key]
        if not objects:
            continue
        if hasattr(model, "budget"):
            for instance in objects:
                instance.budget = budget
        if with_history:
            bulk_create_with_history(objects, model)
        else:
            model.objects.bulk_create(objects)
    return budget
