"""预算12表 部门预算项目绩效目标表: each project's money and its indicators by group (万元)."""

from itertools import zip_longest

from budgets.fields import ZERO
from disclosures.tables.base import ReportTable, Row, RowKind, amount, code, group, text
from disclosures.tables.data import BudgetData
from disclosures.tables.t10_projects import project_sums

GROUPS = (
    ("cost", "成本指标"),
    ("output", "产出指标"),
    ("benefit", "效益指标"),
    ("satisfaction", "满意度指标"),
)
MONEY = ("total", "government", "special", "unit_funds")


def _money(by_source: dict) -> dict:
    sums = project_sums(by_source)
    government = sums["total"] - sums["special"] - sums["unit_funds"]
    return {
        "total": sums["total"],
        "government": government,
        "special": sums["special"],
        "unit_funds": sums["unit_funds"],
    }


def _indicator_rows(first: dict, indicators) -> list[Row]:
    grouped = [[i for i in indicators if i.level1 == label] for _, label in GROUPS]
    rows = []
    for n, line in enumerate(zip_longest(*grouped)):
        cells = dict(first) if n == 0 else {}
        for (key, _), indicator in zip(GROUPS, line, strict=True):
            if indicator is not None:
                cells[f"{key}_name"], cells[f"{key}_value"] = indicator.level3, indicator.value
        rows.append(Row(RowKind.ITEM, cells))
    return rows or [Row(RowKind.ITEM, dict(first))]


def build_project_goals(data: BudgetData) -> ReportTable:
    per_project = data.project_totals()
    department = data.department
    body, grand = [], dict.fromkeys(MONEY, ZERO)
    for unit in data.units:
        projects = data.projects_of(unit)
        if not projects:
            continue
        unit_sum = dict.fromkeys(MONEY, ZERO)
        project_rows = []
        for project in projects:
            money = _money(per_project.get(project.pk, {}))
            unit_sum = {k: unit_sum[k] + money[k] for k in MONEY}
            first = {"code": project.code, "name": project.name, **money}
            project_rows += _indicator_rows(first, data.project_indicators.get(project.pk, []))
        grand = {k: grand[k] + unit_sum[k] for k in MONEY}
        body.append(Row(RowKind.UNIT, {"code": unit.code, "name": unit.name, **unit_sum}))
        body += project_rows
    rows = [
        Row(RowKind.DEPARTMENT, {"code": department.code, "name": department.name, **grand}),
        *body,
    ]
    indicator_groups = [
        group(label, text(f"{key}_name", "三级指标"), text(f"{key}_value", "指标值"))
        for key, label in GROUPS
    ]
    return ReportTable(
        number=12,
        slug="project-goals",
        title=f"{data.year}年部门预算项目绩效目标表",
        department_name=department.display_name,
        columns=[
            code("code", "单位编码（项目编码）"),
            text("name", "项目单位（项目名称）"),
            group(
                "项目金额（万元）",
                amount("total", "资金总额"),
                amount("government", "政府预算资金"),
                amount("special", "财政专户管理资金"),
                amount("unit_funds", "单位资金"),
            ),
            group("绩效目标", *indicator_groups),
        ],
        rows=rows,
        notes=[] if data.projects else ["注：本单位无项目支出，故此表无数据。"],
    )
