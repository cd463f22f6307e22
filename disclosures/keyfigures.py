"""Key figures: what every format, chart, search entry, narrative and check shares (万元).

They are computed once from a budget's lines (``BudgetData``), never read off a table of
one format, so a Hubei or Hebei document states the same 收入总计 or “三公” figure as a
Henan one would, whatever its tables look like. A publication stores them in its
snapshot (``Disclosure.key_figures``), so lists, charts and the API never rebuild them.
"""

from dataclasses import asdict, dataclass, field
from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.funding import APPROPRIATION_GROUPS
from budgets.funding import FundingGroup as G
from budgets.funding import FundingSource as S
from budgets.models import CostType, LineKind, UnitKind
from disclosures.tables.data import BudgetData, Cell, total

# Current-year income by source, in the order the documents list them.
SOURCES = (
    ("gp", "一般公共预算", lambda c: c.group == G.GENERAL_PUBLIC),
    ("gf", "政府性基金预算", lambda c: c.group == G.GOV_FUND),
    ("sc", "国有资本经营预算", lambda c: c.group == G.STATE_CAPITAL),
    ("special", "财政专户管理资金收入", lambda c: c.group == G.SPECIAL_ACCOUNT),
    ("unit_service", "事业收入", lambda c: c.source == S.UNIT_SERVICE),
    ("unit_operating", "事业单位经营收入", lambda c: c.source == S.UNIT_OPERATING),
    ("unit_subsidy", "上级补助收入", lambda c: c.source == S.UNIT_SUBSIDY),
    ("unit_subordinate", "附属单位上缴收入", lambda c: c.source == S.UNIT_SUBORDINATE),
    ("unit_other", "其他收入", lambda c: c.source == S.UNIT_OTHER),
)
# The four “三公” items by their 部门经济分类 款 (spec section 1).
OUTBOUND, VEHICLE_PURCHASE, VEHICLE_OPERATION, RECEPTION = "30212", "31013", "30231", "30217"
# Keyed by source code (a Cell carries its source as plain text).
CARRIED_APPROPRIATION: dict[str, G] = {
    S.CARRY_GP: G.GENERAL_PUBLIC,
    S.CARRY_GF: G.GOV_FUND,
    S.CARRY_SC: G.STATE_CAPITAL,
}
OPERATING_UNIT_KINDS = {UnitKind.ADMINISTRATIVE, UnitKind.CIVIL_SERVICE_INSTITUTION}
# Indicator groups whose indicators count as a published performance target.
GOAL_GROUPS = ("成本指标", "产出指标", "效益指标", "满意度指标")


@dataclass
class Source:
    key: str
    label: str
    amount: Decimal


@dataclass
class Category:
    """One 功能分类 类 of the budget year's edition: all money and 一般公共预算 appropriation."""

    code: str
    name: str
    short_name: str
    amount: Decimal
    general_public: Decimal


@dataclass
class Named:
    """A unit or project the public can search for."""

    code: str
    name: str


@dataclass
class KeyFigures:
    """The shared figures of one budget, in 万元 (see the module docstring)."""

    income_total: Decimal  # 收入总计 = 本年收入 + 上年结转结余
    expenditure_total: Decimal  # 支出总计
    current_income: Decimal  # 本年收入合计
    carried_over: Decimal  # 上年结转结余
    sources: list[Source]  # current-year income by source
    basic: Decimal  # 基本支出, every source
    project: Decimal  # 项目支出, every source
    categories: list[Category]  # every 类 of the edition, in code order
    # 财政拨款 (一般公共预算, 政府性基金, 国有资本经营; this year's and carried over)
    appropriation: dict[str, Decimal]  # total, gp, gp_appropriation, gf, sc
    general_public: dict[str, Decimal]  # this year's 一般公共预算: total, basic, project
    general_public_basic: dict[str, Decimal]  # its 基本支出: total, personnel, public
    gov_fund: Decimal  # this year's 政府性基金预算 expenditure
    three_public: dict[str, Decimal]  # total, outbound, vehicle, vehicle_purchase, …
    operating_costs: Decimal | None  # 机关运行经费; None in snapshots that did not keep it
    project_count: int
    projects_with_goals: list[Decimal]  # amounts of the projects that carry indicators
    units: list[Named] = field(default_factory=list)  # units with projects, in table order
    projects: list[Named] = field(default_factory=list)

    @property
    def headline(self) -> dict[str, Decimal]:
        """收入/支出总计, 基本/项目支出 and the “三公” total (the cards and list columns)."""
        return {
            "income_total": self.income_total,
            "expenditure_total": self.expenditure_total,
            "basic": self.basic,
            "project": self.project,
            "three_public": self.three_public.get("total") or ZERO,
        }


