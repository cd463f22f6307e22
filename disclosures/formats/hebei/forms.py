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

This module builds 一 and 七 and gathers all four; ``holdings.py`` builds 八 and 九, and
``formkit.py`` holds what they share (``Form``, ``FormGroup``, the small-table constructor).
"""

from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.formatting import format_trimmed
from budgets.models import AssetCategory as A
from budgets.models import LineKind, Project, ProjectIndicatorLevel1
from disclosures.checks.base import Collector
from disclosures.formats.hebei.formkit import (
    Form,
    FormGroup,
    department_cell,
    form_table,
    project_money,
)
from disclosures.formats.hebei.holdings import (
    PROCUREMENT_NOTE,
    TOTAL_VALUED,
    asset_holdings,
    assets_as_of,
    assets_form,
    fixed_assets_value,
    new_assets_total,
    procurement_form,
)
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

INDICATOR_COLUMNS = (
    ("level1", "一级指标"),
    ("level2", "二级指标"),
    ("level3", "三级指标"),
    ("description", "绩效指标描述"),
    ("value", "指标值"),
    ("basis", "指标值确定依据"),
)


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
    return Form(form_table(data, "form-organisation", "部门机构设置情况", columns, rows))


# --- 七 绩效目标表 ----------------------------------------------------------------------


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
    head = form_table(
        data,
        slug,
        f"{number}、{project.name}绩效目标表",
        [code("code", "项目编码"), text("name", "项目名称")],
        [Row(RowKind.ITEM, {"code": project.code, "name": project.name})],
        header_line=HeaderLine.UNIT,
    )
    scale = form_table(
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
    plan = form_table(
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
    goal = form_table(
        data,
        f"{slug}-goal",
        "绩效目标",
        [text("objective", "绩效目标")],
        _paragraph_rows(project.objective, "objective"),
    )
    grid = form_table(
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


__all__ = [
    "PROCUREMENT_NOTE",
    "Form",
    "FormGroup",
    "asset_holdings",
    "assets_as_of",
    "assets_form",
    "department_cell",
    "fixed_assets_value",
    "form_checks",
    "form_tables",
    "hebei_forms",
    "new_assets_total",
    "organisation_form",
    "procurement_form",
    "project_form",
    "project_forms",
    "project_money",
    "spending_projects",
]
