"""Hubei （十） 部门整体支出绩效目标公开表, as a group of small tables (spec §1.A （十）).

The header (部门, 填报人, 联系电话), 部门总体资金情况 (this year from the lines, the two years
before from ``PriorYearTotals``), 部门职能概述 and 年度工作任务, 项目支出情况, 整体绩效总目标,
then each numbered 长期目标 and 年度目标 (``DepartmentGoal``) with its indicators.
"""

from decimal import Decimal

from budgets.fields import quantize
from budgets.formatting import format_percent
from budgets.funding import APPROPRIATION_GROUPS
from budgets.models import GoalHorizon, LineKind, NarrativeKey, ProjectTextKey
from disclosures.narrative.shares import shares
from disclosures.tables.base import (
    HeaderLine,
    ReportTable,
    Row,
    RowKind,
    Value,
    amount,
    group,
    text,
)
from disclosures.tables.data import BudgetData, total


def _table(data: BudgetData, slug: str, title: str, columns, rows, *, unit_line=False):
    return ReportTable(
        number=0,
        title=title,
        department_name=data.department.display_name,
        columns=columns,
        rows=rows,
        slug=slug,
        header_line=HeaderLine.UNIT if unit_line else HeaderLine.NONE,
    )


def _sum(*values: Decimal | None) -> Decimal | None:
    """The sum, or None (not known) when any part is not known."""
    known = [v for v in values if v is not None]
    return quantize(sum(known, Decimal(0))) if len(known) == len(values) else None


def _header(data: BudgetData) -> ReportTable:
    goal = data.goal
    rows = [
        Row(RowKind.ITEM, {"l1": "部门（单位）名称", "v1": data.department.name}, spans={"v1": 3}),
        Row(
            RowKind.ITEM,
            {
                "l1": "填报人",
                "v1": goal.reporter if goal else "",
                "l2": "联系电话",
                "v2": goal.phone if goal else "",
            },
        ),
    ]
    columns = [text("l1", "项目"), text("v1", "内容"), text("l2", "项目"), text("v2", "内容")]
    return _table(data, "header", "部门整体支出绩效目标表", columns, rows, unit_line=True)


def _funds(data: BudgetData) -> ReportTable:
    """收入构成 and 支出构成: this year's amounts and whole-percent shares, two years before."""
    cells, year = data.cells, data.year
    appropriation = total(cells, lambda c: c.group in APPROPRIATION_GROUPS)
    income = total(cells)
    basic = total(cells, lambda c: c.kind == LineKind.BASIC)
    project = total(cells, lambda c: c.kind == LineKind.PROJECT)
    prior = [data.prior_totals.get(year - 2), data.prior_totals.get(year - 1)]

    def before(field: str) -> list[Decimal | None]:
        return [getattr(p, field) if p is not None else None for p in prior]

    def row(part: str, label: str, now: Decimal, share: Decimal, earlier) -> Row:
        cells_: dict[str, Value] = {"part": part, "item": label, "current": now}
        cells_ |= {"share": format_percent(share, decimals=0), "y2": earlier[0], "y1": earlier[1]}
        return Row(RowKind.TOTAL if label == "合计" else RowKind.ITEM, cells_)

    in_shares = shares([appropriation, income - appropriation])
    out_shares = shares([basic, project])
    hundred = Decimal(100) if income else Decimal(0)
    appropriation_before, other_before = before("appropriation"), before("other_funds")
    basic_before, project_before = before("basic"), before("project")
    rows = [
        row("收入构成", "财政拨款", appropriation, in_shares[0], appropriation_before),
        row("", "其他资金", income - appropriation, in_shares[1], other_before),
        row("", "合计", income, hundred, list(map(_sum, appropriation_before, other_before))),
        row("支出构成", "基本支出", basic, out_shares[0], basic_before),
        row("", "项目支出", project, out_shares[1], project_before),
        row("", "合计", income, hundred, list(map(_sum, basic_before, project_before))),
    ]
    columns = [
        group("总体资金情况", text("part", "构成"), text("item", "项目")),
        amount("current", "当年金额"),
        text("share", "占比"),
        group("近两年收支金额", amount("y2", f"{year - 2}年"), amount("y1", f"{year - 1}年")),
    ]
    return _table(data, "funds", "部门总体资金情况", columns, rows)


