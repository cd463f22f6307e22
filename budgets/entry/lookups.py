"""The budget year's catalogue, read once: for the grid page (as compact JSON) and a save.

A save of 1,000 lines costs the same few queries as a save of one: units, the three
catalogues of the year (all levels, so a 款 typed where a 项 is due gets the level message,
not “unknown”) and the 部门↔政府 correspondence.
"""

from dataclasses import dataclass, field

from budgets.catalogue_messages import unknown_code_message
from budgets.fields import MONEY_ERROR_MESSAGES, NEGATIVE_AMOUNT_MESSAGE
from budgets.funding import FundingSource
from budgets.models import (
    Budget,
    BudgetUnit,
    CostType,
    EconomicCorrespondence,
    EconomicScheme,
    EconomicSubject,
    FunctionalSubject,
)
from budgets.models.catalogues import correspondence_scope
from budgets.models.registry import OWN_UNIT


@dataclass
class Lookups:
    """Everything a row check needs, keyed by code."""

    budget: Budget
    units: dict[str, BudgetUnit]
    functional: dict[str, FunctionalSubject]
    dept: dict[str, EconomicSubject]
    gov: dict[str, EconomicSubject]
    pairs: dict[tuple[str, str], set[str]] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.budget.year

    def gov_choices(self, dept_code: str, unit_kind: str) -> list[str]:
        """The 政府经济分类 款 a 部门经济分类 款 corresponds to for the unit's kind."""
        scope = correspondence_scope(unit_kind)
        return sorted(
            g for (d, g), scopes in self.pairs.items() if d == dept_code and scope in scopes
        )


def _economic(budget: Budget, scheme: str) -> dict[str, EconomicSubject]:
    rows = EconomicSubject.objects.valid_in(budget.year, budget.department.region.code).filter(
        scheme=scheme
    )
    # A province's own entry replaces the national one of the same code (sorted last).
    table = {}
    for subject in sorted(rows, key=lambda s: (s.code, bool(s.province))):
        table[subject.code] = subject
    return table


def budget_lookups(*, budget: Budget) -> Lookups:
    """The lookups of ``budget`` (five queries, whatever the size of the budget)."""
    units = BudgetUnit.objects.filter(department_id=budget.department_id).order_by("code")
    pairs: dict[tuple[str, str], set[str]] = {}
    for dept, gov, scope in EconomicCorrespondence.objects.valid_in(budget.year).values_list(
        "dept_code", "gov_code", "applies_to"
    ):
        pairs.setdefault((dept, gov), set()).add(scope)
    return Lookups(
        budget=budget,
        units={unit.code: unit for unit in units},
        functional={s.code: s for s in FunctionalSubject.objects.valid_in(budget.year)},
        dept=_economic(budget, EconomicScheme.DEPARTMENT),
        gov=_economic(budget, EconomicScheme.GOVERNMENT),
        pairs=pairs,
    )


# Funding sources are typed by their number in this list (1 = 一般公共预算—财政拨款).
SOURCES = list(FundingSource.choices)
COST_TYPES = {"人员经费": CostType.PERSONNEL, "公用经费": CostType.PUBLIC}


def message_templates(lookups: Lookups) -> dict[str, str]:
    """The Chinese messages the page checks with, from the same functions as the server's
    (``{code}``, ``{name}`` … filled in by the page)."""
    year = lookups.year
    department = lookups.budget.department.name

    def unknown(label):
        return unknown_code_message(label=label, code="{code}", year=year, editions=[])

    return {
        "unknown_functional": unknown("功能分类"),
        "unknown_dept": unknown("部门经济分类"),
        "unknown_gov": unknown("政府经济分类"),
        "functional_level": f"功能分类科目 {{path}} 不是 {year} 年度有效的“项”级科目，请选择 7 位的“项”级科目。",
        "dept_level": f"部门预算支出经济分类科目 {{path}} 不是 {year} 年度有效的“款”级科目。",
        "gov_level": f"政府预算支出经济分类科目 {{path}} 不是 {year} 年度有效的“款”级科目。",
        "pair": "部门经济分类 {dept} {dept_name} 与政府经济分类 {gov} {gov_name} 不存在对应关系。",
        "unknown_unit": UNKNOWN_UNIT.format(code="{code}", department=department),
        "other_unit": OWN_UNIT.format(department=department, unit="{code}"),
        "project_unit": PROJECT_UNIT,
        "source": UNKNOWN_SOURCE.format(value="{value}", count=len(SOURCES)),
        "cost": UNKNOWN_COST.format(value="{value}"),
        "required": REQUIRED.format(label="{label}"),
        "amount": AMOUNT_FORMAT,
        "amount_places": AMOUNT_PLACES,
        "amount_big": AMOUNT_BIG,
        "amount_negative": AMOUNT_NEGATIVE,
    }


UNKNOWN_UNIT = "预算单位编码 {code} 不存在：请填写本部门（{department}）的预算单位编码。"
PROJECT_UNIT = "项目支出明细的预算单位（{unit}）与所属项目的预算单位（{project_unit}）不一致。"
UNKNOWN_SOURCE = (
    "资金来源“{value}”无法识别：请填写资金来源的名称（如“一般公共预算—财政拨款”）"
    "或其序号 1—{count}。"
)
UNKNOWN_COST = "人员/公用经费“{value}”无法识别：请填写“人员”或“公用”，留空则按经济分类默认。"
REQUIRED = "请填写{label}。"
# The money fields' own messages (the admin forms say the same).
AMOUNT_FORMAT = str(MONEY_ERROR_MESSAGES["invalid"])
AMOUNT_PLACES = str(MONEY_ERROR_MESSAGES["max_decimal_places"])
AMOUNT_BIG = str(MONEY_ERROR_MESSAGES["max_whole_digits"])
AMOUNT_NEGATIVE = NEGATIVE_AMOUNT_MESSAGE


def page_catalogue(lookups: Lookups) -> dict:
    """The year's catalogue as the page needs it, compact: ``{code: name}`` per catalogue
    (all levels, for the path labels), the province's own economic codes, the pairs per
    部门 款 and unit kind, the units and the funding sources. About 60 KB for a year."""
    pairs: dict[str, dict[str, list[str]]] = {}
    for (dept, gov), scopes in sorted(lookups.pairs.items()):
        for scope in scopes:
            pairs.setdefault(dept, {}).setdefault(scope, []).append(gov)
    province = [s.code for s in (*lookups.dept.values(), *lookups.gov.values()) if s.province]
    return {
        "f": {code: s.name for code, s in lookups.functional.items()},
        "d": {code: s.name for code, s in lookups.dept.items()},
        "g": {code: s.name for code, s in lookups.gov.items()},
        "local": sorted(set(province)),
        "p": pairs,
        "u": [[u.code, u.name, correspondence_scope(u.kind)] for u in lookups.units.values()],
        "s": [label for _, label in SOURCES],
        "sk": [key for key, _ in SOURCES],
    }
