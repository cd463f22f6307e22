"""Load a demo budget from a TOML file (format: docs/demo-data-format.md).

Everything goes through the model layer with ``full_clean()``, so a demo file obeys the
same rules as data entered in the admin. Loading replaces the department-year budget in
one transaction, so running it twice gives the same data.
"""

import datetime
import tomllib
from decimal import Decimal
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from budgets.models import (
    AssetHolding,
    Budget,
    BudgetUnit,
    Department,
    DepartmentGoal,
    DepartmentIndicator,
    DepartmentTask,
    EconomicScheme,
    EconomicSubject,
    ExpenditureLine,
    FiscalYear,
    FunctionalSubject,
    LineKind,
    NarrativeSection,
    PerformanceGoal,
    PriorYearFigures,
    PriorYearTotals,
    ProcurementItem,
    Project,
    ProjectIndicator,
    ProjectPlan,
    ProjectText,
    Region,
    TransferPayment,
)
from budgets.models.registry import budget_rows

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo_data"


def demo_files() -> list[Path]:
    return sorted(DEMO_DIR.glob("*.toml"))


class SubjectCache:
    """Catalogue rows valid in one year, looked up by code without a query per line."""

    def __init__(self, year: int, region_code: str | None = None):
        self.functional = {s.code: s for s in FunctionalSubject.objects.valid_in(year)}
        # National entries first, so the region's province's own entries replace them.
        economic = sorted(
            EconomicSubject.objects.valid_in(year, region_code), key=lambda s: s.province != ""
        )
        self.dept = {s.code: s for s in economic if s.scheme == EconomicScheme.DEPARTMENT}
        self.gov = {s.code: s for s in economic if s.scheme == EconomicScheme.GOVERNMENT}

    def get(self, table: dict, code: str, label: str):
        try:
            return table[code]
        except KeyError:
            raise ValueError(f"{label}科目 {code} 在目录中不存在") from None


def _saved(obj):
    obj.full_clean()
    obj.save()
    return obj


def demo_budget_load(*, path: Path) -> Budget:
    """Create (or replace) the budget described by the TOML file ``path``."""
    return budget_load(data=tomllib.loads(path.read_text(encoding="utf-8")))


@transaction.atomic
def budget_load(*, data: dict) -> Budget:
    """Create (or replace) the budget described by ``data`` (docs/demo-data-format.md)."""
    budget = budget_prepare(data=data, create_missing=True)  # the demo creates its organisation
    department, year = budget.department, budget.fiscal_year
    units = _load_units(department, data.get("units", []))
    subjects = SubjectCache(year.year, department.region.code)
    _load_narrative(budget, data)
    _load_basic_lines(budget, units, subjects, data.get("basic_lines", []))
    _load_other_lines(budget, units, subjects, data.get("other_lines", []))
    _load_projects(budget, units, subjects, data.get("projects", []))
    _load_performance(budget, data.get("performance"))
    _load_other(budget, units, data)
    return budget


@transaction.atomic
def budget_prepare(*, data: dict, create_missing: bool = False) -> Budget:
    """The saved, empty budget of ``data``'s region, department and year.

    The region, department and year must exist (``ValidationError`` otherwise): a clerk's
    import writes only inside one budget. With ``create_missing`` (the demo loader, the
    operator's ``import_budget --create-missing``) missing ones are created from ``data``.
    Names of existing ones are never changed here: the finance bureau edits them in the
    admin. An existing budget keeps its row (publications, workflow log) but loses its data.
    """
    region, department, year = _organisation(data, create_missing=create_missing)
    budget = Budget.objects.filter(department=department, fiscal_year=year).first()
    if budget is None:
        budget = Budget(department=department, fiscal_year=year)
    else:  # keep the budget row: its publications and workflow log stay
        _clear(budget)
    budget.cover_date = _date(data["budget"].get("cover_date"))
    return _saved(budget)


def _organisation(data: dict, *, create_missing: bool):
    """The region, department and fiscal year ``data`` names (created if allowed)."""
    from budgets.services.organisation import missing_organisation_problems

    if not create_missing and (problems := missing_organisation_problems(data=data)):
        raise ValidationError(problems)
    region, _ = Region.objects.get_or_create(
        code=data["region"]["code"], defaults={"name": data["region"]["name"]}
    )
    dept = data["department"]
    department, _ = Department.objects.get_or_create(
        region=region,
        code=dept["code"],
        defaults={
            "name": dept["name"],
            "short_name": dept.get("short_name", ""),
            "supervising_section": dept.get("supervising_section", ""),
        },
    )
    year, _ = FiscalYear.objects.get_or_create(year=data["budget"]["year"])
    return region, department, year


def _clear(budget: Budget) -> None:
    """Delete a budget's data (not the budget itself), children first (the registry's
    order reversed), so no model of the registry is forgotten."""
    for entry in reversed(budget_rows()):
        # A budget row always has a path to its budget; its default manager is ``objects``.
        entry.model._default_manager.filter(**{entry.budget_path or "budget": budget}).delete()


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def _load_units(department, rows) -> dict[str, BudgetUnit]:
    units = {}
    for row in rows:
        unit = BudgetUnit.objects.filter(department=department, code=row["code"]).first()
        unit = unit or BudgetUnit(department=department, code=row["code"])
        unit.name, unit.kind = row["name"], row["kind"]
        unit.grade, unit.funding_form = row.get("grade", ""), row.get("funding_form", "")
        units[row["code"]] = _saved(unit)
    return units


