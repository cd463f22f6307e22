"""Read a budget workbook into raw rows per sheet; ``Problem`` names a bad cell (sheet, row, column)."""

import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.conf import settings
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from tablib import Dataset

from budgets.fields import normalise_amount_text
from budgets.uploads import too_large_message
from budgets.workbook.archive import UNREADABLE as ARCHIVE_UNREADABLE
from budgets.workbook.archive import archive_problem
from budgets.workbook.layout import SHEETS, Sheet

NOT_A_WORKBOOK = "不是有效的 Excel 工作簿（.xlsx）文件"
UNREADABLE = (*ARCHIVE_UNREADABLE, InvalidFileException)


@dataclass(frozen=True)
class Problem:
    """One reason the workbook cannot be imported, where it is (row 0: the whole sheet)."""

    sheet: str
    row: int
    column: str
    message: str

    def __str__(self):
        where = f"“{self.sheet}”" + (f"第 {self.row} 行" if self.row else "")
        return f"{where}{f'“{self.column}”列' if self.column else ''}：{self.message}"


@dataclass
class SheetRows:
    """The non-blank rows of one sheet as a tablib Dataset (raw cells under their headers),
    with the spreadsheet row number of each."""

    sheet: Sheet
    dataset: Dataset = field(default_factory=Dataset)
    numbers: list[int] = field(default_factory=list)


def parse_amount(value) -> Decimal:
    """A cell in 万元: number, ``1,234.50`` or full-width digits; ≥ 0 with ≤ 2 decimals."""
    if isinstance(value, bool):
        raise ValueError("应填写金额数字")
    if isinstance(value, (int, float)):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        try:
            number = Decimal(normalise_amount_text(str(value)))
        except InvalidOperation:
            raise ValueError(f"“{value}”不是金额数字") from None
    if not number.is_finite():
        raise ValueError(f"“{value}”不是金额数字")
    if number < 0:
        raise ValueError("金额不能为负数")
    if number.adjusted() >= 16:
        raise ValueError("金额过大（最多 16 位整数）")
    if number != number.quantize(Decimal("0.01")):
        raise ValueError("金额最多保留两位小数（单位：万元）")
    return number.quantize(Decimal("0.01"))


def _number(value, what: str, *, percent: bool = False) -> Decimal:
    """A cell as a finite Decimal (number, pasted text, full-width digits)."""
    if isinstance(value, bool):
        raise ValueError(f"应填写{what}数字")
    if isinstance(value, (int, float)):
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    try:
        text = normalise_amount_text(str(value))
        number = Decimal(text.removesuffix("%") if percent else text)
    except InvalidOperation:
        raise ValueError(f"“{value}”不是{what}数字") from None
    if not number.is_finite():
        raise ValueError(f"“{value}”不是{what}数字")
    return number


def parse_percent(value) -> Decimal:
    """A percentage: ``24``, ``24%`` or ``24.5``; 0–100 with ≤ 2 decimals."""
    number = _number(value, "百分比", percent=True)
    if not 0 <= number <= 100:
        raise ValueError("百分比应在 0—100 之间")
    if number != number.quantize(Decimal("0.01")):
        raise ValueError("百分比最多保留两位小数")
    return number.quantize(Decimal("0.01"))


def parse_price(value) -> Decimal:
    """A unit price in 万元: ≥ 0 with up to six decimals (0.022 = 220 元)."""
    from budgets.fields import PRICE_DECIMALS

    number = _number(value, "单价")
    step = Decimal(1).scaleb(-PRICE_DECIMALS)
    if number < 0:
        raise ValueError("单价不能为负数")
    if number.adjusted() >= 12:
        raise ValueError("单价过大（最多 12 位整数）")
    if number != number.quantize(step):
        raise ValueError(f"单价最多保留{PRICE_DECIMALS}位小数（单位：万元）")
    return number.quantize(step)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _headers(first_row) -> list[str]:
    """Header texts; an empty or repeated header gets a name no resource reads."""
    headers = []
    for i, value in enumerate(first_row, start=1):
        header = str(value).strip() if value is not None else ""
        headers.append(header if header and header not in headers else f"#{i}")
    return headers


def _read_sheet(spec: Sheet, worksheet, problems: list[Problem]) -> SheetRows:
    """The sheet's rows, streamed: never more than the row limit is kept."""
    rows, limit = SheetRows(spec), settings.WORKBOOK_SHEET_MAX_ROWS
    # Only the first columns are read: a row as wide as Excel allows costs nothing here.
    values = worksheet.iter_rows(values_only=True, max_col=settings.WORKBOOK_SHEET_MAX_COLUMNS)
    headers = _headers(next(values, ()))
    missing = [c for c in spec.columns if c.required and c.header not in headers]
    problems += [Problem(spec.title, 1, c.header, "缺少必填列") for c in missing]
    if missing and spec.key != "info":  # 基本信息: its other cells are still read
        return rows
    rows.dataset.headers = headers
    width = len(headers)
    for number, raw in enumerate(values, start=2):
        if raw.count(None) == len(raw) or all(_blank(v) for v in raw):
            continue
        if len(rows.numbers) == limit:
            problems.append(
                Problem(spec.title, number, "", f"超过每张工作表 {limit} 行的上限；请拆分后导入")
            )
            return SheetRows(spec)
        rows.dataset.append((tuple(raw) + (None,) * width)[:width])
        rows.numbers.append(number)
    return rows


def workbook_sheets(data: bytes) -> tuple[dict[str, SheetRows], list[Problem]]:
    """Every sheet's rows by sheet key, and the problems of the file, sheets and headers.

    The file's size and its archive are checked before openpyxl reads anything; a file
    openpyxl cannot read, at load or while its rows are streamed, is "not a workbook".
    Cells are not interpreted here: the sheets' resources do that (``resources/``).
    """
    if not data:
        return {}, [Problem("文件", 0, "", "文件为空")]
    if len(data) > settings.WORKBOOK_UPLOAD_MAX_BYTES:
        return {}, [Problem("文件", 0, "", too_large_message(len(data)))]
    if problem := archive_problem(data):
        return {}, [Problem("文件", 0, "", problem)]
    try:
        return _sheets(data)
    except UNREADABLE:
        return {}, [Problem("文件", 0, "", NOT_A_WORKBOOK)]


def _sheets(data: bytes) -> tuple[dict[str, SheetRows], list[Problem]]:
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    problems: list[Problem] = []
    sheets = {}
    try:
        for spec in SHEETS:
            if spec.title not in book.sheetnames:
                if spec.required:
                    problems.append(Problem(spec.title, 0, "", "缺少工作表"))
                sheets[spec.key] = SheetRows(spec)
                continue
            sheets[spec.key] = _read_sheet(spec, book[spec.title], problems)
    finally:
        book.close()
    return sheets, problems
