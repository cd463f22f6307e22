"""The one message for a code that the budget year's catalogue does not hold.

Used by the data-entry forms (validation.py) and the workbook import (widgets.py), so a
clerk reads the same words in both: which edition lacks the code, in which editions it
exists if any, and what to do (check the code, or ask the finance bureau to load the
edition that has it).
"""

from budgets.models.catalogues import EconomicSubject

Editions = list[tuple[int, int | None]]  # (valid_from, valid_to) of each row of one code


def code_editions_table(model, *, scheme: str = "") -> dict[str, Editions]:
    """``{code: [(valid_from, valid_to), …]}`` of every row of a catalogue, in one query:
    an import with many unknown codes asks once, not once per row."""
    rows = model.objects.all()
    if model is EconomicSubject and scheme:
        rows = rows.filter(scheme=scheme)
    table: dict[str, Editions] = {}
    for code, start, end in rows.order_by("valid_from").values_list(
        "code", "valid_from", "valid_to"
    ):
        table.setdefault(code, []).append((start, end))
    return table


def code_editions(model, code: str, *, scheme: str = "") -> Editions:
    """The editions of one code (one query)."""
    rows = model.objects.filter(code=code)
    if model is EconomicSubject and scheme:
        rows = rows.filter(scheme=scheme)
    return list(rows.order_by("valid_from").values_list("valid_from", "valid_to"))


def _years(start: int, end: int | None) -> str:
    if end is None:
        return f"{start} 年度及以后"
    if start == end:
        return f"{start} 年度"
    return f"{start}—{end} 年度"


def _covers(editions: Editions, year: int) -> bool:
    return any(start <= year and (end is None or end >= year) for start, end in editions)


def unknown_code_message(
    *, label: str, code: str, year: int, editions: Editions, name: str = ""
) -> str:
    """E.g. “功能分类科目 2109999 在 2023 年度的科目目录中不存在：请核对编码；如确属新科目，
    请财政部门导入含该科目的 2023 年版目录。该编码只在 2022 年度有效。”

    ``name`` is the name of a row picked in a form; when another row of the same code is
    valid in the year (the entry was renamed), the message asks to pick that one instead.
    """
    if name and _covers(editions, year):
        return f"{label}科目 {code}“{name}”不是 {year} 年度的名称：请重新选择 {year} 年度的该科目。"
    message = (
        f"{label}科目 {code} 在 {year} 年度的科目目录中不存在：请核对编码；"
        f"如确属新科目，请财政部门导入含该科目的 {year} 年版目录。"
    )
    if editions:
        years = "、".join(_years(start, end) for start, end in editions)
        message += f"该编码只在 {years}有效。"
    return message
