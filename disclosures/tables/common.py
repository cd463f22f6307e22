"""Pieces several tables share: Chinese numbering, functional-item rows, source columns."""

from collections import defaultdict
from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.funding import FundingGroup
from budgets.models import LineKind, ProjectKind
from disclosures.tables.base import Column, amount, code, group, text
from disclosures.tables.data import Cell, total

DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 27 → 二十七 (table 1 numbers 类 by code: 210 → 十)."""
    if not 0 < n < 100:
        raise ValueError(n)
    tens, ones = divmod(n, 10)
    prefix = "" if tens == 0 else ("十" if tens == 1 else f"{DIGITS[tens]}十")
    return prefix + (DIGITS[ones] if ones else "")


def category_number(category_code: str) -> str:
    """The numeral table 1 prints before a 功能分类 类: 201 → 一, 227 → 二十七."""
    return chinese_number(int(category_code) - 200)


# Economic 类 → the basic-expenditure column of tables 3, 5 and 9.
def basic_column(dept_category: str) -> str:
    if dept_category == "301":
        return "wages"
    if dept_category == "303":
        return "households"
    if dept_category in {"309", "310"}:
        return "capital"
    return "goods"


def expenditure_columns() -> list[Column]:
    """Tables 3, 5, 9: 合计 | 基本支出 […] | 项目支出 […]."""
    return [
        code("cat", "类"),
        code("sec", "款"),
        code("item", "项"),
        code("unit_code", "单位代码"),
        text("name", "单位（科目名称）"),
        amount("total", "合计"),
        group(
            "基本支出",
            amount("basic", "小计"),
            group(
                "人员经费",
                amount("wages", "工资福利支出"),
                amount("households", "对个人和家庭的补助"),
            ),
            group("公用经费", amount("goods", "商品和服务支出"), amount("capital", "资本性支出")),
        ),
        group(
            "项目支出",
            amount("project", "小计"),
            amount("other_operating", "其他运转类"),
            amount("specific", "特定目标类"),
        ),
    ]


# Project kinds printed in the 其他运转类 column (the rest are 特定目标类).
OPERATING_KINDS = frozenset(
    {ProjectKind.OTHER_OPERATING, ProjectKind.OPERATING, ProjectKind.PERSONNEL}
)

AMOUNT_KEYS = (
    "total",
    "basic",
    "wages",
    "households",
    "goods",
    "capital",
    "project",
    "other_operating",
    "specific",
)


def expenditure_sums(cells: list[Cell], project_kinds: dict[int, str]) -> dict[str, Decimal]:
    sums = dict.fromkeys(AMOUNT_KEYS, ZERO)
    for cell in cells:
        sums["total"] += cell.amount
        if cell.kind == LineKind.BASIC:
            sums["basic"] += cell.amount
            sums[basic_column(cell.dept_category)] += cell.amount
        else:
            sums["project"] += cell.amount
            kind = "" if cell.project_id is None else project_kinds.get(cell.project_id, "")
            sums["other_operating" if kind in OPERATING_KINDS else "specific"] += cell.amount
    return {k: quantize(v) for k, v in sums.items()}


def current_year(group_: FundingGroup):
    return lambda cell: cell.group == group_


def sum_by_category(cells: list[Cell]) -> dict[str, Decimal]:
    sums: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for cell in cells:
        sums[cell.func_code[:3]] += cell.amount
    return {k: quantize(v) for k, v in sums.items()}


__all__ = ["total"]
