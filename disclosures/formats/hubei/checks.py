"""The Hubei format's own rules on its tables （一）–（八）, against the key figures (the forms'
rules: ``form_checks.py``)."""

from budgets.fields import ZERO
from disclosures.checks.base import Collector, amount_of, first_row, rows_of, sum_rows
from disclosures.formats.hubei.form_checks import form_checks
from disclosures.keyfigures import KeyFigures
from disclosures.tables.base import ReportTable, RowKind


def _total(table: ReportTable, key: str):
    row = first_row(table, RowKind.TOTAL)
    return amount_of(row, key) if row else ZERO


def _functional_adds_up(table: ReportTable, out: Collector) -> None:
    """合计 = its 类 rows = its 项 rows, for 预算数, 基本支出 and 项目支出 (（三）（五）（八）)."""
    name = f"表{table.label}"
    for key, label in (("total", "预算数"), ("basic", "基本支出"), ("project", "项目支出")):
        for kind, level in ((RowKind.CATEGORY, "各类"), (RowKind.ITEM, "各项")):
            out.equal(
                f"hubei-{table.slug}-{kind}-{key}",
                (table.number,),
                (f"{name}合计{label}", _total(table, key)),
                (f"{level}{label}之和", sum_rows(rows_of(table, kind), key)),
            )


def hubei_checks(tables: list[ReportTable], figures: KeyFigures | None, out: Collector) -> None:
    """（一） totals = key figures; （三）（五）（八） add up; （六）（七） = key figures; the forms."""
    by_slug = {table.slug: table for table in tables}
    form_checks(tables, out)
    for slug in ("expenditure", "general-public", "gov-fund"):
        _functional_adds_up(by_slug[slug], out)
    if figures is None:
        return
    summary = by_slug["summary"]
    closing = rows_of(summary, RowKind.TOTAL)[-1]
    out.equal(
        "hubei-summary-income",
        (summary.number,),
        (f"表{summary.label}收入合计", amount_of(closing, "in_amount")),
        ("收入总计", figures.income_total),
    )
    out.equal(
        "hubei-summary-expenditure",
        (summary.number,),
        (f"表{summary.label}支出合计", amount_of(closing, "out_amount")),
        ("支出总计", figures.expenditure_total),
    )
    basic = by_slug["basic"]
    out.equal(
        "hubei-basic-total",
        (basic.number,),
        (f"表{basic.label}合计", _total(basic, "total")),
        ("一般公共预算基本支出", figures.general_public_basic["total"]),
    )
    three = by_slug["three-public"]
    out.equal(
        "hubei-three-public",
        (three.number,),
        (f"表{three.label}合计", amount_of(rows_of(three, RowKind.TOTAL)[0], "amount")),
        ("“三公”经费", figures.three_public["total"]),
    )