def _duties(data: BudgetData) -> ReportTable:
    tasks = "\n".join(t.content or t.name for t in data.tasks)
    rows = [
        Row(
            RowKind.ITEM,
            {"label": "部门职能概述", "text": data.narrative.get(NarrativeKey.MAIN_DUTIES, "")},
        ),
        Row(RowKind.ITEM, {"label": "年度工作任务", "text": tasks}),
    ]
    return _table(
        data, "duties", "部门职能和工作任务", [text("label", "项目"), text("text", "内容")], rows
    )


def _projects(data: BudgetData) -> ReportTable:
    per_project = data.project_totals()
    rows = []
    for unit in data.units:
        for project in data.projects_of(unit):
            this_year = quantize(sum(per_project.get(project.pk, {}).values(), Decimal(0)))
            usage = data.project_texts.get(project.pk, {}).get(ProjectTextKey.USAGE, "")
            rows.append(
                Row(
                    RowKind.ITEM,
                    {
                        "name": project.name,
                        "attribute": project.attribute,
                        "total_budget": project.total_budget,
                        "this_year": this_year,
                        "usage": usage,
                    },
                )
            )
    columns = [
        text("name", "项目名称"),
        text("attribute", "项目类型"),  # 002 heads 项目属性 (常年性项目) so here (H-17)
        amount("total_budget", "项目总预算"),
        amount("this_year", "项目本年度预算"),
        text("usage", "项目主要支出方向和用途"),
    ]
    return _table(data, "projects", "项目支出情况", columns, rows)


def _overall(data: BudgetData) -> ReportTable:
    goal = data.goal
    end = goal.long_term_end_year if goal and goal.long_term_end_year else None
    long_label = f"长期目标（截止{end}年）" if end else "长期目标（截止  年）"
    row: dict[str, Value] = {
        "long": goal.long_term_objective if goal else "",
        "annual": goal.objective if goal else "",
    }
    columns = [text("long", long_label), text("annual", "年度目标")]
    return _table(data, "overall", "整体绩效总目标", columns, [Row(RowKind.ITEM, row)])


def _indicator_rows(indicators, *, annual: bool) -> list[Row]:
    """One row per indicator; 一级 printed on the first row of its run (002's row span)."""
    rows, previous = [], None
    for i in indicators:
        cells = {
            "level1": i.level1 if i.level1 != previous else "",
            "level2": i.level2,
            "name": i.level3,
            "value": i.value,
            "standard": i.standard,
        }
        if annual:
            cells |= {"y2": i.value_y2, "y1": i.value_y1}
        previous = i.level1
        rows.append(Row(RowKind.ITEM, cells))
    return rows


def _goal_table(data: BudgetData, goal, indicators) -> ReportTable:
    annual = goal.horizon == GoalHorizon.ANNUAL
    word = "年度" if annual else "长期"
    value = (
        group(
            "指标值",
            group(
                "近两年指标值", text("y2", f"{data.year - 2}年"), text("y1", f"{data.year - 1}年")
            ),
            text("value", "预期当年实现值"),
        )
        if annual
        else text("value", "指标值")
    )
    columns = [
        text("level1", "一级指标"),
        text("level2", "二级指标"),
        text("name", "指标名称"),
        value,
        text("standard", "绩效标准"),
    ]
    slug = f"{goal.horizon}-{goal.number}"
    title = f"{word}目标{goal.number}：{goal.text}"
    return _table(data, slug, title, columns, _indicator_rows(indicators, annual=annual))


def build_department_form(data: BudgetData) -> list[ReportTable]:
    """（十）: the department form's small tables, in 002's order."""
    by_goal: dict[int, list] = {}
    for indicator in data.department_indicators:
        if indicator.goal_id is not None:
            by_goal.setdefault(indicator.goal_id, []).append(indicator)
    goals = sorted(
        data.department_goals, key=lambda g: (g.horizon != GoalHorizon.LONG_TERM, g.number)
    )
    tables = [_header(data), _funds(data), _duties(data), _projects(data), _overall(data)]
    tables += [_goal_table(data, goal, by_goal.get(goal.pk, [])) for goal in goals]
    for part, table in enumerate(tables, start=1):
        table.label = str(part)
    return tables
