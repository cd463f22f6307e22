"""Reads for the grid: its lines as compact rows, their version token, the other totals."""

import hashlib
from decimal import Decimal

from django.db.models import Sum

from budgets.fields import quantize
from budgets.models import Budget, ExpenditureLine, LineKind, Project

# The columns of a grid row, in the order the page and a save use them.
ROW_KEYS = ("id", "unit", "functional", "dept", "gov", "source", "cost", "amount")


def scope_lines(*, budget: Budget, project: Project | None = None):
    """The lines one grid edits: the budget's basic lines, or one project's lines."""
    lines = ExpenditureLine.objects.filter(budget=budget)
    if project is None:
        return lines.filter(kind=LineKind.BASIC)
    return lines.filter(kind=LineKind.PROJECT, project=project)


def version_token(pairs) -> str:
    """A token naming exactly these lines at these versions: any line added, deleted or
    saved by somebody else (here or in the admin) changes it."""
    text = ",".join(f"{pk}:{version}" for pk, version in sorted(pairs))
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def grid_version(*, budget: Budget, project: Project | None = None) -> str:
    lines = scope_lines(budget=budget, project=project)
    return version_token(lines.values_list("id", "lock_version"))


def grid_rows(*, budget: Budget, project: Project | None = None) -> list[list]:
    """Each line as ``[id, unit, 功能, 部门经济, 政府经济, source, cost, amount]`` (one query)."""
    lines = scope_lines(budget=budget, project=project).order_by("unit__code", "position", "id")
    values = lines.values_list(
        "id",
        "unit__code",
        "functional_subject__code",
        "dept_economic__code",
        "gov_economic__code",
        "funding_source",
        "cost_type_override",
        "amount",
    )
    return [[*row[:7], f"{row[7]:.2f}"] for row in values]


def outside_totals(
    *, budget: Budget, project: Project | None = None, everything: bool = False
) -> list[list]:
    """Sums of the budget's lines that this grid does not show (``everything``: a new
    project's grid shows none yet), per unit, kind and cost type:
    ``[[unit code, kind, cost type, amount], …]`` (one query), so the page's totals are
    the budget's."""
    lines = ExpenditureLine.objects.filter(budget=budget)
    if not everything:
        lines = lines.exclude(pk__in=scope_lines(budget=budget, project=project).values("pk"))
    rows = lines.values("unit__code", "kind", "cost_type").annotate(total=Sum("amount"))
    return [
        [row["unit__code"], row["kind"], row["cost_type"], f"{quantize(row['total']):.2f}"]
        for row in rows.order_by("unit__code", "kind", "cost_type")
    ]


def scope_total(*, budget: Budget, project: Project | None = None) -> Decimal:
    return quantize(scope_lines(budget=budget, project=project).aggregate(s=Sum("amount"))["s"])
