"""Rules inside one table (spec section 3): balances, 其中 ≤ parent, rows adding up."""

import functools

from disclosures.checks.base import Collector, amount_of, first_row, rows_of, sum_rows, text_of
from disclosures.tables.base import ColumnKind, ReportTable, RowKind

TABLE_NAMES = {
    1: "表一",
    2: "表二",
    3: "表三",
    4: "表四",
    5: "表五",
    6: "表六",
    7: "表七",
    8: "表八",
    9: "表九",
    10: "表十",
    11: "表十一",
    12: "表十二",
}

T1_GROUPS = {"一、一般公共预算": 5, "二、政府性基金预算拨款收入": 3}


def check_summary(t1: ReportTable, out: Collector) -> None:
    """表一: 收入总计 = 支出总计; 合计 = items; 其中 ≤ parent."""
    totals = {
        row.cells["in_label"]: row
        for row in rows_of(t1, RowKind.TOTAL, RowKind.ITEM)
        if row.cells.get("in_label")
    }
    grand = totals["收入总计"]
    out.equal(
        "T1-balance",
        (1,),
        ("表一收入总计", amount_of(grand, "in_amount")),
        ("支出总计", amount_of(grand, "out_amount")),
    )
    items = [row for row in t1.rows if row.kind == RowKind.CATEGORY]
    current = totals["本年收入合计"]
    out.equal(
        "T1-income-sum",
        (1,),
        ("表一本年收入合计", amount_of(current, "in_amount")),
        ("各项收入之和", sum_rows(items, "in_amount")),
    )
    categories = [row for row in t1.rows if row.cells.get("out_code")]
    out.equal(
        "T1-expenditure-sum",
        (1,),
        ("表一本年支出合计", amount_of(current, "out_amount")),
        ("各类支出之和", sum_rows(categories, "out_amount")),
    )
    rows = t1.rows
    for index, row in enumerate(rows):
        count = T1_GROUPS.get(text_of(row, "in_label"))
        if not count:
            continue
        parent = (f"表一“{row.cells['in_label']}”", amount_of(row, "in_amount"))
        for child in rows[index + 1 : index + count + 1]:
            label = text_of(child, "in_label").removeprefix("其中：")
            out.not_above(
                "T1-of-which", (1,), (f"其中“{label}”", amount_of(child, "in_amount")), parent
            )


def check_income(t2: ReportTable, out: Collector) -> None:
    """表二: 合计 = sum of units; 总计 = 本年收入合计 + 上年结转结余合计."""
    total_row = first_row(t2, RowKind.TOTAL)
    units = rows_of(t2, RowKind.UNIT)
    for leaf in t2.leaves():
        if leaf.kind == ColumnKind.AMOUNT and units:
            label = "/".join(t2.header_path(leaf.key))
            out.equal(
                "T2-units",
                (2,),
                (f"表二合计行“{label}”", amount_of(total_row, leaf.key)),
                ("各单位之和", sum_rows(units, leaf.key)),
            )
    # A table without a 合计行 has its missing sums reported above; check the rows it has.
    for row in [r for r in (total_row, *units) if r is not None]:
        name = row.cells.get("name")
        current = amount_of(row, "current_total") + amount_of(row, "carry_total")
        out.equal(
            "T2-grand",
            (2,),
            (f"表二“{name}”总计", amount_of(row, "grand_total")),
            ("本年收入与上年结转结余之和", current),
        )


def check_expenditure(table: ReportTable, out: Collector) -> None:
    """表三/五/九: 合计 = 基本 + 项目; 基本 = 人员 + 公用; 项目 = 其他运转类 + 特定目标类; 合计行 = 项行之和."""
    name = TABLE_NAMES[table.number]
    for row in table.rows:
        label = f"{name}“{row.cells.get('name')}”"
        a = functools.partial(amount_of, row)
        out.equal(
            "T3-row",
            (table.number,),
            (f"{label}合计", a("total")),
            ("基本支出与项目支出之和", a("basic") + a("project")),
        )
        out.equal(
            "T3-basic",
            (table.number,),
            (f"{label}基本支出", a("basic")),
            ("人员经费与公用经费之和", a("wages") + a("households") + a("goods") + a("capital")),
        )
        out.equal(
            "T3-project",
            (table.number,),
            (f"{label}项目支出", a("project")),
            ("其他运转类与特定目标类之和", a("other_operating") + a("specific")),
        )
    total_row = first_row(table, RowKind.TOTAL)
    items = rows_of(table, RowKind.ITEM)
    for leaf in table.leaves():
        if leaf.kind == ColumnKind.AMOUNT:
            label = "/".join(table.header_path(leaf.key))
            out.equal(
                "T3-sum",
                (table.number,),
                (f"{name}合计行“{label}”", amount_of(total_row, leaf.key)),
                ("各项之和", sum_rows(items, leaf.key)),
            )