def _load_narrative(budget, data) -> None:
    for key, text in data.get("narrative", {}).items():
        if text.strip():
            _saved(NarrativeSection(budget=budget, key=key, text=text.strip()))
    prior = data.get("previous_year")
    if prior:
        figures = {k: Decimal(v) for k, v in prior.items() if v is not None}
        _saved(PriorYearFigures(budget=budget, **figures))
    for row in data.get("prior_totals", []):
        amounts = {k: Decimal(v) for k, v in row.items() if k != "year" and v is not None}
        _saved(PriorYearTotals(budget=budget, year=row["year"], **amounts))


def _line(budget, unit, subjects, row, *, kind, project=None, position=0) -> ExpenditureLine:
    return _saved(
        ExpenditureLine(
            budget=budget,
            unit=unit,
            kind=kind,
            project=project,
            functional_subject=subjects.get(subjects.functional, row["func"], "功能分类"),
            dept_economic=subjects.get(subjects.dept, row["dept_econ"], "部门经济分类"),
            gov_economic=subjects.get(subjects.gov, row["gov_econ"], "政府经济分类"),
            funding_source=row["source"],
            amount=Decimal(row["amount"]),
            cost_type_override=row.get("cost_type", ""),
            position=position,
        )
    )


def _load_basic_lines(budget, units, subjects, rows) -> None:
    for position, row in enumerate(rows):
        _line(budget, units[row["unit"]], subjects, row, kind=LineKind.BASIC, position=position)


def _load_other_lines(budget, units, subjects, rows) -> None:
    """事业单位经营支出 / 其他支出 / 结转下年 lines (``kind`` names which)."""
    for position, row in enumerate(rows):
        unit = units[row["unit"]]
        _line(budget, unit, subjects, row, kind=row["kind"], position=position)


# Optional project fields of a form (Hubei （九）), copied as they are.
PROJECT_FORM_FIELDS = (
    "manager",
    "phone",
    "postcode",
    "category",
    "spending_type",
    "attribute",
    "start_year",
    "end_year",
)


def _project(budget, units, row, position) -> Project:
    declared, total_budget = row.get("declared_total"), row.get("total_budget")
    return _saved(
        Project(
            budget=budget,
            unit=units[row["unit"]],
            code=row["code"],
            name=row["name"],
            kind=row["kind"],
            declared_total=Decimal(declared) if declared else None,
            total_budget=Decimal(total_budget) if total_budget else None,
            position=position,
            purpose=row.get("purpose", ""),
            objective=row.get("objective", ""),
            **_plan(row),
            **{key: row[key] for key in PROJECT_FORM_FIELDS if key in row},
        )
    )


def _load_projects(budget, units, subjects, rows) -> None:
    for position, row in enumerate(rows):
        project = _project(budget, units, row, position)
        for key, text in row.get("texts", {}).items():
            _saved(ProjectText(project=project, key=key, text=text))
        for plan in row.get("plans", []):
            amount = Decimal(plan["amount"])
            _saved(ProjectPlan(project=project, year=plan["year"], row=plan["row"], amount=amount))
        for i, line in enumerate(row.get("lines", [])):
            _line(
                budget,
                project.unit,
                subjects,
                line,
                kind=LineKind.PROJECT,
                project=project,
                position=i,
            )
        for i, ind in enumerate(row.get("indicators", [])):
            _saved(ProjectIndicator(project=project, position=i, **ind))


PLAN_KEYS = ("plan_march", "plan_june", "plan_october", "plan_december")


def _plan(row: dict) -> dict:
    """The 资金支出计划 percentages a project row gives (absent or "" = not filled)."""
    return {key: Decimal(str(row[key])) for key in PLAN_KEYS if row.get(key, "") != ""}


GOAL_FIELDS = ("reporter", "phone", "long_term_objective", "long_term_end_year")


def _load_performance(budget, perf) -> None:
    if not perf:
        return
    extra = {key: perf[key] for key in GOAL_FIELDS if key in perf}
    _saved(PerformanceGoal(budget=budget, objective=perf["objective"], **extra))
    for i, task in enumerate(perf.get("tasks", [])):
        _saved(DepartmentTask(budget=budget, position=i, **task))
    position = 0
    for i, ind in enumerate(perf.get("indicators", [])):
        _saved(DepartmentIndicator(budget=budget, position=i, **ind))
        position = i + 1
    for row in perf.get("goals", []):  # numbered goals, each with its own indicators
        goal = _saved(
            DepartmentGoal(
                budget=budget, horizon=row["horizon"], number=row["number"], text=row["text"]
            )
        )
        for ind in row.get("indicators", []):
            _saved(DepartmentIndicator(budget=budget, goal=goal, position=position, **ind))
            position += 1


def _load_other(budget, units, data) -> None:
    projects = {p.code: p for p in Project.objects.filter(budget=budget)}
    for i, row in enumerate(data.get("procurement", [])):
        row = dict(row, unit=units[row["unit"]])
        if code := row.pop("project", ""):
            if code not in projects:
                raise ValueError(f"政府采购的项目来源 {code} 不是本预算的项目")
            row["project"] = projects[code]
        _saved(ProcurementItem(budget=budget, position=i, **row))
    for row in data.get("assets", []):
        _saved(AssetHolding(budget=budget, **row))
    for i, row in enumerate(data.get("transfer_payments", [])):
        _saved(
            TransferPayment(
                budget=budget, name=row["name"], amount=Decimal(row["amount"]), position=i
            )
        )
