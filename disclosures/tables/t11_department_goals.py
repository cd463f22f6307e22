"""预算11表 部门（单位）整体绩效目标表: goals, tasks, computed 预算情况, indicators (万元)."""

from budgets.funding import FundingGroup as G
from budgets.funding import FundingSource as S
from budgets.models import LineKind
from disclosures.tables.base import ReportTable, Row, RowKind, text
from disclosures.tables.data import BudgetData, total

KEYS = ("level1", "level2", "level3", "value", "explanation")
# The header names what each column holds across the table's parts: 项目 (预算情况,
# 年度主要任务, 一级指标), 内容 (名称, 任务名称, 二级指标), 具体内容 (主要内容, 三级指标),
# 指标值 or the 预算情况 amount, and 指标值说明. Three of them were empty (issue 16).
HEADINGS = ("项目", "内容", "具体内容", "指标值（金额）", "说明")


def budget_overview(data: BudgetData) -> dict:
    """预算情况: total, by source kind and by basic/project, computed from the lines."""
    cells = data.cells
    special = total(cells, lambda c: c.group == G.SPECIAL_ACCOUNT or c.source == S.CARRY_SPECIAL)
    unit = total(cells, lambda c: c.group == G.UNIT or c.source == S.CARRY_UNIT)
    grand = total(cells)
    return {
        "total": grand,
        "government": grand - special - unit,
        "special": special,
        "unit": unit,
        "basic": total(cells, lambda c: c.kind == LineKind.BASIC),
        "project": total(cells, lambda c: c.kind == LineKind.PROJECT),
    }


def _label_row(label: str, value, kind=RowKind.HEADING, label_span=1) -> Row:
    return Row(kind, {"level1": label, "level2": value}, spans={"level2": 5 - label_span})


def _overview_rows(data: BudgetData) -> list[Row]:
    figures = budget_overview(data)
    lines = [
        ("部门预算总额（万元）", figures["total"]),
        ("1、资金来源：（1）政府预算资金", figures["government"]),
        ("（2）财政专户管理资金", figures["special"]),
        ("（3）单位资金", figures["unit"]),
        ("2、资金结构：（1）基本支出", figures["basic"]),
        ("（2）项目支出", figures["project"]),
    ]
    return [
        Row(
            RowKind.ITEM,
            {"level1": "预算情况" if i == 0 else "", "level2": label, "value": value},
            spans={"level2": 2, "value": 2},
        )
        for i, (label, value) in enumerate(lines)
    ]


def build_department_goals(data: BudgetData) -> ReportTable:
    rows = [
        # The name the department prints in its 部门名称 lines (example 001: 市医疗保障局).
        _label_row("部门（单位）名称", data.department.display_name),
        _label_row("年度履职目标", data.goal.objective if data.goal else ""),
        Row(
            RowKind.HEADING,
            {"level1": "年度主要任务", "level2": "任务名称", "level3": "主要内容"},
            spans={"level3": 3},
        ),
    ]
    rows += [
        Row(RowKind.ITEM, {"level2": task.name, "level3": task.content}, spans={"level3": 3})
        for task in data.tasks
    ]
    rows += _overview_rows(data)
    rows.append(
        Row(
            RowKind.HEADING,
            dict(
                zip(KEYS, ("一级指标", "二级指标", "三级指标", "指标值", "指标值说明"), strict=True)
            ),
        )
    )
    rows += [
        Row(RowKind.ITEM, {key: getattr(indicator, key) for key in KEYS})
        for indicator in data.department_indicators
    ]
    return ReportTable(
        number=11,
        slug="department-goals",
        title=f"{data.year}年部门（单位）整体绩效目标表",
        department_name=data.department.display_name,
        columns=[text(key, label) for key, label in zip(KEYS, HEADINGS, strict=True)],
        rows=rows,
        notes=[] if data.goal else ["注：本部门尚未填报整体绩效目标。"],
    )
