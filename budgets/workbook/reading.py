"""Read a budget workbook into raw rows per sheet; ``Problem`` names a bad cell (sheet, row, column)."""

import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook
from tablib import Dataset

from budgets.fields import normalise_amount_text
from budgets.workbook.layout import SHEETS, Sheet


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
    rows = SheetRows(spec)
    values = list(worksheet.iter_rows(values_only=True))
    headers = _headers(values[0] if values else [])
    missing = [c for c in spec.columns if c.required and c.header not in headers]
    problems += [Problem(spec.title, 1, c.header, "缺少必填列") for c in missing]
    if missing:
        return rows
    rows.dataset.headers = headers
    width = len(headers)
    for number, raw in enumerate(values[1:], start=2):
        if all(_blank(v) for v in raw):
            continue
        rows.dataset.append((tuple(raw) + (None,) * width)[:width])
        rows.numbers.append(number)
    return rows


def workbook_sheets(data: bytes) -> tuple[dict[str, SheetRows], list[Problem]]:
    """Every sheet's rows by sheet key, and the problems of the file, sheets and headers.

    Cells are not interpreted here: the sheets' resources do that (``resources/``).
    """
    if not data:
        return {}, [Problem("文件", 0, "", "文件为空")]
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return {}, [Problem("文件", 0, "", "不是有效的 Excel 工作簿（.xlsx）文件")]
    problems: list[Problem] = []
    sheets = {}
    for spec in SHEETS:
        if spec.title not in book.sheetnames:
            if spec.required:
                problems.append(Problem(spec.title, 0, "", "缺少工作表"))
            sheets[spec.key] = SheetRows(spec)
            continue
        sheets[spec.key] = _read_sheet(spec, book[spec.title], problems)
    book.close()
    return sheets, problems
