"""预算10表 项目支出预算表: each project under its unit, by funding source (万元)."""

from budgets.fields import ZERO, quantize
from budgets.funding import FundingGroup as G
from budgets.funding import FundingSource as S
from budgets.funding import funding_group
from disclosures.tables.base import ReportTable, Row, RowKind, amount, group, text
from disclosures.tables.data import BudgetData

SOURCE_KEYS = {
    "gp": lambda s: funding_group(s) == G.GENERAL_PUBLIC,
    "gf": lambda s: funding_group(s) == G.GOV_FUND,
    "sc": lambda s: funding_group(s) == G.STATE_CAPITAL,
    "carry_gp": lambda s: s == S.CARRY_GP,
    "carry_gf": lambda s: s == S.CARRY_GF,
    "carry_sc": lambda s: s == S.CARRY_SC,
    "special": lambda s: funding_group(s) == G.SPECIAL_ACCOUNT or s == S.CARRY_SPECIAL,
    "unit_funds": lambda s: funding_group(s) == G.UNIT or s == S.CARRY_UNIT,
}
AMOUNT_KEYS = ("total", *SOURCE_KEYS)


def project_sums(by_source: dict) -> dict:
    sums = {
        key: quantize(sum((v for s, v in by_source.items() if test(s)), ZERO))
        for key, test in SOURCE_KEYS.items()
    }
    sums["total"] = quantize(sum(by_source.values(), ZERO))
    return sums


def _add(rows_sum: dict, sums: dict) -> None:
    for key in AMOUNT_KEYS:
        rows_sum[key] = rows_sum.get(key, ZERO) + sums[key]


def build_projects(data: BudgetData) -> ReportTable:
    per_project = data.project_totals()
    grand: dict = dict.fromkeys(AMOUNT_KEYS, ZERO)
    unit_rows = []
    for unit in data.units:
        projects = data.projects_of(unit)
        if not projects:
            continue
        unit_sum: dict = dict.fromkeys(AMOUNT_KEYS, ZERO)
        project_rows = []
        for project in projects:
            sums = project_sums(per_project.get(project.pk, {}))
            _add(unit_sum, sums)
            project_rows.append(
                Row(
                    RowKind.ITEM,
                    {
                        "kind": project.kind,
                        "name": project.name,
                        "unit": unit.name,
                        "code": project.code,
                        **sums,
                    },
                )
            )
        _add(grand, unit_sum)
        unit_rows.append(Row(RowKind.UNIT, {"kind": unit.code, "name": unit.name, **unit_sum}))
        unit_rows += project_rows
    department = data.department
    rows = [
        Row(RowKind.TOTAL, {"name": "合计", **grand}),
        Row(RowKind.DEPARTMENT, {"kind": department.code, "name": department.name, **grand}),
        *unit_rows,
    ]
    return ReportTable(
        number=10,
        slug="projects",
        title=f"{data.year}年项目支出预算表",
        department_name=department.display_name,
        columns=[
            text("kind", "类型"),
            text("name", "项目名称"),
            text("unit", "项目单位"),
            amount("total", "合计"),
            group(
                "本年拨款",
                amount("gp", "一般公共预算"),
                amount("gf", "政府性基金预算"),
                amount("sc", "国有资本经营预算"),
            ),
            group(
                "上年结转结余",
                amount("carry_gp", "一般公共预算"),
                amount("carry_gf", "政府性基金预算"),
                amount("carry_sc", "国有资本经营预算"),
            ),
            amount("special", "财政专户管理资金"),
            amount("unit_funds", "单位资金"),
        ],
        rows=rows,
        notes=[] if data.projects else ["注：本单位无项目支出，故此表无数据。"],
    )
