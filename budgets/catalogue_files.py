"""Read an official catalogue edition file (XLSX or CSV): one classification, one year.

The file lists every entry of the classification with its code and name (a header row
with 科目编码/code and 科目名称/name, optionally 级次/level and 简称/short_name; title rows
above it are skipped). Every cell is checked before anything is compared or written:
codes are digits only, 3/5/7 digits by level, of the chosen classification, each under a
parent the file also lists, none twice; a date or formula in a code cell, or a formula or
nothing as a name, is refused. The upload guards of the workbook import apply (size
limit, archive checks before openpyxl reads anything).
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.conf import settings
from openpyxl import load_workbook

from budgets.uploads import too_large_message
from budgets.workbook.archive import archive_problem
from budgets.workbook.reading import NOT_A_WORKBOOK, UNREADABLE


@dataclass(frozen=True)
class CatalogueKind:
    key: str
    label: str
    lengths: dict[int, str]  # code length → level
    first_digit: str


KINDS = {
    "functional": CatalogueKind(
        "functional", "支出功能分类", {3: "category", 5: "section", 7: "item"}, "2"
    ),
    "dept_economic": CatalogueKind(
        "dept_economic", "部门预算支出经济分类", {3: "category", 5: "section"}, "3"
    ),
    "gov_economic": CatalogueKind(
        "gov_economic", "政府预算支出经济分类", {3: "category", 5: "section"}, "5"
    ),
}
LEVEL_NAMES = {"category": "类", "section": "款", "item": "项"}
HEADERS = {
    "code": {"code", "科目编码", "编码", "科目代码"},
    "name": {"name", "科目名称", "名称"},
    "level": {"level", "级次", "科目级次"},
    "short_name": {"short_name", "简称"},
}
HEADER_SEARCH_ROWS = 10
NAME_MAX = 100


@dataclass(frozen=True)
class EditionEntry:
    code: str
    name: str
    short_name: str = ""

    @property
    def level(self) -> str:
        return {3: "category", 5: "section", 7: "item"}[len(self.code)]


class EditionFileRefused(Exception):
    """The file cannot be used; ``problems`` says why (Chinese, with row numbers)."""

    def __init__(self, problems: list[str]):
        super().__init__("；".join(problems[:3]))
        self.problems = problems


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _is_formula(value) -> bool:
    return isinstance(value, str) and value.strip().startswith("=")


def edition_code_clean(value, kind: CatalogueKind) -> str:
    """The code of a cell, or ValueError with the reason in Chinese."""
    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
        raise ValueError(
            f"科目编码单元格是日期（{value}），不是编码：请把该列设为文本格式后重新填写编码"
        )
    if _is_formula(value):
        raise ValueError(f"科目编码单元格是公式（{str(value)[:30]}）：请直接填写数字编码")
    if isinstance(value, (bool, float)):
        raise ValueError(f"科目编码“{value}”应为数字（单元格不能是小数或逻辑值）")
    code = str(value).strip() if isinstance(value, int) else _text(value)
    if not code:
        raise ValueError("科目编码为空")
    wanted = "/".join(str(n) for n in sorted(kind.lengths))
    if not (code.isascii() and code.isdigit()) or len(code) not in kind.lengths:
        raise ValueError(f"科目编码“{code[:30]}”应为 {wanted} 位数字")
    if not code.startswith(kind.first_digit):
        raise ValueError(
            f"科目编码 {code} 不是{kind.label}的编码（应以 {kind.first_digit} 开头）：请确认所选分类"
        )
    return code


def edition_name_clean(value) -> str:
    if _is_formula(value):
        raise ValueError("科目名称是公式：请改为直接填写名称")
    name = _text(value)
    if not name:
        raise ValueError("科目名称为空")
    if len(name) > NAME_MAX:
        raise ValueError(f"科目名称超过 {NAME_MAX} 个字")
    return name


def _level_check(code: str, value, kind: CatalogueKind) -> None:
    level = _text(value)
    if not level:
        return
    expected = LEVEL_NAMES[kind.lengths[len(code)]]
    if level not in LEVEL_NAMES.values():
        raise ValueError(f"级次“{level[:10]}”应为 类、款 或 项")
    if level != expected:
        raise ValueError(
            f"科目编码 {code} 是 {len(code)} 位，应为“{expected}”级，而级次填的是“{level}”"
        )


def _raw_rows(data: bytes) -> list[tuple]:
    """All rows of the first sheet (XLSX, formulas kept as text) or of a CSV file."""
    if data[:2] == b"PK":
        if problem := archive_problem(data):
            raise EditionFileRefused([problem])
        try:
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            try:
                sheet = book.worksheets[0]
                rows: list[tuple] = []
                for raw in sheet.iter_rows(values_only=True, max_col=16):
                    if len(rows) > settings.WORKBOOK_SHEET_MAX_ROWS:
                        limit = settings.WORKBOOK_SHEET_MAX_ROWS
                        raise EditionFileRefused([f"超过 {limit} 行的上限"])
                    rows.append(tuple(raw))
            finally:
                book.close()
        except UNREADABLE:
            raise EditionFileRefused([NOT_A_WORKBOOK]) from None
        return rows
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            raise EditionFileRefused(
                ["文件既不是 Excel 工作簿（.xlsx），也不是 UTF-8 或 GBK 编码的 CSV 文件"]
            ) from None
    rows = [tuple(row) for row in csv.reader(io.StringIO(text))]
    if len(rows) > settings.WORKBOOK_SHEET_MAX_ROWS + HEADER_SEARCH_ROWS:
        raise EditionFileRefused([f"超过 {settings.WORKBOOK_SHEET_MAX_ROWS} 行的上限"])
    return rows


def edition_header(
    rows: list[tuple], headers: dict[str, set[str]], *, required: tuple[str, ...] = (), missing: str
) -> tuple[int, dict[str, int]]:
    """The header row's index and the column of each known header (``missing`` if none).

    A header row is one of the first rows that names every ``required`` column (all of
    ``headers`` when none is given)."""
    required = required or tuple(headers)
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for position, value in enumerate(row):
            for field, names in headers.items():
                if _text(value).lower() in names and field not in columns:
                    columns[field] = position
        if all(field in columns for field in required):
            return index, columns
    raise EditionFileRefused([missing])


def _cell(row: tuple, column: int | None):
    return row[column] if column is not None and column < len(row) else None


def _entries(rows, start: int, columns, kind) -> tuple[list[EditionEntry], list[str]]:
    entries: list[EditionEntry] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if all(_text(v) == "" for v in row):
            continue
        try:
            code = edition_code_clean(_cell(row, columns["code"]), kind)
            name = edition_name_clean(_cell(row, columns["name"]))
            _level_check(code, _cell(row, columns.get("level")), kind)
        except ValueError as error:
            problems.append(f"第 {number} 行：{error}")
            continue
        if code in seen:
            problems.append(f"第 {number} 行：科目编码 {code} 重复（第 {seen[code]} 行已有）")
            continue
        seen[code] = number
        short_name = _text(_cell(row, columns.get("short_name")))[:50]
        entries.append(EditionEntry(code, name, short_name))
    for entry in entries:
        parent = entry.code[:3] if len(entry.code) == 5 else entry.code[:5]
        if len(entry.code) > 3 and parent not in seen:
            problems.append(
                f"第 {seen[entry.code]} 行：科目编码 {entry.code} 的上级科目 {parent} 不在文件中"
            )
    return entries, problems


def edition_rows(data: bytes) -> list[tuple]:
    """The rows of an uploaded edition file, after the upload guards (size, archive)."""
    if not data:
        raise EditionFileRefused(["文件为空"])
    if len(data) > settings.WORKBOOK_UPLOAD_MAX_BYTES:
        raise EditionFileRefused([too_large_message(len(data))])
    return _raw_rows(data)


def edition_file_read(*, data: bytes, kind: str) -> list[EditionEntry]:
    """The entries of an edition file, ordered by code; EditionFileRefused on any problem."""
    if kind not in KINDS:
        raise EditionFileRefused([f"未知的分类“{kind}”"])
    rows = edition_rows(data)
    start, columns = edition_header(
        rows,
        HEADERS,
        required=("code", "name"),
        missing="未找到表头：文件应有“科目编码”（code）和“科目名称”（name）两列",
    )
    entries, problems = _entries(rows, start, columns, KINDS[kind])
    if problems:
        raise EditionFileRefused(problems)
    if not entries:
        raise EditionFileRefused(["文件中没有科目"])
    return sorted(entries, key=lambda entry: entry.code)
