"""Write a checked workbook's records in bulk: a fixed number of statements per model.

The records are the unsaved instances the sheets' resources made (``importing.py``);
everything about them has been checked, so they are inserted with ``bulk_create`` (and
their 修改记录 with django-simple-history's ``bulk_create_with_history``), parents first
so that children pick up their parents' new ids.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from budgets.models import Budget, BudgetUnit, NarrativeSection, PerformanceGoal
from budgets.models.registry import budget_rows, changed_units, units_refusal
from budgets.services.demo import budget_prepare

# (sheet keys, model) in the order they are written (the registry's order: parents first);
# every model keeps 修改记录. The budget and its units are written before these.
WRITE_ORDER = tuple((entry.sheets, entry.model) for entry in budget_rows())


def _units_write(department, units: list[BudgetUnit]) -> None:
    """Add the new units, update name, kind, 单位规格 and 经费保障形式 of the existing ones.

    Refused (``ValidationError``) when a unit would change while a budget of the
    department is 已提交: its table 2 lists every unit (the registry's state lock).
    """
    for unit in units:
        unit.department = department
    changed = changed_units(units)  # unchanged units get no 修改记录 and need no check
    if changed and (message := units_refusal(department.pk)):
        raise ValidationError(message)
    if created := [u for u in changed if u.pk is None]:
        bulk_create_with_history(created, BudgetUnit)
    if updated := [u for u in changed if u.pk is not None]:
        bulk_update_with_history(updated, BudgetUnit, ["name", "kind", "grade", "funding_form"])


def _rows(records: dict[str, list]) -> dict[type, list]:
    """What is written per model: the rows of its sheets, one goal, one text per 内容."""
    rows = {model: [obj for key in keys for obj in records[key]] for keys, model in WRITE_ORDER}
    narrative = {section.key: section for section in rows[NarrativeSection]}  # later row wins
    rows[NarrativeSection] = list(narrative.values())
    rows[PerformanceGoal] = rows[PerformanceGoal][:1]
    return rows


@transaction.atomic
def budget_records_write(
    *, data: dict, records: dict[str, list], create_missing: bool = False
) -> Budget:
    """Create (or empty and refill) the budget of ``data`` with the checked ``records``.

    ``data`` is the region/department/budget description of 基本信息; ``records`` the
    unsaved instances per sheet key. Region, department and year must exist unless
    ``create_missing`` (the operator's command). Returns the saved budget.
    """
    budget = budget_prepare(data=data, create_missing=create_missing)
    _units_write(budget.department, records["units"])
    rows = _rows(records)
    for _, model in WRITE_ORDER:
        objects = rows[model]
        if not objects:
            continue
        if hasattr(model, "budget"):
            for instance in objects:
                instance.budget = budget
        bulk_create_with_history(objects, model)
    return budget
