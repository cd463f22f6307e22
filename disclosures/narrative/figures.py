"""The figures the explanation states, read off the built tables (万元).

Nothing here adds up budget lines again: every amount is a cell of a ``ReportTable``,
except what no table shows (机关运行经费, 政府采购, 国有资产, 专项转移支付, last year's
figures), which comes from ``BudgetData``.
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.models import CostType, LineKind, UnitKind
from disclosures.tables.base import ReportTable, RowKind
from disclosures.tables.data import BudgetData, total

OPERATING_UNIT_KINDS = {UnitKind.ADMINISTRATIVE, UnitKind.CIVIL_SERVICE_INSTITUTION}


def _amount(value) -> Decimal:
    return value if isinstance(value, Decimal) else ZERO


def _first(table: ReportTable, kind: RowKind) -> dict:
    return next((row.cells for row in table.rows if row.kind == kind), {})


@dataclass
class Figures:
    """Every figure of 第二部分 情况说明, in 万元."""

    income_total: Decimal
    expenditure_total: Decimal
    income_items: list[tuple[str, Decimal]]  # T1 income 类 rows with money, label cleaned
    carried_over: Decimal
    expenditure: dict  # T3 合计 row
    appropriation: dict  # T4 本年支出 row: gp, gp_appropriation, gf, sc
    general_public: dict  # T5 合计 row
    general_public_by_category: list[tuple[str, Decimal]]  # T4 一般公共预算 column per 类
    basic: dict  # T6 合计 row: total, personnel, public
    three_public: dict  # T8 row
    gov_fund: Decimal  # T9 合计
    projects_with_goals: list[Decimal]  # T12 project amounts that have indicators
    operating_costs: Decimal  # 机关运行经费 (not in any table)


def _income_items(summary: ReportTable) -> list[tuple[str, Decimal]]:
    items = []
    for row in summary.rows:
        if row.kind == RowKind.CATEGORY and _amount(row.cells.get("in_amount")):
            label = row.cells["in_label"].split("、", 1)[-1]
            items.append((label.removesuffix("拨款收入"), row.cells["in_amount"]))
    return items


def _projects_with_goals(goals: ReportTable) -> list[Decimal]:
    """Amounts of the projects in 表十二 that have at least one indicator."""
    amounts, current, has_indicator = [], None, False
    for row in goals.rows + [None]:
        starts = row is None or (row.kind == RowKind.ITEM and row.cells.get("code"))
        if starts and current is not None and has_indicator:
            amounts.append(current)
        if row is None:
            break
        if starts:
            current, has_indicator = _amount(row.cells.get("total")), False
        if row.kind == RowKind.ITEM and any(
            row.cells.get(f"{group}_name")
            for group in ("cost", "output", "benefit", "satisfaction")
        ):
            has_indicator = True
    return amounts


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


def figures_from(data: BudgetData, tables: list[ReportTable]) -> Figures:
    t = {table.number: table for table in tables}
    closing = {row.cells.get("in_label"): row.cells for row in t[1].rows}
    by_category = [
        (re.sub(r"^（.+?）", "", row.cells["out_label"]).removesuffix("支出"), row.cells["gp"])
        for row in t[4].rows
        if row.cells.get("cat_code") and _amount(row.cells.get("gp"))
    ]
    return Figures(
        income_total=closing["收入总计"]["in_amount"],
        expenditure_total=closing["收入总计"]["out_amount"],
        income_items=_income_items(t[1]),
        carried_over=_amount(closing["上年结转结余"]["in_amount"]),
        expenditure=_first(t[3], RowKind.TOTAL),
        appropriation=_first(t[4], RowKind.CATEGORY),
        general_public=_first(t[5], RowKind.TOTAL),
        general_public_by_category=by_category,
        basic=_first(t[6], RowKind.TOTAL),
        three_public=_first(t[8], RowKind.TOTAL),
        gov_fund=_amount(_first(t[9], RowKind.TOTAL).get("total")),
        projects_with_goals=_projects_with_goals(t[12]),
        operating_costs=quantize(operating_costs(data)),
    )