def appropriation_group(cell: Cell) -> G | None:
    """The treasury budget a cell's money belongs to (this year's or carried over), if any."""
    if cell.group in APPROPRIATION_GROUPS:
        return cell.group
    return CARRIED_APPROPRIATION.get(cell.source)


def three_public_figures(cells: list[Cell]) -> dict[str, Decimal]:
    """The “三公” items from 财政拨款 lines of the four economic 款."""
    cells = [c for c in cells if c.group in APPROPRIATION_GROUPS]

    def of(code: str) -> Decimal:
        # [:5]: a province's 7-digit 子目 (e.g. Hubei's) counts under its 款.
        return total(cells, lambda c: c.dept_code[:5] == code)

    figures = {
        "outbound": of(OUTBOUND),
        "vehicle_purchase": of(VEHICLE_PURCHASE),
        "vehicle_operation": of(VEHICLE_OPERATION),
        "reception": of(RECEPTION),
    }
    figures["vehicle"] = figures["vehicle_purchase"] + figures["vehicle_operation"]
    figures["total"] = figures["outbound"] + figures["vehicle"] + figures["reception"]
    return figures


def operating_costs(data: BudgetData) -> Decimal:
    """机关运行经费: 公用经费 (basic 302 + 310) of 行政单位 and 参公事业单位 (spec section 1)."""
    kinds = {unit.pk: unit.kind for unit in data.units}
    return total(
        data.cells,
        lambda c: (
            c.kind == LineKind.BASIC
            and c.cost_type == CostType.PUBLIC
            and c.dept_category in {"302", "310"}
            and kinds.get(c.unit_id) in OPERATING_UNIT_KINDS
        ),
    )


def appropriation_sums(cells: list[Cell]) -> dict[str, Decimal]:
    """财政拨款 of ``cells`` (this year's and carried over): total, by budget, 其中 财政拨款."""
    cells = [c for c in cells if appropriation_group(c) is not None]
    return {
        "total": total(cells),
        "gp": total(cells, lambda c: appropriation_group(c) == G.GENERAL_PUBLIC),
        "gp_appropriation": total(cells, lambda c: c.source == S.GP_APPROPRIATION),
        "gf": total(cells, lambda c: appropriation_group(c) == G.GOV_FUND),
        "sc": total(cells, lambda c: appropriation_group(c) == G.STATE_CAPITAL),
    }


def _categories(data: BudgetData) -> list[Category]:
    gp = lambda c: appropriation_group(c) == G.GENERAL_PUBLIC  # noqa: E731
    return [
        Category(
            code=category.code,
            name=category.name,
            short_name=category.short_name,
            amount=total(data.cells, lambda c, k=category.code: c.func_code[:3] == k),
            general_public=total(
                data.cells, lambda c, k=category.code: c.func_code[:3] == k and gp(c)
            ),
        )
        for category in data.categories()
    ]


def _general_public(cells: list[Cell]) -> tuple[dict, dict]:
    cells = [c for c in cells if c.group == G.GENERAL_PUBLIC]
    basic = [c for c in cells if c.kind == LineKind.BASIC]
    return (
        {
            "total": total(cells),
            "basic": total(basic),
            "project": total(cells, lambda c: c.kind == LineKind.PROJECT),
        },
        {
            "total": total(basic),
            "personnel": total(basic, lambda c: c.cost_type == CostType.PERSONNEL),
            "public": total(basic, lambda c: c.cost_type == CostType.PUBLIC),
        },
    )


