"""Hebei 情况说明 八 and 九: the 部门政府采购预算 table and the 部门固定资产占用情况表."""

import datetime
from collections import defaultdict
from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.formatting import format_trimmed
from budgets.funding import FundingGroup as G
from budgets.funding import funding_group
from budgets.models import AssetCategory as A
from budgets.models import Project
from disclosures.formats.hebei.formkit import Form, department_cell, form_table, project_money
from disclosures.tables.base import Row, RowKind, amount, code, group, text
from disclosures.tables.data import BudgetData

PROCUREMENT_NOTE = (
    "注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。"
    "涉密采购事项按照相关规定执行。"
)
HENAN_VEHICLES = (A.VEHICLE_GENERAL, A.VEHICLE_ENFORCEMENT, A.VEHICLE_SPECIAL, A.VEHICLE_OTHER)

# --- 八 部门政府采购预算 -----------------------------------------------------------------

# Amount columns by the funding group of an item's source.
PROCUREMENT_SOURCES = (
    ("gp", "一般公共预算拨款", G.GENERAL_PUBLIC),
    ("gf", "基金预算拨款", G.GOV_FUND),
    ("sc", "国有资本经营预算拨款", G.STATE_CAPITAL),
    ("special", "财政专户核拨", G.SPECIAL_ACCOUNT),
    ("unit", "单位资金", G.UNIT),
    ("carry", "上年结转结余", G.CARRY_OVER),
)
PROCUREMENT_AMOUNTS = ("total", *(key for key, _, _ in PROCUREMENT_SOURCES), "sme")


def _procurement_columns(year: int):
    return [
        group("政府采购项目来源", text("source", "项目名称"), amount("source_budget", "预算资金")),
        text("item", "采购物品名称"),
        code("catalogue_code", "政府采购目录序号"),
        text("measure_unit", "计量单位"),
        text("quantity", "数量"),
        amount("unit_price", "单价"),
        group(
            "政府采购金额（当年部门预算安排资金）",
            amount("total", "合计"),
            *(amount(key, label) for key, label, _ in PROCUREMENT_SOURCES),
        ),
        amount("sme", f"{year}年预留中小微企业份额"),
    ]


def _item_amounts(item) -> dict[str, Decimal]:
    source = funding_group(item.funding_source)
    cells = {key: item.amount if g == source else ZERO for key, _, g in PROCUREMENT_SOURCES}
    return {"total": item.amount, **cells, "sme": item.sme_amount}


def _amount(row: Row, key: str) -> Decimal:
    value = row.cells.get(key)
    return value if isinstance(value, Decimal) else ZERO


def _summed(label: str, kind: RowKind, rows: list[Row]) -> Row:
    sums = {
        key: quantize(sum((_amount(r, key) for r in rows), ZERO)) for key in PROCUREMENT_AMOUNTS
    }
    return Row(kind, {"source": label, **sums})


def _source_budget(project: Project | None, money: dict) -> Decimal | None:
    """The source project's 预算资金: its lines, else its declared total."""
    if project is None:
        return None
    if project.pk in money:
        return money[project.pk][0]
    return project.declared_total


def procurement_form(data: BudgetData) -> Form:
    """合计, then per unit a 小计 row and its items. 单价 prints at 0.01 万元 as 003 does
    (0.022 → 0.02), so 金额 is never derived from 数量 × 单价 (spec B-9)."""
    projects = {p.pk: p for p in data.projects}
    money = project_money(data)
    by_unit: dict[int, list[Row]] = defaultdict(list)
    for item in sorted(data.procurement, key=lambda i: (i.position, i.pk or 0)):
        project = projects.get(item.project_id) if item.project_id else None
        cells = {
            "source": project.name if project else None,
            "source_budget": _source_budget(project, money),
            "item": item.item,
            "catalogue_code": item.catalogue_code or None,
            "measure_unit": item.measure_unit or None,
            "quantity": format_trimmed(item.quantity),
            "unit_price": quantize(item.unit_price),
            **_item_amounts(item),
        }
        by_unit[item.unit_id].append(Row(RowKind.ITEM, cells))
    rows: list[Row] = []
    for unit in data.units:
        if items := by_unit.get(unit.pk):
            rows += [_summed(f"{unit.name}小计", RowKind.UNIT, items), *items]
    item_rows = [r for r in rows if r.kind == RowKind.ITEM]
    table = form_table(
        data,
        "form-procurement",
        "部门政府采购预算",
        _procurement_columns(data.year),
        [_summed("合计", RowKind.TOTAL, item_rows), *rows],
    )
    table.notes = [PROCUREMENT_NOTE]
    return Form(table, [department_cell(data), "单位：万元"])


