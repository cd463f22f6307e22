"""The Hebei format's own rules on its nine tables, against the key figures.

The key figures are those of the classified data (``DisclosureFormat.classify``): in
Hebei 人员类 and 运转类 project lines are 基本支出, so 基本/项目 here are Hebei's split,
and the same rules hold for any budget, whatever kinds its projects have.
"""

from budgets.fields import ZERO
from disclosures.checks.base import Collector, amount_of, first_row, rows_of, sum_rows
from disclosures.keyfigures import KeyFigures
from disclosures.tables.base import ReportTable, RowKind


def _total(table: ReportTable, key: str):
    row = first_row(table, RowKind.TOTAL)
    return amount_of(row, key) if row else ZERO


def _adds_up(table: ReportTable, keys: tuple[tuple[str, str], ...], out: Collector) -> None:
    """合计 = its 类 rows = its 项 rows (功能分类 tables 2, 3, 5, 7, 8)."""
    for key, label in keys:
        for kind, level in ((RowKind.CATEGORY, "各类"), (RowKind.ITEM, "各项")):
            out.equal(
                f"hebei-{table.slug}-{kind}-{key}",
                (table.number,),
                (f"{table.title}合计{label}", _total(table, key)),
                (f"{level}{label}之和", sum_rows(rows_of(table, kind), key)),
            )


KIND_KEYS = (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出"))


def _income_matches_expenditure(income: ReportTable, spending: ReportTable, out) -> None:
    """Table 2 and table 3 list the same 功能分类 rows with the same 合计."""
    spent = {row.get("code"): amount_of(row, "total") for row in spending.rows}
    for row in income.rows:
        subject = row.get("code") or ""
        out.equal(
            f"hebei-income-expenditure-{subject or 'total'}",
            (income.number, spending.number),
            (f"{income.title}{subject or ''}{row.get('name') or ''}", amount_of(row, "total")),
            (f"{spending.title}同一科目", spent.get(row.get("code"), ZERO)),
        )


def _three_public(table: ReportTable, figures: KeyFigures | None, out: Collector) -> None:
    for row in table.rows:
        parts = sum((amount_of(row, key) for key in ("gp", "gf", "sc")), ZERO)
        out.equal(
            f"hebei-three-public-sources-{row.get('figure')}",
            (table.number,),
            (f"{table.title}“{row.get('label')}”合计", amount_of(row, "total")),
            ("各资金性质之和", parts),
        )
    out.equal(
        "hebei-three-public-items",
        (table.number,),
        (f"{table.title}合计", _total(table, "total")),
        ("各项之和", sum_rows(rows_of(table, RowKind.CATEGORY), "total")),
    )
    if figures is not None:
        out.equal(
            "hebei-three-public",
            (table.number,),
            (f"{table.title}合计", _total(table, "total")),
            ("“三公”经费", figures.three_public["total"]),
        )


def _closing(table: ReportTable, label: str, key: str):
    row = next((r for r in table.rows if r.get("in_label") == label), None)
    return amount_of(row, key)


def _against_figures(by_slug: dict[str, ReportTable], figures: KeyFigures, out) -> None:
    summary, spending = by_slug["summary"], by_slug["expenditure"]
    pairs = [
        (summary, "收入总计", "in_amount", "收入总计", figures.income_total),
        (summary, "收入总计", "out_amount", "支出总计", figures.expenditure_total),
        (
            by_slug["appropriation"],
            "收入总计",
            "out_amount",
            "财政拨款",
            figures.appropriation["total"],
        ),
    ]
    for table, row_label, key, label, expected in pairs:
        out.equal(
            f"hebei-{table.slug}-{key}",
            (table.number,),
            (f"{table.title}{label}", _closing(table, row_label, key)),
            (label, expected),
        )
    by_code = {c.code: c.amount for c in figures.categories}
    for row in summary.rows:
        if row.get("out_code"):
            out.equal(
                f"hebei-summary-category-{row.get('out_code')}",
                (summary.number,),
                (f"{summary.title}“{row.get('out_label')}”", amount_of(row, "out_amount")),
                ("该类支出", by_code.get(str(row.get("out_code")), ZERO)),
            )
    for key, label, expected in (
        ("basic", "基本支出", figures.basic),
        ("project", "项目支出", figures.project),
    ):
        out.equal(
            f"hebei-expenditure-{key}",
            (spending.number,),
            (f"{spending.title}合计{label}", _total(spending, key)),
            (label, expected),
        )
    general = by_slug["general-public"]
    for key, label in KIND_KEYS:
        out.equal(
            f"hebei-general-public-{key}",
            (general.number,),
            (f"{general.title}合计{label}", _total(general, key)),
            (f"一般公共预算{label}", figures.general_public[key]),
        )
    basic = by_slug["basic"]
    for key, label in (("total", "合计"), ("personnel", "人员经费"), ("public", "公用经费")):
        out.equal(
            f"hebei-basic-{key}",
            (basic.number,),
            (f"{basic.title}{label}", _total(basic, key)),
            (f"一般公共预算基本支出{label}", figures.general_public_basic[key]),
        )


def hebei_checks(tables: list[ReportTable], figures: KeyFigures | None, out: Collector) -> None:
    """Tables 2/3/5/7/8 add up, 2 = 3 by 功能, 9 adds up; 1/3/4/5/6/9 = the key figures."""
    by_slug = {table.slug: table for table in tables}
    _adds_up(by_slug["income"], (("total", "合计"), ("appropriation", "财政拨款收入")), out)
    for slug in ("expenditure", "general-public", "gov-fund", "state-capital"):
        _adds_up(by_slug[slug], KIND_KEYS, out)
    _income_matches_expenditure(by_slug["income"], by_slug["expenditure"], out)
    _three_public(by_slug["three-public"], figures, out)
    if figures is not None:
        _against_figures(by_slug, figures, out)
