"""The audit trail of a budget: every create/change/delete of its data (simple-history).

Read-only selector behind the admin page 修改记录; reviewers and the finance bureau see it.
"""

from dataclasses import dataclass, field
from datetime import datetime

from budgets.models import Budget
from budgets.models.registry import OWNED

ACTIONS = {"+": "新增", "~": "修改", "-": "删除"}

# model → lookup from its historical record to the budget: every model of the registry
# that belongs to one budget (a unit belongs to its department, not to a budget).
AUDITED = [(entry.model, entry.budget_path) for entry in OWNED if entry.budget_path is not None]


@dataclass
class AuditEntry:
    when: datetime
    user: str
    action: str
    model: str
    record: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # (field, old, new)


def _record_ids(model, path: str, budget: Budget) -> dict:
    """The filter of ``model``'s historical rows that belong to ``budget``."""
    if not path:
        return {"id": budget.pk}
    if "__" not in path:
        return {f"{path}_id": budget.pk}
    # Historical rows keep only the parent's id, so resolve the parents (even deleted ones).
    parent_name, rest = path.split("__", 1)
    parent = model._meta.get_field(parent_name).related_model
    parent_ids = parent.history.filter(**_record_ids(parent, rest, budget)).values_list("id")
    return {f"{parent_name}_id__in": {row[0] for row in parent_ids}}


def _entry(model, record) -> AuditEntry:
    changes = []
    if record.history_type == "~" and (previous := record.prev_record) is not None:
        delta = record.diff_against(previous, excluded_fields=["lock_version"])
        for change in delta.changes:
            label = str(model._meta.get_field(change.field).verbose_name)
            changes.append((label, _text(change.old), _text(change.new)))
    user = record.history_user
    return AuditEntry(
        when=record.history_date,
        user=(user.get_username() if user else "系统"),
        action=ACTIONS[record.history_type],
        model=str(model._meta.verbose_name),
        record=str(record.instance) if record.history_type != "-" else f"#{record.id}",
        changes=changes,
    )


def _text(value) -> str:
    return "" if value is None else str(value)


def budget_audit_entries(*, budget: Budget, limit: int = 500) -> list[AuditEntry]:
    """The newest ``limit`` changes to a budget's data, newest first, with old → new values."""
    records = []
    for model, lookup in AUDITED:
        # simple-history adds ``history`` at run time; the stubs of ``Model`` cannot know it.
        manager = model.history  # type: ignore[attr-defined]
        history = manager.filter(**_record_ids(model, lookup, budget))
        records += [(model, r) for r in history.select_related("history_user")[:limit]]
    records.sort(key=lambda pair: pair[1].history_date, reverse=True)
    return [_entry(model, record) for model, record in records[:limit]]
