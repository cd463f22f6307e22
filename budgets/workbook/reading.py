"""Read a budget workbook into rows per sheet, naming every bad cell (sheet, row, column)."""

import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from openpyxl import load_workbook

from budgets.fields import normalise_amount_text
from budgets.workbook.layout import SHEETS, Column, Sheet


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
class Rows:
    """Parsed records of one sheet, each with its spreadsheet row number."""

    sheet: Sheet
    records: list[tuple[int, dict]] = field(default_factory=list)


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


def _parse(column: Column, value):
    if column.kind == "amount":
        return parse_amount(value)
    if column.kind == "int":
        try:
            return int(normalise_amount_text(str(value)).removesuffix(".0"))
        except ValueError:
            raise ValueError(f"“{value}”不是整数") from None
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a code typed as a number
    if hasattr(value, "date") and column.kind == "text":
        return value.date().isoformat()
    return str(value).strip()


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _read_sheet(spec: Sheet, worksheet, problems: list[Problem]) -> Rows:
    rows = Rows(spec)
    values = list(worksheet.iter_rows(values_only=True))
    headers = [str(h).strip() if h is not None else "" for h in (values[0] if values else [])]
    positions = {}
    for column in spec.columns:
        if column.header in headers:
            positions[column.key] = headers.index(column.header)
        elif column.required:
            problems.append(Problem(spec.title, 1, column.header, "缺少必填列"))
    if len(positions) < sum(c.required for c in spec.columns):
        return rows
    for number, raw in enumerate(values[1:], start=2):
        if all(_blank(v) for v in raw):
            continue
        record, ok = {}, True
        for column in spec.columns:
            index = positions.get(column.key)
            value = raw[index] if index is not None and index < len(raw) else None
            if _blank(value):
                if column.required:
                    problems.append(Problem(spec.title, number, column.header, "必填项为空"))
                    ok = False
                record[column.key] = None if column.kind == "amount" else ""
                continue
            try:
                record[column.key] = _parse(column, value)
            except ValueError as error:
                problems.append(Problem(spec.title, number, column.header, str(error)))
                ok = False
        if ok:
            rows.records.append((number, record))
    return rows


def workbook_rows(data: bytes) -> tuple[dict[str, Rows], list[Problem]]:
    """Every sheet's parsed records, and every problem found while reading cells."""
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
            sheets[spec.key] = Rows(spec)
            continue
        sheets[spec.key] = _read_sheet(spec, book[spec.title], problems)
    book.close()
    return sheets, problems
