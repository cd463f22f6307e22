"""Codes Excel turned into numbers: ``060001`` typed into a general cell becomes 60001.

Before the cells are read, each code cell holding a number is compared with the codes it
can mean — the department codes of the region, the units of the department and of the
预算单位 sheet, the projects of the 项目 sheet. When exactly one of them is the number with
its leading zeros, the cell is read as that code and a warning says so; otherwise the
number is left as it is and the import names the unknown code as usual.
"""

from budgets.models import BudgetUnit, Department
from budgets.workbook.reading import Problem, SheetRows

# (sheet key, column key) → which known codes the column's numbers may stand for.
REFERENCES = {
    ("units", "code"): "units",
    ("basic_lines", "unit"): "units",
    ("projects", "unit"): "units",
    ("procurement", "unit"): "units",
    ("project_lines", "project"): "projects",
    ("project_indicators", "project"): "projects",
}


def _number(value) -> str | None:
    """The digits of a cell Excel stored as a whole number, else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer()):
        return str(int(value))
    return None


def _match(digits: str, known: set[str]) -> str | None:
    if digits in known:
        return None  # the number is itself a code: nothing was lost
    found = [code for code in known if code.lstrip("0") == digits and code != digits]
    return found[0] if len(found) == 1 else None


def _warning(rows: SheetRows, index: int, header: str, digits: str, code: str) -> Problem:
    return Problem(
        rows.sheet.title,
        rows.numbers[index],
        header,
        f"代码被 Excel 存成了数字 {digits}（前导零丢失），已按“{code}”读取；"
        "请把该列设为文本格式，以免再次丢失。",
    )


def _restore(rows: SheetRows, key: str, known: set[str], warnings: list[Problem]) -> None:
    header = rows.sheet.column(key).header
    dataset = rows.dataset
    if header not in (dataset.headers or []):
        return
    col = dataset.headers.index(header)
    for index in range(len(rows.numbers)):
        row = list(dataset[index])
        digits = _number(row[col])
        if digits is None or (code := _match(digits, known)) is None:
            continue
        row[col] = code
        dataset[index] = tuple(row)
        warnings.append(_warning(rows, index, header, digits, code))


def _texts(rows: SheetRows, key: str) -> set[str]:
    header = rows.sheet.column(key).header
    if header not in (rows.dataset.headers or []):
        return set()
    col = rows.dataset.headers.index(header)
    return {str(row[col]).strip() for row in rows.dataset if isinstance(row[col], str)}


def _any_number(sheets: dict[str, SheetRows]) -> bool:
    pairs = [("info", "department_code"), *REFERENCES]
    for sheet_key, column_key in pairs:
        rows = sheets[sheet_key]
        header = rows.sheet.column(column_key).header
        if header in (rows.dataset.headers or []):
            col = rows.dataset.headers.index(header)
            if any(_number(row[col]) for row in rows.dataset):
                return True
    return False


def numeric_codes_restore(sheets: dict[str, SheetRows]) -> list[Problem]:
    """Restore the leading zeros of code cells where unambiguous; the warnings, by cell.

    No query when no code cell is a number, else two (the region's departments, the
    department's units)."""
    warnings: list[Problem] = []
    info = sheets["info"]
    if not _any_number(sheets):
        return warnings
    # Without 基本信息 the sheets' own codes are still known (the other sheets are checked).
    region = _head_code(info, "region_code")
    departments = set(Department.objects.filter(region__code=region).values_list("code", flat=True))
    _restore(info, "department_code", departments, warnings)
    department = _head_code(info, "department_code")
    known = {
        "units": _texts(sheets["units"], "code")
        | set(
            BudgetUnit.objects.filter(
                department__region__code=region, department__code=department
            ).values_list("code", flat=True)
        ),
        "projects": _texts(sheets["projects"], "code"),
    }
    for (sheet_key, column_key), kind in REFERENCES.items():
        codes = known[kind]
        if (sheet_key, column_key) == ("units", "code"):
            # A new unit's code extends the department's: 061 → 061001.
            codes = codes | _extended(sheets["units"], department)
        _restore(sheets[sheet_key], column_key, codes, warnings)
    return warnings


def _head_code(info: SheetRows, key: str) -> str:
    """A code of the 基本信息 row as text (a number as its digits)."""
    header = info.sheet.column(key).header
    if not info.numbers or header not in (info.dataset.headers or []):
        return ""
    value = info.dataset[0][info.dataset.headers.index(header)]
    return (_number(value) or str(value or "")).strip()


def _extended(rows: SheetRows, department: str) -> set[str]:
    """The unit codes the 预算单位 sheet's numbers stand for, given the department code."""
    header = rows.sheet.column("code").header
    if not department or header not in (rows.dataset.headers or []):
        return set()
    col, stripped = rows.dataset.headers.index(header), department.lstrip("0")
    zeros = len(department) - len(stripped)
    found = set()
    for row in rows.dataset:
        digits = _number(row[col])
        if zeros and digits and digits.startswith(stripped):
            found.add("0" * zeros + digits)
    return found
