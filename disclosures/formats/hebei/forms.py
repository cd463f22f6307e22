"""The forms the Hebei 情况说明 embeds (spec §1.B "Non-table forms of 003"), as small tables.

Each form is one or more :class:`ReportTable` (the same types as the numbered tables, so
the web page, PDF, XLSX, CSV and JSON print them unchanged), grouped by the section of the
情况说明 they sit in:

- 一 部门机构设置情况 (单位名称, 单位性质, 单位规格, 经费保障形式);
- 七 one 绩效目标表 per project: 项目编码/名称, 预算规模及资金用途, 资金支出计划（%）, 绩效目标,
  and the six-column indicator grid;
- 八 部门政府采购预算 (项目来源, 品目, 目录序号, 计量单位, 数量, 单价, 金额 by funding source, 中小微企业份额);
- 九 部门固定资产占用情况表 (资产总额, 房屋 and 办公用房 in m², 车辆, 单价 20 万元以上设备, 其他固定资产).

Builders are pure: they take the budget data **as the format classified it** (Hebei counts
人员类/运转类 project lines as 基本支出, ``DisclosureFormat.classify``), so the project
forms list the projects of 项目支出 only, and a procurement item can name a basic
公用经费 project as its source.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.formatting import format_trimmed
from budgets.funding import FundingGroup as G
from budgets.funding import funding_group
from budgets.models import AssetCategory as A
from budgets.models import LineKind, Project, ProjectIndicatorLevel1
from disclosures.checks.base import Collector
from disclosures.keyfigures import appropriation_group
from disclosures.tables.base import (
    HeaderLine,
    ReportTable,
    Row,
    RowKind,
    Value,
    amount,
    code,
    group,
    text,
)
from disclosures.tables.data import BudgetData

PROCUREMENT_NOTE = (
    "注：同一采购目录序号的物品，其单价会因配置规格不同而变动，均符合资产配置标准。"
    "涉密采购事项按照相关规定执行。"
)
HENAN_VEHICLES = (A.VEHICLE_GENERAL, A.VEHICLE_ENFORCEMENT, A.VEHICLE_SPECIAL, A.VEHICLE_OTHER)
INDICATOR_COLUMNS = (
    ("level1", "一级指标"),
    ("level2", "二级指标"),
    ("level3", "三级指标"),
    ("description", "绩效指标描述"),
    ("value", "指标值"),
    ("basis", "指标值确定依据"),
)


@dataclass
class Form:
    """One table of a form and the cells of the line under its title (Hebei prints e.g.
    ``450保定市徐水区医疗保障局 | 单位：万元``); none: the table's own header line."""

    table: ReportTable
    header_cells: list[str] = field(default_factory=list)


@dataclass
class FormGroup:
    """The forms of one section of the 情况说明 (``section``: 一, 七, 八 or 九)."""

    slug: str
    section: str
    forms: list[Form]


def _table(data: BudgetData, slug: str, title: str, columns, rows, **style) -> ReportTable:
    table = ReportTable(
        number=0,
        title=title,
        department_name=data.department.name,
        columns=columns,
        rows=rows,
        slug=slug,
        header_line=style.pop("header_line", HeaderLine.NONE),
    )
    for name, value in style.items():
        setattr(table, name, value)
    return table


def _department_cell(data: BudgetData) -> str:
    return f"{data.department.code}{data.department.name}"


# --- 一 部门机构设置情况 ---------------------------------------------------------------


def organisation_form(data: BudgetData) -> Form:
    """One row per unit: 单位名称, 单位性质, 单位规格, 经费保障形式."""
    rows = [
        Row(
            RowKind.ITEM,
            {
                "name": unit.name,
                "kind": unit.kind,
                "grade": unit.grade,
                "funding_form": unit.funding_form,
            },
        )
        for unit in data.units
    ]
    columns = [
        text("name", "单位名称"),
        text("kind", "单位性质"),
        text("grade", "单位规格"),
        text("funding_form", "经费保障形式"),
    ]
    return Form(_table(data, "form-organisation", "部门机构设置情况", columns, rows))


# --- 七 绩效目标表 ----------------------------------------------------------------------


def project_money(data: BudgetData) -> dict[int, tuple[Decimal, Decimal]]:
    """Per project: (预算数, 其中 财政资金); 财政资金 is this year's and carried-over 财政拨款."""
    sums: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for cell in data.cells:
        if cell.project_id is None:
            continue
        sums[cell.project_id][0] += cell.amount
        if appropriation_group(cell) is not None:
            sums[cell.project_id][1] += cell.amount
    return {pk: (quantize(a), quantize(b)) for pk, (a, b) in sums.items()}


def spending_projects(data: BudgetData) -> list[Project]:
    """The projects of 项目支出 as the format counts them: none of their lines is basic."""
    basic = {c.project_id for c in data.cells if c.project_id and c.kind == LineKind.BASIC}
    return [p for p in data.projects if p.pk not in basic]


def _paragraph_rows(value: str, key: str) -> list[Row]:
    lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
    return [Row(RowKind.ITEM, {key: line}) for line in lines] or [Row(RowKind.ITEM, {key: None})]


def _percent(value: Decimal | None) -> str | None:
    return None if value is None else f"{format_trimmed(value)}%"


def indicator_rows(indicators) -> list[Row]:
    """The grid rows; 一级 printed on the first row of its group only. Hebei files 成本指标
    as a 二级 under 产出指标, so an indicator entered with 一级 成本指标 prints there."""
    rows, previous = [], None
    for indicator in indicators:
        level1, level2 = indicator.level1, indicator.level2
        if level1 == ProjectIndicatorLevel1.COST:
            level1, level2 = ProjectIndicatorLevel1.OUTPUT.value, level2 or "成本指标"
        cells = {
            "level1": level1 if level1 != previous else None,
            "level2": level2,
            "level3": indicator.level3,
            "description": indicator.description,
            "value": indicator.value,
            "basis": indicator.basis,
        }
        previous = level1
        rows.append(Row(RowKind.ITEM, {k: v or None for k, v in cells.items()}))
    return rows