def new_assets_total(data: BudgetData) -> Decimal:
    """本年度拟购置固定资产总额: the procurement items flagged as new fixed assets."""
    return quantize(sum((i.amount for i in data.procurement if i.is_new_asset), ZERO))


# --- 九 部门固定资产占用情况表 ------------------------------------------------------------

ASSET_ROWS = (
    (A.TOTAL, "资产总额", RowKind.TOTAL),
    (A.BUILDING, "1、房屋（平方米）", RowKind.ITEM),
    (A.OFFICE_SPACE, "\u3000\u3000其中：办公用房（平方米）", RowKind.ITEM),
    (A.VEHICLE, "2、车辆（台、辆）", RowKind.ITEM),
    (A.EQUIPMENT_200K, "3、单价在20万元以上的设备", RowKind.ITEM),
    (A.OTHER_FIXED, "4、其他固定资产", RowKind.ITEM),
)
# What 资产总额 adds up when it is not entered: 房屋 counts by value only (m² are no count).
TOTAL_COUNTED = (A.VEHICLE, A.EQUIPMENT_200K, A.OTHER_FIXED)
TOTAL_VALUED = (A.BUILDING, *TOTAL_COUNTED)


def asset_holdings(data: BudgetData) -> dict[str, tuple[Decimal | None, Decimal | None]]:
    """(数量, 价值) per Hebei category; 车辆 from the Henan vehicle kinds when not entered,
    资产总额 from the parts when not entered."""
    held: dict[str, tuple[Decimal | None, Decimal | None]] = {
        h.category: (h.quantity, h.value) for h in data.assets
    }
    vehicles = [held[c] for c in HENAN_VEHICLES if c in held]
    if A.VEHICLE not in held and vehicles:
        values = [v for _, v in vehicles if v is not None]
        held[A.VEHICLE] = (
            sum((q for q, _ in vehicles if q is not None), ZERO),
            sum(values, ZERO) if len(values) == len(vehicles) else None,
        )
    if A.TOTAL not in held and any(c in held for c in TOTAL_VALUED):
        counts = [q for c in TOTAL_COUNTED if c in held and (q := held[c][0]) is not None]
        values = [v for c in TOTAL_VALUED if c in held and (v := held[c][1]) is not None]
        held[A.TOTAL] = (
            sum(counts, ZERO) if counts else None,
            sum(values, ZERO) if values else None,
        )
    return held


def assets_as_of(data: BudgetData):
    """The 截止时间: the latest date a holding is counted at (31 December of last year)."""
    dates = [h.as_of_date(data.year) for h in data.assets]
    return max(dates) if dates else datetime.date(data.year - 1, 12, 31)


def assets_form(data: BudgetData) -> Form:
    """数量 as counted (m² for 房屋), 价值 in 万元; 0 prints ``0.00`` (003 types ``0``), a
    category not entered prints empty."""
    held = asset_holdings(data)
    rows = []
    for category, label, kind in ASSET_ROWS:
        quantity, value = held.get(category, (None, None))
        cells = {"item": label, "quantity": format_trimmed(quantity) or None, "value": value}
        rows.append(Row(kind, cells))
    table = form_table(
        data,
        "form-assets",
        "部门固定资产占用情况表",
        [text("item", "项目"), text("quantity", "数量"), amount("value", "价值（金额单位：万元）")],
        rows,
        blank_zero=False,
    )
    return Form(table, [department_cell(data), f"截止时间：{assets_as_of(data).isoformat()}"])


def fixed_assets_value(data: BudgetData) -> Decimal | None:
    """上年末固定资产金额 (the 资产总额 value), None when no asset is entered."""
    return asset_holdings(data).get(A.TOTAL, (None, None))[1]
