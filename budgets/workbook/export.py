"""Write a budget as one XLSX workbook (a sheet per kind of record, 万元 amounts as numbers)."""

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from budgets.models import Budget, ExpenditureLine, LineKind
from budgets.workbook import codes
from budgets.workbook.layout import INSTRUCTIONS_TITLE, SHEETS

INSTRUCTIONS = [
    "本工作簿包含一个部门一个年度的全部预算数据，可导出、修改后再导入。",
    "“基本信息”工作表：第一行为表头，第二行为数据；其余工作表：第一行为表头，每行一条记录。",
    "代码（单位代码、科目代码、项目代码）请按文本填写，保留前导零；金额单位为万元，最多两位小数，不能为负数。",
    "金额可写作 1,234.50 或全角数字，导入时会自动规范化。",
    "资金来源、人员/公用经费、文字说明的“内容”、上年对比数的“项目”、资产类别可填中文名称或系统代码。",
    "导入前系统会先预览：列出每个有问题的单元格（工作表、行、列、原因）；有任何错误时不写入任何数据。",
]


def _line_row(line: ExpenditureLine, first: dict) -> dict:
    return {
        **first,
        "func": line.functional_subject.code,
        "dept_econ": line.dept_economic.code,
        "gov_econ": line.gov_economic.code,
        "source": codes.SOURCE_LABEL[line.funding_source],
        "amount": line.amount,
    }


def budget_workbook_data(*, budget: Budget) -> dict[str, list[dict]]:
    """The budget as rows per sheet key (a fixed number of queries)."""
    department = budget.department
    lines = budget.lines.select_related(
        "unit", "project", "functional_subject", "dept_economic", "gov_economic"
    ).order_by("kind", "position", "id")
    basic = [
        _line_row(line, {"unit": line.unit.code})
        | {"cost_type": codes.COST_LABEL.get(line.cost_type_override, "")}
        for line in lines
        if line.kind == LineKind.BASIC
    ]
    projects = list(budget.projects.select_related("unit").order_by("position", "id"))
    prior = getattr(budget, "prior_year", None)
    goal = getattr(budget, "performance_goal", None)
    return {
        "info": [
            {
                "region_code": department.region.code,
                "region_name": department.region.name,
                "department_code": department.code,
                "department_name": department.name,
                "short_name": department.short_name,
                "year": budget.year,
                "cover_date": budget.cover_date.isoformat() if budget.cover_date else "",
            }
        ],
        "units": [
            {"code": u.code, "name": u.name, "kind": u.kind}
            for u in department.units.order_by("code")
        ],
        "basic_lines": basic,
        "projects": [
            {
                "unit": p.unit.code,
                "code": p.code,
                "name": p.name,
                "kind": p.kind,
                "declared_total": p.declared_total,
            }
            for p in projects
        ],
        "project_lines": [
            _line_row(line, {"project": line.project.code})
            for line in lines
            if line.kind == LineKind.PROJECT
        ],
        "project_indicators": [
            {"project": i.project.code}
            | {
                k: getattr(i, k)
                for k in ("level1", "level2", "level3", "value", "description", "basis")
            }
            for i in _indicators(budget)
        ],
        "objective": [{"objective": goal.objective}] if goal else [],
        "tasks": [
            {"name": t.name, "content": t.content}
            for t in budget.department_tasks.order_by("position", "id")
        ],
        "indicators": [
            {k: getattr(i, k) for k in ("level1", "level2", "level3", "value", "explanation")}
            for i in budget.department_indicators.order_by("position", "id")
        ],
        "narrative": [
            {"key": codes.NARRATIVE_LABEL[s.key], "text": s.text}
            for s in budget.narrative_sections.order_by("key")
        ],
        "previous_year": [
            {"key": codes.PRIOR_LABEL[name], "amount": getattr(prior, name)}
            for name in codes.PRIOR_FIELDS
        ]
        if prior
        else [],
        "procurement": [
            {"unit": p.unit.code}
            | {
                k: getattr(p, k)
                for k in (
                    "category",
                    "item",
                    "catalogue_code",
                    "quantity",
                    "unit_price",
                    "amount",
                    "sme_amount",
                )
            }
            for p in budget.procurement_items.select_related("unit").order_by("position", "id")
        ],
        "assets": [
            {"category": codes.ASSET_LABEL[a.category], "quantity": a.quantity}
            for a in budget.asset_holdings.order_by("category")
        ],
        "transfer_payments": [
            {"name": t.name, "amount": t.amount}
            for t in budget.transfer_payments.order_by("position", "id")
        ],
    }


def _indicators(budget):
    from budgets.models import ProjectIndicator

    return (
        ProjectIndicator.objects.filter(project__budget=budget)
        .select_related("project")
        .order_by("project__position", "project_id", "position", "id")
    )


def _write_cell(sheet, row: int, col: int, column, value) -> None:
    cell = sheet.cell(row=row, column=col)
    if value is None or value == "":
        return
    if column.kind == "amount":
        cell.value = float(Decimal(value))  # openpyxl stores numbers as IEEE doubles
        cell.number_format = "0.00"
    elif column.kind == "int":
        cell.value = int(value)
    else:
        cell.value = str(value)
        if column.kind == "code":
            cell.number_format = "@"


def _workbook(data: dict[str, list[dict]]) -> bytes:
    book = Workbook()
    notes = book.active
    notes.title = INSTRUCTIONS_TITLE
    for i, text in enumerate(INSTRUCTIONS, start=1):
        notes.cell(row=i, column=1, value=text)
    for spec in SHEETS:
        sheet = book.create_sheet(spec.title)
        for col, column in enumerate(spec.columns, start=1):
            sheet.cell(row=1, column=col, value=column.header).font = Font(bold=True)
            sheet.column_dimensions[sheet.cell(row=1, column=col).column_letter].width = 18
        for r, record in enumerate(data.get(spec.key, []), start=2):
            for col, column in enumerate(spec.columns, start=1):
                _write_cell(sheet, r, col, column, record.get(column.key))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def budget_workbook_export(*, budget: Budget) -> bytes:
    """The XLSX bytes of one budget, with an instructions sheet first."""
    return _workbook(budget_workbook_data(budget=budget))


def blank_workbook() -> bytes:
    """The import template: every sheet with its Chinese headers and no rows."""
    return _workbook({})