def project_form(
    data: BudgetData, number: int, project: Project, money: tuple[Decimal, Decimal]
) -> list[Form]:
    """``N、<项目名称>绩效目标表``: five small tables (see the module docstring)."""
    slug = f"form-project-{number}"
    budget, fiscal = money
    head = _table(
        data,
        slug,
        f"{number}、{project.name}绩效目标表",
        [code("code", "项目编码"), text("name", "项目名称")],
        [Row(RowKind.ITEM, {"code": project.code, "name": project.name})],
        header_line=HeaderLine.UNIT,
    )
    scale = _table(
        data,
        f"{slug}-scale",
        "预算规模及资金用途",
        [
            group(
                "预算规模及资金用途",
                amount("total", "预算数"),
                amount("fiscal", "其中：财政资金"),
                amount("other", "其他资金"),
                text("purpose", "资金用途"),
            )
        ],
        [
            Row(
                RowKind.ITEM,
                {
                    "total": budget,
                    "fiscal": fiscal,
                    "other": quantize(budget - fiscal),
                    "purpose": project.purpose or None,
                },
            )
        ],
    )
    plan_cells: dict[str, Value] = {
        f"m{i}": _percent(v) for i, (_, v) in enumerate(project.spending_plan)
    }
    plan = _table(
        data,
        f"{slug}-plan",
        "资金支出计划（%）",
        [
            group(
                "资金支出计划（%）",
                *(text(f"m{i}", label) for i, (label, _) in enumerate(project.spending_plan)),
            )
        ],
        [Row(RowKind.ITEM, plan_cells)],
    )
    goal = _table(
        data,
        f"{slug}-goal",
        "绩效目标",
        [text("objective", "绩效目标")],
        _paragraph_rows(project.objective, "objective"),
    )
    grid = _table(
        data,
        f"{slug}-indicators",
        "绩效指标",
        [text(key, label) for key, label in INDICATOR_COLUMNS],
        indicator_rows(data.project_indicators.get(project.pk, [])),
    )
    return [Form(head, ["单位：万元"]), Form(scale), Form(plan), Form(goal), Form(grid)]


def project_forms(data: BudgetData) -> list[Form]:
    money = project_money(data)
    return [
        form
        for number, project in enumerate(spending_projects(data), start=1)
        for form in project_form(data, number, project, money.get(project.pk, (ZERO, ZERO)))
    ]


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
    table = _table(
        data,
        "form-procurement",
        "部门政府采购预算",
        _procurement_columns(data.year),
        [_summed("合计", RowKind.TOTAL, item_rows), *rows],
    )
    table.notes = [PROCUREMENT_NOTE]
    return Form(table, [_department_cell(data), "单位：万元"])


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
    import datetime

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
    table = _table(
        data,
        "form-assets",
        "部门固定资产占用情况表",
        [text("item", "项目"), text("quantity", "数量"), amount("value", "价值（金额单位：万元）")],
        rows,
        blank_zero=False,
    )
    return Form(table, [_department_cell(data), f"截止时间：{assets_as_of(data).isoformat()}"])


def fixed_assets_value(data: BudgetData) -> Decimal | None:
    """上年末固定资产金额 (the 资产总额 value), None when no asset is entered."""
    return asset_holdings(data).get(A.TOTAL, (None, None))[1]


# --- The whole set, and the checks of the forms' data ------------------------------------


def hebei_forms(data: BudgetData) -> list[FormGroup]:
    """Every form of the 情况说明, by the section it sits in (no queries)."""
    return [
        FormGroup("organisation", "一", [organisation_form(data)]),
        FormGroup("project-goals", "七", project_forms(data)),
        FormGroup("procurement", "八", [procurement_form(data)]),
        FormGroup("assets", "九", [assets_form(data)]),
    ]


def form_tables(groups: list[FormGroup]) -> list[ReportTable]:
    """The forms' tables in document order, each given its header cells where the table
    type carries them (``ReportTable.header_cells``, the Hebei header line)."""
    tables = []
    for form in (f for g in groups for f in g.forms):
        if form.header_cells and hasattr(form.table, "header_cells"):
            form.table.header_cells = list(form.header_cells)
            form.table.header_line = "cells"
        tables.append(form.table)
    return tables


def form_checks(data: BudgetData, out: Collector) -> None:
    """Hebei's own warnings on the forms' data: every project of 项目支出 needs a
    资金支出计划 (whether an entered one is cumulative and ends at 100% is checked for
    every format by ``checks.data.spending_plans``), and an entered 资产总额 must equal
    the values of its parts."""
    for project in spending_projects(data):
        if all(value is None for _, value in project.spending_plan):
            out.warning(
                "hebei-spending-plan-missing",
                (),
                f"项目“{project.name}”（{project.code}）：未填写资金支出计划（河北格式的绩效目标表列示）。",
            )
    held = {h.category: h for h in data.assets}
    if (whole := held.get(A.TOTAL)) is not None and whole.value is not None:
        parts = sum(
            (h.value for c in TOTAL_VALUED if (h := held.get(c)) and h.value is not None), ZERO
        )
        if any(c in held for c in TOTAL_VALUED) and quantize(parts) != quantize(whole.value):
            out.warning(
                "hebei-assets-total",
                (),
                f"固定资产占用情况表：资产总额 {format_trimmed(whole.value)} 万元与各类资产价值之和 "
                f"{format_trimmed(parts)} 万元不一致。",
            )
