"""Write a budget as one XLSX workbook (a sheet per kind of record, 万元 amounts as numbers).

The rows come from the sheets' django-import-export resources (``resources/``); this
module only lays them out with openpyxl: codes as text cells (format ``@``), amounts as
numbers with format ``0.00``, every text a string cell (never a formula), an
instructions sheet first.
"""

import datetime
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from tablib import Dataset

from budgets.models import (
    Budget,
    FiscalYear,
    PerformanceGoal,
    ProjectIndicator,
    ProjectPlan,
    ProjectText,
)
from budgets.safe_cells import xlsx_text
from budgets.workbook.layout import INSTRUCTIONS_TITLE, SHEET, SHEETS
from budgets.workbook.resources import RESOURCES, PriorYearResource
from budgets.workbook.template import CATALOGUE_TITLE, OPTIONS_TITLE, workbook_aids

INSTRUCTIONS = [
    "本工作簿包含一个部门一个年度的全部预算数据，可导出、修改后再导入。",
    "“基本信息”工作表：第一行为表头，第二行为数据；其余工作表：第一行为表头，每行一条记录。",
    "代码（单位代码、科目代码、项目代码）请按文本填写，保留前导零；金额单位为万元，最多两位小数，不能为负数。",
    "金额可写作 1,234.50 或全角数字，导入时会自动规范化。",
    "资金来源、人员/公用经费、文字说明的“内容”、上年对比数的“项目”、资产类别可填中文名称或系统代码。",
    "百分比（资金支出计划）填写 0—100 的数字，可带 %（如 24 或 24%）；单价最多六位小数（万元）；是否类填写“是”或“否”。",
    "河北格式所需的列（单位规格、经费保障形式、资金用途、资金支出计划、项目来源、计量单位等）均为选填。",
    "导入前系统会先预览：列出每个有问题的单元格（工作表、行、列、原因）；有任何错误时不写入任何数据。",
    f"带下拉箭头的列请从列表中选择；科目代码可在“{CATALOGUE_TITLE}”工作表中查找（代码和完整路径），"
    f"“{OPTIONS_TITLE}”工作表是下拉列表的来源，请勿修改。",
    "代码列已设为文本格式；若代码被存成了数字（如 060001 变成 60001），导入时能唯一确定的会自动还原并给出提示。",
]


def _querysets(budget: Budget) -> dict:
    """What each sheet's resource exports, in the workbook's order of rows."""
    by_position = ("position", "id")
    return {
        "info": Budget.objects.filter(pk=budget.pk),
        "units": budget.department.units.order_by("code"),
        "basic_lines": budget.lines.order_by(*by_position),
        "other_lines": budget.lines.order_by(*by_position),
        "projects": budget.projects.order_by(*by_position),
        "project_lines": budget.lines.order_by(*by_position),
        "project_indicators": ProjectIndicator.objects.filter(project__budget=budget).order_by(
            "project__position", "project_id", *by_position
        ),
        "project_texts": ProjectText.objects.filter(project__budget=budget).order_by(
            "project__position", "project_id", "key"
        ),
        "project_plans": ProjectPlan.objects.filter(project__budget=budget).order_by(
            "project__position", "project_id", "year", "row"
        ),
        "objective": PerformanceGoal.objects.filter(budget=budget),
        "department_goals": budget.department_goals.all(),
        "prior_totals": budget.prior_totals.order_by("year"),
        "tasks": budget.department_tasks.order_by(*by_position),
        "indicators": budget.department_indicators.order_by(*by_position),
        "narrative": budget.narrative_sections.order_by("key"),
        "previous_year": PriorYearResource.rows_of(getattr(budget, "prior_year", None)),
        "procurement": budget.procurement_items.order_by(*by_position),
        "assets": budget.asset_holdings.order_by("category"),
        "transfer_payments": budget.transfer_payments.order_by(*by_position),
    }


