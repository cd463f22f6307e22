"""Everything the twelve tables need from one budget, fetched in a fixed number of queries.

The expenditure lines are read once as an SQL ``GROUP BY`` over every attribute a table
can split by (the "cube"); each table then adds up the cells it needs. The number of
queries does not depend on the number of units, lines, projects or indicators.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from budgets.fields import ZERO, quantize
from budgets.funding import FundingGroup, funding_group
from budgets.models import (
    AssetHolding,
    Budget,
    BudgetUnit,
    ClassificationLevel,
    DepartmentGoal,
    DepartmentIndicator,
    DepartmentTask,
    EconomicScheme,
    EconomicSubject,
    ExpenditureLine,
    FunctionalSubject,
    NarrativeSection,
    PerformanceGoal,
    PriorYearFigures,
    PriorYearTotals,
    ProcurementItem,
    Project,
    ProjectIndicator,
    ProjectPlan,
    ProjectText,
    TransferPayment,
)


@dataclass(frozen=True)
class Cell:
    """The sum (万元) of all lines sharing these attributes."""

    unit_id: int
    project_id: int | None
    kind: str
    cost_type: str
    source: str
    func_code: str
    func_name: str
    dept_code: str
    dept_name: str
    gov_code: str
    gov_name: str
    amount: Decimal
    group: FundingGroup  # derived from ``source`` once, as every table filters on it

    @property
    def dept_category(self) -> str:
        return self.dept_code[:3]


@dataclass
class BudgetData:
    """A budget's cube of sums plus the reference data the tables print."""

    budget: Budget
    units: list[BudgetUnit]
    cells: list[Cell]
    functional: dict[str, FunctionalSubject]  # every 类/款/项 of the budget year, by code
    projects: list[Project]
    project_indicators: dict[int, list[ProjectIndicator]] = field(default_factory=dict)
    goal: PerformanceGoal | None = None
    tasks: list[DepartmentTask] = field(default_factory=list)
    department_indicators: list[DepartmentIndicator] = field(default_factory=list)
    dept_category_names: dict[str, str] = field(default_factory=dict)  # 部门经济分类 类
    # 部门经济分类 款, a province's own names replacing the national ones (Hubei （六）)
    dept_section_names: dict[str, str] = field(default_factory=dict)
    gov_category_names: dict[str, str] = field(default_factory=dict)  # 政府经济分类 类
    # What the explanation (情况说明) states besides the tables.
    prior_year: PriorYearFigures | None = None
    narrative: dict[str, str] = field(default_factory=dict)  # NarrativeKey → text
    procurement: list[ProcurementItem] = field(default_factory=list)
    assets: list[AssetHolding] = field(default_factory=list)
    transfers: list[TransferPayment] = field(default_factory=list)
    # What the forms print besides the tables (Hubei （九）（十）).
    project_texts: dict[int, dict[str, str]] = field(default_factory=dict)  # project → key → text
    # project → (year, row) → amount of the planning years
    project_plans: dict[int, dict[tuple[int, str], Decimal]] = field(default_factory=dict)
    department_goals: list[DepartmentGoal] = field(default_factory=list)
    prior_totals: dict[int, PriorYearTotals] = field(default_factory=dict)  # by year

    @property
    def department(self):
        return self.budget.department

    @property
    def format_key(self) -> str:
        """The disclosure format the budget is published in (``henan`` until chosen)."""
        return getattr(self.budget, "disclosure_format", "") or "henan"

    @property
    def year(self) -> int:
        return self.budget.fiscal_year.year

    def categories(self) -> list[FunctionalSubject]:
        """Every 功能分类 类 of the year's edition, in code order (tables 1 and 4)."""
        return sorted(
            (s for s in self.functional.values() if s.level == ClassificationLevel.CATEGORY),
            key=lambda s: s.code,
        )

    def projects_of(self, unit) -> list[Project]:
        """The unit's projects, in table order."""
        if not hasattr(self, "_projects_by_unit"):
            grouped: dict[int, list[Project]] = defaultdict(list)
            for project in self.projects:
                grouped[project.unit_id].append(project)
            self._projects_by_unit = grouped
        return self._projects_by_unit.get(unit.pk, [])

    def project_totals(self) -> dict[int, dict[str, Decimal]]:
        """Per project: amount per funding source."""
        totals: dict[int, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
        for cell in self.cells:
            if cell.project_id is not None:
                totals[cell.project_id][cell.source] += cell.amount
        return totals


def total(cells, predicate=lambda cell: True) -> Decimal:
    """Sum of the cells that satisfy ``predicate``, to the cent."""
    return quantize(sum((c.amount for c in cells if predicate(c)), ZERO))


CUBE_FIELDS = {
    "unit_id": "unit_id",
    "project_id": "project_id",
    "kind": "kind",
    "cost_type": "cost_type",
    "source": "funding_source",
    "func_code": "functional_subject__code",
    "func_name": "functional_subject__name",
    "dept_code": "dept_economic__code",
    "dept_name": "dept_economic__name",
    "gov_code": "gov_economic__code",
    "gov_name": "gov_economic__name",
}


def budget_data(*, budget_id: int) -> BudgetData:
    """Fetch everything the tables need (a fixed number of queries, see README)."""
    budget = Budget.objects.select_related("department__region", "fiscal_year", "prior_year").get(
        pk=budget_id
    )
    rows = (
        ExpenditureLine.objects.filter(budget_id=budget_id)
        .values(*CUBE_FIELDS.values())
        .annotate(amount=Sum("amount"))
        .order_by()
    )
    cells = [
        Cell(
            **{name: row[path] for name, path in CUBE_FIELDS.items()},
            amount=quantize(row["amount"]),
            group=funding_group(row["funding_source"]),
        )
        for row in rows
    ]
    year = budget.fiscal_year.year
    functional = {s.code: s for s in FunctionalSubject.objects.valid_in(year)}
    projects = list(
        Project.objects.filter(budget_id=budget_id)
        .select_related("unit")
        .order_by("unit__code", "position", "code")
    )
    indicators: dict[int, list[ProjectIndicator]] = defaultdict(list)
    for indicator in ProjectIndicator.objects.filter(project__budget_id=budget_id).order_by(
        "project_id", "position", "id"
    ):
        indicators[indicator.project_id].append(indicator)
    texts: dict[int, dict[str, str]] = defaultdict(dict)
    for project_id, key, text in ProjectText.objects.filter(
        project__budget_id=budget_id
    ).values_list("project_id", "key", "text"):
        texts[project_id][key] = text
    plans: dict[int, dict[tuple[int, str], Decimal]] = defaultdict(dict)
    for project_id, plan_year, row, amount in ProjectPlan.objects.filter(
        project__budget_id=budget_id
    ).values_list("project_id", "year", "row", "amount"):
        plans[project_id][(plan_year, row)] = quantize(amount)
    region_code = budget.department.region.code
    economic = sorted(  # national entries first, so a province's own names win
        EconomicSubject.objects.valid_in(year, region_code).filter(
            level__in=[ClassificationLevel.CATEGORY, ClassificationLevel.SECTION]
        ),
        key=lambda s: s.province != "",
    )
    categories = [c for c in economic if c.level == ClassificationLevel.CATEGORY]
    return BudgetData(
        budget=budget,
        units=list(BudgetUnit.objects.filter(department_id=budget.department_id).order_by("code")),
        cells=cells,
        functional=functional,
        projects=projects,
        project_indicators=dict(indicators),
        goal=PerformanceGoal.objects.filter(budget_id=budget_id).first(),
        tasks=list(DepartmentTask.objects.filter(budget_id=budget_id).order_by("position", "id")),
        department_indicators=list(
            DepartmentIndicator.objects.filter(budget_id=budget_id).order_by("position", "id")
        ),
        dept_category_names={
            c.code: c.name for c in categories if c.scheme == EconomicScheme.DEPARTMENT
        },
        gov_category_names={
            c.code: c.name for c in categories if c.scheme == EconomicScheme.GOVERNMENT
        },
        dept_section_names={
            s.code: s.name
            for s in economic
            if s.scheme == EconomicScheme.DEPARTMENT and s.level == ClassificationLevel.SECTION
        },
        prior_year=getattr(budget, "prior_year", None),
        narrative=dict(
            NarrativeSection.objects.filter(budget_id=budget_id).values_list("key", "text")
        ),
        procurement=list(ProcurementItem.objects.filter(budget_id=budget_id)),
        assets=list(AssetHolding.objects.filter(budget_id=budget_id)),
        transfers=list(TransferPayment.objects.filter(budget_id=budget_id).order_by("position")),
        project_texts=dict(texts),
        project_plans=dict(plans),
        department_goals=list(DepartmentGoal.objects.filter(budget_id=budget_id)),
        prior_totals={t.year: t for t in PriorYearTotals.objects.filter(budget_id=budget_id)},
    )
