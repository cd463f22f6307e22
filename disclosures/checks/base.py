"""Findings of the cross-table checks, and helpers to read figures out of tables."""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from budgets.fields import ZERO, quantize
from budgets.formatting import format_amount
from disclosures.places import Link
from disclosures.tables.base import ReportTable, Row, RowKind


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One violated rule: which tables, which figures, and a Chinese sentence."""

    level: Level
    rule: str
    tables: tuple[int, ...]
    message: str
    link: Link | None = None  # where the offending data is entered (a line, a project …)

    @property
    def level_label(self) -> str:
        return "错误" if self.level == Level.ERROR else "提示"


def money(value) -> str:
    return format_amount(value, blank_zero=False)


def amount_of(row: Row | None, key: str) -> Decimal:
    """A cell's amount; a text or empty cell, or a row the table lacks, reads as zero."""
    value = None if row is None else row.cells.get(key)
    return value if isinstance(value, Decimal) else ZERO


def text_of(row: Row, key: str) -> str:
    """A cell's text (a code, a label); an amount or an empty cell reads as ``""``."""
    value = row.cells.get(key)
    return value if isinstance(value, str) else ""


def rows_of(table: ReportTable, *kinds: RowKind) -> list[Row]:
    return [row for row in table.rows if row.kind in kinds]


def first_row(table: ReportTable, kind: RowKind) -> Row | None:
    return next((row for row in table.rows if row.kind == kind), None)


def sum_rows(rows: list[Row], key: str) -> Decimal:
    return quantize(sum((amount_of(row, key) for row in rows), ZERO))


def by_category(table: ReportTable, key: str) -> dict[str, Decimal]:
    """Sum a column of table 3/5/9 per 功能分类 类 over the 项 rows."""
    sums: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in rows_of(table, RowKind.ITEM):
        sums[str(row.cells["cat"])] += amount_of(row, key)
    return dict(sums)


class Collector:
    """Collects findings; ``equal`` records a mismatch between two figures."""

    def __init__(self) -> None:
        self.findings: list[Finding] = []

    def equal(
        self,
        rule: str,
        tables: tuple[int, ...],
        left: tuple[str, Decimal],
        right: tuple[str, Decimal],
    ) -> None:
        (left_label, left_value), (right_label, right_value) = left, right
        if quantize(left_value) == quantize(right_value):
            return
        difference = money(abs(quantize(left_value) - quantize(right_value)))
        self.error(
            rule,
            tables,
            f"{left_label} {money(left_value)} 与{right_label} {money(right_value)} 不一致，相差 {difference} 万元",
        )

    def not_above(
        self,
        rule: str,
        tables: tuple[int, ...],
        part: tuple[str, Decimal],
        whole: tuple[str, Decimal],
    ) -> None:
        if quantize(part[1]) > quantize(whole[1]):
            self.error(
                rule,
                tables,
                f"{part[0]} {money(part[1])} 大于{whole[0]} {money(whole[1])}，超出 {money(part[1] - whole[1])} 万元",
            )

    def error(
        self, rule: str, tables: tuple[int, ...], message: str, link: Link | None = None
    ) -> None:
        self.findings.append(Finding(Level.ERROR, rule, tables, message, link))

    def warning(
        self, rule: str, tables: tuple[int, ...], message: str, link: Link | None = None
    ) -> None:
        self.findings.append(Finding(Level.WARNING, rule, tables, message, link))
