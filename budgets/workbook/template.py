"""What makes the workbook easier to fill than a blank sheet (issue 15 item 7).

Every code column is formatted as text (``@``) well below the data, so Excel keeps the
leading zeros of ``060001``; every closed list (资金来源, 单位性质, 项目类型, 人员/公用, 文字说明
and 上年对比数 keys, …) is a drop-down; unit and project columns offer the codes of their
sheets; and the 科目 columns validate against a sheet with the year's catalogue (codes and
full paths). The import does not rely on any of this: it checks every cell itself.
"""

from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from budgets.funding import FundingSource
from budgets.models import (
    AssetCategory,
    ClassificationLevel,
    CostType,
    EconomicScheme,
    EconomicSubject,
    FunctionalSubject,
    NarrativeKey,
    ProcurementCategory,
    ProjectIndicatorLevel1,
    ProjectKind,
    UnitKind,
)
from budgets.pickers import label_paths
from budgets.workbook.codes import PRIOR_LABEL
from budgets.workbook.layout import SHEET, SHEETS

OPTIONS_TITLE = "下拉选项"
CATALOGUE_TITLE = "科目目录"
ROWS = 1000  # rows below the header that are validated

# (sheet key, column key) → the texts the drop-down offers (each is accepted on import).
CLOSED = {
    ("units", "kind"): list(UnitKind.values),
    ("projects", "kind"): list(ProjectKind.values),
    ("basic_lines", "source"): list(FundingSource.labels),
    ("project_lines", "source"): list(FundingSource.labels),
    ("basic_lines", "cost_type"): list(CostType.labels),
    ("project_indicators", "level1"): list(ProjectIndicatorLevel1.values),
    ("narrative", "key"): list(NarrativeKey.labels),
    ("previous_year", "key"): [str(label) for label in PRIOR_LABEL.values()],
    ("procurement", "category"): list(ProcurementCategory.values),
    ("assets", "category"): list(AssetCategory.labels),
}
# (sheet key, column key) → the sheet and column whose codes it refers to.
REFERENCES = {
    ("basic_lines", "unit"): ("units", "code"),
    ("projects", "unit"): ("units", "code"),
    ("procurement", "unit"): ("units", "code"),
    ("project_lines", "project"): ("projects", "code"),
    ("project_indicators", "project"): ("projects", "code"),
}
# column key → the catalogue sheet's code column (A, C, E) for 功能 / 部门经济 / 政府经济.
CATALOGUE_COLUMNS = {"func": 1, "dept_econ": 3, "gov_econ": 5}
CATALOGUE_HEADERS = (
    "功能分类科目代码",
    "功能分类科目（完整路径）",
    "部门经济分类代码",
    "部门经济分类（完整路径）",
    "政府经济分类代码",
    "政府经济分类（完整路径）",
)


def catalogue_rows(*, year: int, region_code: str = "") -> list[list[tuple[str, str]]]:
    """The leaf entries a line may use in ``year``, per scheme: ``[(code, full path)]``.

    Four queries (two lists, their parents), whatever the number of entries."""
    functional = list(
        FunctionalSubject.objects.valid_in(year).filter(level=ClassificationLevel.ITEM)
    )
    economic = list(
        EconomicSubject.objects.valid_in(year, region_code or None).filter(
            level__in=[ClassificationLevel.SECTION, ClassificationLevel.SUBITEM]
        )
    )
    paths = label_paths(functional, year=year) | label_paths(economic, year=year)
    columns = [functional]
    for scheme in (EconomicScheme.DEPARTMENT, EconomicScheme.GOVERNMENT):
        entries = [s for s in economic if s.scheme == scheme]
        if scheme == EconomicScheme.GOVERNMENT:
            entries = [s for s in entries if s.level == ClassificationLevel.SECTION]
        columns.append(entries)
    return [
        sorted({(s.code, paths[s.pk]) for s in entries}, key=lambda pair: pair[0])
        for entries in columns
    ]


def _write_columns(sheet, headers, columns: list[list[str]]) -> None:
    for col, (header, values) in enumerate(zip(headers, columns, strict=True), start=1):
        sheet.cell(row=1, column=col, value=header)
        sheet.column_dimensions[get_column_letter(col)].width = 24
        for row, value in enumerate(values, start=2):
            cell = sheet.cell(row=row, column=col, value=value)
            cell.number_format = "@"


def _range(title: str, col: int, last: int) -> str:
    letter = get_column_letter(col)
    return f"{quote_sheetname(title)}!${letter}$2:${letter}${max(last, 2)}"


def _validate(sheet, col: int, formula: str, message: str, *, strict: bool = True) -> None:
    rule = DataValidation(
        type="list",
        formula1=formula,
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop" if strict else "warning",
        errorTitle="输入有误",
        error=message,
    )
    letter = get_column_letter(col)
    rule.add(f"{letter}2:{letter}{ROWS + 1}")
    sheet.add_data_validation(rule)


def _text_format(sheet, col: int) -> None:
    """The whole column as text: a cell Excel creates there inherits the column's format
    (written cells carry ``@`` themselves, see ``export._write_cell``)."""
    sheet.column_dimensions[get_column_letter(col)].number_format = "@"


def workbook_aids(book, *, year: int, region_code: str = "") -> None:
    """Add the options and catalogue sheets, text formats and drop-downs to ``book``."""
    options = book.create_sheet(OPTIONS_TITLE)
    keys = list(CLOSED)
    _write_columns(options, [SHEET[s].column(c).header for s, c in keys], [CLOSED[k] for k in keys])
    catalogue = book.create_sheet(CATALOGUE_TITLE)
    entries = catalogue_rows(year=year, region_code=region_code)
    flat = [[pair[i] for pair in column] for column in entries for i in (0, 1)]
    _write_columns(catalogue, CATALOGUE_HEADERS, flat)
    for spec in SHEETS:
        sheet = book[spec.title]
        for col, column in enumerate(spec.columns, start=1):
            key = (spec.key, column.key)
            if column.kind == "code":
                _text_format(sheet, col)
            if key in CLOSED:
                index = keys.index(key) + 1
                _validate(
                    sheet,
                    col,
                    _range(OPTIONS_TITLE, index, len(CLOSED[key]) + 1),
                    f"请从下拉列表中选择{column.header}。",
                )
            elif key in REFERENCES:
                target, target_column = REFERENCES[key]
                spec_to = SHEET[target]
                position = [c.key for c in spec_to.columns].index(target_column) + 1
                _validate(
                    sheet,
                    col,
                    _range(spec_to.title, position, ROWS + 1),
                    f"{column.header}应是“{spec_to.title}”工作表中已填写的代码。",
                    strict=False,
                )
            elif column.key in CATALOGUE_COLUMNS and spec.key.endswith("lines"):
                index = CATALOGUE_COLUMNS[column.key]
                _validate(
                    sheet,
                    col,
                    _range(CATALOGUE_TITLE, index, len(entries[index // 2]) + 1),
                    f"{column.header}不在 {year} 年度科目目录中（见“{CATALOGUE_TITLE}”工作表）。",
                    strict=False,
                )