def _projects(data: BudgetData) -> tuple[list[Named], list[Named], list[Decimal]]:
    """Units with projects and their projects (table order); amounts of projects with goals."""
    per_project = data.project_totals()
    units, projects, with_goals = [], [], []
    for unit in data.units:
        own = data.projects_of(unit)
        if not own:
            continue
        units.append(Named(unit.code, unit.name))
        for project in own:
            projects.append(Named(project.code, project.name))
            indicators = data.project_indicators.get(project.pk, [])
            if any(i.level1 in GOAL_GROUPS and (i.level3 or i.goal_name) for i in indicators):
                with_goals.append(quantize(sum(per_project.get(project.pk, {}).values(), ZERO)))
    return units, projects, with_goals


def key_figures(data: BudgetData) -> KeyFigures:
    """Compute the key figures of one budget from its lines (no queries)."""
    cells = data.cells
    carried = total(cells, lambda c: c.group == G.CARRY_OVER)
    current = total(cells, lambda c: c.group != G.CARRY_OVER)
    general_public, general_public_basic = _general_public(cells)
    units, projects, with_goals = _projects(data)
    return KeyFigures(
        income_total=current + carried,
        expenditure_total=total(cells),
        current_income=current,
        carried_over=carried,
        sources=[Source(key, label, total(cells, test)) for key, label, test in SOURCES],
        basic=total(cells, lambda c: c.kind == LineKind.BASIC),
        project=total(cells, lambda c: c.kind == LineKind.PROJECT),
        categories=_categories(data),
        appropriation=appropriation_sums(cells),
        general_public=general_public,
        general_public_basic=general_public_basic,
        gov_fund=total(cells, lambda c: c.group == G.GOV_FUND),
        three_public=three_public_figures(cells),
        operating_costs=quantize(operating_costs(data)),
        project_count=len(data.projects),
        projects_with_goals=with_goals,
        units=units,
        projects=projects,
    )


# --- Snapshot form (amounts as two-decimal strings, never floats) ----------------------


def _encode(value):
    if isinstance(value, Decimal):
        return str(quantize(value))
    if isinstance(value, dict):
        return {k: _encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    return value


def key_figures_to_dict(figures: KeyFigures) -> dict:
    return _encode(asdict(figures))


def _amounts(values: dict) -> dict[str, Decimal]:
    return {k: Decimal(v) for k, v in values.items()}


def key_figures_from_dict(data: dict) -> KeyFigures:
    """The inverse of :func:`key_figures_to_dict`."""
    operating = data.get("operating_costs")
    return KeyFigures(
        income_total=Decimal(data["income_total"]),
        expenditure_total=Decimal(data["expenditure_total"]),
        current_income=Decimal(data["current_income"]),
        carried_over=Decimal(data["carried_over"]),
        sources=[Source(s["key"], s["label"], Decimal(s["amount"])) for s in data["sources"]],
        basic=Decimal(data["basic"]),
        project=Decimal(data["project"]),
        categories=[
            Category(
                c["code"],
                c["name"],
                c["short_name"],
                Decimal(c["amount"]),
                Decimal(c["general_public"]),
            )
            for c in data["categories"]
        ],
        appropriation=_amounts(data["appropriation"]),
        general_public=_amounts(data["general_public"]),
        general_public_basic=_amounts(data["general_public_basic"]),
        gov_fund=Decimal(data["gov_fund"]),
        three_public=_amounts(data["three_public"]),
        operating_costs=Decimal(operating) if operating is not None else None,
        project_count=data["project_count"],
        projects_with_goals=[Decimal(v) for v in data["projects_with_goals"]],
        units=[Named(**u) for u in data.get("units", [])],
        projects=[Named(**p) for p in data.get("projects", [])],
    )