def budget_workbook_datasets(
    *, budget: Budget | None, only: tuple[str, ...] | None = None
) -> dict[str, Dataset]:
    """Each sheet as a tablib Dataset from its resource's ``export()`` (a fixed number of
    queries: one per sheet); ``budget=None`` gives the headers only (the blank template),
    ``only`` the sheets that get the budget's rows (the others stay empty)."""
    querysets = _querysets(budget) if budget is not None else {}
    if only is not None:
        querysets = {key: value for key, value in querysets.items() if key in only}
    datasets = {}
    for key, resource_class in RESOURCES.items():
        resource = resource_class()
        model = getattr(resource._meta, "model", None)
        nothing = model.objects.none() if model else []
        datasets[key] = resource.export(queryset=querysets.get(key, nothing))
    return datasets


def budget_workbook_data(*, budget: Budget) -> dict[str, list[dict]]:
    """The budget as rows per sheet key, each row ``{column key: value}`` (codes as text,
    amounts Decimal 万元)."""
    data = {}
    for key, dataset in budget_workbook_datasets(budget=budget).items():
        keys = [column.key for column in SHEET[key].columns]
        data[key] = [dict(zip(keys, row, strict=True)) for row in dataset]
    return data


def _write_cell(sheet, row: int, col: int, column, value) -> None:
    cell = sheet.cell(row=row, column=col)
    if value is None or value == "":
        return
    if column.kind == "amount":
        cell.value = float(Decimal(value))  # openpyxl stores numbers as IEEE doubles
        cell.number_format = "0.00"
    elif column.kind in ("percent", "price"):
        cell.value = float(Decimal(value))
        cell.number_format = "0.######" if column.kind == "price" else "0.##"
    elif column.kind == "int":
        cell.value = int(value)
    else:
        # A text stays text even when it starts with "=" (budgets/safe_cells.py): a formula
        # cell would be a live formula in Excel, and read back empty on import.
        xlsx_text(cell, str(value))
        if column.kind == "code":
            cell.number_format = "@"


def _workbook(datasets: dict[str, Dataset], *, year: int, region_code: str = "") -> bytes:
    book = Workbook()
    notes = book.active
    notes.title = INSTRUCTIONS_TITLE
    for i, text in enumerate(INSTRUCTIONS, start=1):
        notes.cell(row=i, column=1, value=text)
    for spec in SHEETS:
        sheet = book.create_sheet(spec.title)
        dataset = datasets[spec.key]
        columns = [spec.column_by_header(header) for header in dataset.headers]
        for col, column in enumerate(columns, start=1):
            sheet.cell(row=1, column=col, value=column.header).font = Font(bold=True)
            sheet.column_dimensions[sheet.cell(row=1, column=col).column_letter].width = 18
        for r, record in enumerate(dataset, start=2):
            for col, (column, value) in enumerate(zip(columns, record, strict=True), start=1):
                _write_cell(sheet, r, col, column, value)
    workbook_aids(book, year=year, region_code=region_code)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _where(budget: Budget) -> dict:
    return {"year": budget.year, "region_code": budget.department.region.code}


def budget_workbook_export(*, budget: Budget) -> bytes:
    """The XLSX bytes of one budget, with an instructions sheet first."""
    return _workbook(budget_workbook_datasets(budget=budget), **_where(budget))


def budget_workbook_template(*, budget: Budget) -> bytes:
    """The import template for an existing budget: 基本信息 and 预算单位 filled in."""
    datasets = budget_workbook_datasets(budget=budget, only=("info", "units"))
    return _workbook(datasets, **_where(budget))


def blank_workbook(*, year: int | None = None) -> bytes:
    """The import template: every sheet with its Chinese headers and no rows; the
    catalogue of ``year`` (default: the latest budget year, else this year)."""
    if year is None:
        latest = FiscalYear.objects.order_by("-year").first()
        year = latest.year if latest else datetime.date.today().year
    return _workbook(budget_workbook_datasets(budget=None), year=year)
