"""Key figures of snapshots published before formats existed (schema 1: Henan tables only).

Those snapshots hold the twelve Henan tables but no key figures, so the charts, headline
and API of an old version read them off its frozen tables, exactly as the pages did when
it was published. Only this module knows where in the Henan tables each figure stands;
机关运行经费 is in no table, so it stays unknown (None).
"""

import re
from decimal import Decimal

from budgets.fields import ZERO
from disclosures.checks.base import text_of
from disclosures.keyfigures import SOURCES, Category, KeyFigures, Named, Source
from disclosures.tables.base import ReportTable, RowKind


def _amount(value) -> Decimal:
    return value if isinstance(value, Decimal) else ZERO


def _first(table: ReportTable, kind: RowKind) -> dict:
    return next((row.cells for row in table.rows if row.kind == kind), {})


def _categories(t1: ReportTable, t4: ReportTable) -> list[Category]:
    general_public = {
        text_of(r, "cat_code"): r.cells.get("gp") for r in t4.rows if text_of(r, "cat_code")
    }
    categories = []
    for row in t1.rows:
        if code := text_of(row, "out_code"):
            label = re.sub(r"^[一二三四五六七八九十百]+、", "", text_of(row, "out_label"))
            gp = _amount(general_public.get(code))
            categories.append(Category(code, label, label, _amount(row.cells["out_amount"]), gp))
    return categories


def _projects(t10: ReportTable) -> tuple[list[Named], list[Named]]:
    units, projects = [], []
    for row in t10.rows:
        name = text_of(row, "name")
        if row.kind == RowKind.UNIT and name:
            units.append(Named(text_of(row, "kind"), name))  # 表十 prints the unit code first
        elif row.kind == RowKind.ITEM and name:
            projects.append(Named(text_of(row, "code"), name))
    return units, projects


def _with_goals(t12: ReportTable) -> list[Decimal]:
    """Amounts of the projects in 表十二 that have at least one indicator."""
    amounts, current, has_indicator = [], None, False
    for row in [*t12.rows, None]:
        starts = row is None or (row.kind == RowKind.ITEM and row.cells.get("code"))
        if starts and current is not None and has_indicator:
            amounts.append(current)
        if row is None:
            break
        if starts:
            current, has_indicator = _amount(row.cells.get("total")), False
        groups = ("cost", "output", "benefit", "satisfaction")
        if row.kind == RowKind.ITEM and any(row.cells.get(f"{g}_name") for g in groups):
            has_indicator = True
    return amounts


def key_figures_from_tables(tables: list[ReportTable]) -> KeyFigures:
    t = {table.number: table for table in tables}
    closing = {row.cells.get("in_label"): row.cells for row in t[1].rows}
    income_total = _amount(closing["收入总计"]["in_amount"])
    carried = _amount(closing["上年结转结余"]["in_amount"])
    income = _first(t[2], RowKind.TOTAL)
    overall = _first(t[3], RowKind.TOTAL)
    units, projects = _projects(t[10])
    appropriation = _first(t[4], RowKind.CATEGORY)
    three = t[8].rows[0].cells if t[8].rows else {}
    return KeyFigures(
        income_total=income_total,
        expenditure_total=_amount(closing["收入总计"]["out_amount"]),
        current_income=income_total - carried,
        carried_over=carried,
        sources=[Source(key, label, _amount(income.get(key))) for key, label, _ in SOURCES],
        basic=_amount(overall.get("basic")),
        project=_amount(overall.get("project")),
        categories=_categories(t[1], t[4]),
        appropriation={
            k: _amount(appropriation.get(k))
            for k in ("total", "gp", "gp_appropriation", "gf", "sc")
        },
        general_public={
            k: _amount(_first(t[5], RowKind.TOTAL).get(k)) for k in ("total", "basic", "project")
        },
        general_public_basic={
            k: _amount(_first(t[6], RowKind.TOTAL).get(k)) for k in ("total", "personnel", "public")
        },
        gov_fund=_amount(_first(t[9], RowKind.TOTAL).get("total")),
        three_public={key: _amount(value) for key, value in three.items()},
        operating_costs=None,
        project_count=len(projects),
        projects_with_goals=_with_goals(t[12]),
        units=units,
        projects=projects,
    )
