"""Rules between tables (spec section 3): the same figure must agree wherever it is printed."""

from collections import defaultdict
from decimal import Decimal

from budgets.fields import ZERO
from disclosures.checks.base import (
    Collector,
    amount_of,
    by_category,
    first_row,
    money,
    rows_of,
    text_of,
)
from disclosures.keyfigures import (
    OUTBOUND,
    RECEPTION,
    VEHICLE_OPERATION,
    VEHICLE_PURCHASE,
)
from disclosures.tables.base import ReportTable, RowKind

# 表一 income label → 表二 合计行 column
T1_TO_T2 = {
    "一、一般公共预算": "gp",
    "其中：财政拨款": "gp_appropriation",
    "二、政府性基金预算拨款收入": "gf",
    "三、国有资本经营预算拨款收入": "sc",
    "四、财政专户管理资金收入": "special",
    "五、事业收入": "unit_service",
    "六、事业单位经营收入": "unit_operating",
    "七、上级补助收入": "unit_subsidy",
    "八、附属单位上缴收入": "unit_subordinate",
    "九、其他收入": "unit_other",
    "上年结转结余": "carry_total",
}


def _t1_income(t1: ReportTable) -> dict[str, Decimal]:
    return {
        text_of(row, "in_label"): amount_of(row, "in_amount")
        for row in t1.rows
        if row.cells.get("in_label")
    }


def check_summary_against_others(t: dict[int, ReportTable], out: Collector) -> None:
    """表一 per 类 = 表三 per 类; 表一 income items = 表二 合计行."""
    t3 = by_category(t[3], "total")
    for row in t[1].rows:
        code = text_of(row, "out_code")
        if code:
            label = str(row.cells["out_label"]).split("、", 1)[-1]
            out.equal(
                "T1-T3",
                (1, 3),
                (f"表一“{label}”支出", amount_of(row, "out_amount")),
                (f"表三{label}类合计", t3.get(code, ZERO)),
            )
    income, t2_total = _t1_income(t[1]), first_row(t[2], RowKind.TOTAL)
    for label, key in T1_TO_T2.items():
        out.equal(
            "T1-T2",
            (1, 2),
            (f"表一“{label}”", income.get(label, ZERO)),
            ("表二合计行对应栏", amount_of(t2_total, key)),
        )


def check_appropriation(t: dict[int, ReportTable], out: Collector) -> None:
    """表四 一般公共预算 = 表五 per 类; 政府性基金 = 表九 per 类; income = 表一."""
    t5, t9 = by_category(t[5], "total"), by_category(t[9], "total")
    for row in t[4].rows:
        code = text_of(row, "cat_code")
        if not code:
            continue
        label = str(row.cells["out_label"]).split("）", 1)[-1]
        out.equal(
            "T4-T5",
            (4, 5),
            (f"表四“{label}”一般公共预算", amount_of(row, "gp")),
            (f"表五{label}合计", t5.get(code, ZERO)),
        )
        out.equal(
            "T4-T9",
            (4, 9),
            (f"表四“{label}”政府性基金", amount_of(row, "gf")),
            (f"表九{label}合计", t9.get(code, ZERO)),
        )
    t4_income = {
        text_of(row, "in_key"): amount_of(row, "in_amount")
        for row in t[4].rows
        if row.cells.get("in_key")
    }
    t1 = _t1_income(t[1])
    pairs = [
        ("gp", "（一）一般公共预算拨款", "一、一般公共预算"),
        ("gp_appropriation", "其中：财政拨款", "其中：财政拨款"),
        ("gf", "（二）政府性基金预算拨款", "二、政府性基金预算拨款收入"),
        ("sc", "（三）国有资本经营预算拨款", "三、国有资本经营预算拨款收入"),
    ]
    for key, t4_label, t1_label in pairs:
        out.equal(
            "T4-T1",
            (4, 1),
            (f"表四“{t4_label}”", t4_income.get(key, ZERO)),
            (f"表一“{t1_label}”", t1.get(t1_label, ZERO)),
        )


def check_basic(t: dict[int, ReportTable], out: Collector) -> None:
    """表五 基本支出 = 表六 合计; 人员/公用 differ only by lines counted against their 类."""
    t5, t6 = first_row(t[5], RowKind.TOTAL), first_row(t[6], RowKind.TOTAL)
    out.equal(
        "T5-T6",
        (5, 6),
        ("表五基本支出", amount_of(t5, "basic")),
        ("表六合计", amount_of(t6, "total")),
    )
    by_class = amount_of(t5, "wages") + amount_of(t5, "households")
    if by_class != amount_of(t6, "personnel"):
        out.warning(
            "T5-T6-personnel",
            (5, 6),
            f"表五人员经费（工资福利支出与对个人和家庭的补助）{money(by_class)} 与表六人员经费 "
            f"{money(amount_of(t6, 'personnel'))} 不同：部分商品和服务支出（如福利费、其他交通费用）按规定计入人员经费。",
        )


def check_economic(t: dict[int, ReportTable], out: Collector) -> None:
    """表七 总计 = 表三 合计; 一般公共预算 = 表五 合计; 政府性基金 = 表九 合计; 表八 = 表七 三公款."""
    t7 = first_row(t[7], RowKind.TOTAL)
    out.equal(
        "T7-T3",
        (7, 3),
        ("表七总计", amount_of(t7, "total")),
        ("表三合计", amount_of(first_row(t[3], RowKind.TOTAL), "total")),
    )
    out.equal(
        "T7-T5",
        (7, 5),
        ("表七一般公共预算", amount_of(t7, "gp")),
        ("表五合计", amount_of(first_row(t[5], RowKind.TOTAL), "total")),
    )
    out.equal(
        "T7-T9",
        (7, 9),
        ("表七政府性基金预算", amount_of(t7, "gf")),
        ("表九合计", amount_of(first_row(t[9], RowKind.TOTAL), "total")),
    )
    appropriation: dict[str, Decimal] = defaultdict(lambda: ZERO)
    for row in rows_of(t[7], RowKind.ITEM):
        code = f"{row.cells['dept_cat']}{row.cells['dept_sec']}"
        appropriation[code] += amount_of(row, "gp") + amount_of(row, "gf") + amount_of(row, "sc")
    t8 = first_row(t[8], RowKind.TOTAL)
    for key, code, label in (
        ("outbound", OUTBOUND, "因公出国（境）费"),
        ("vehicle_purchase", VEHICLE_PURCHASE, "公务用车购置费"),
        ("vehicle_operation", VEHICLE_OPERATION, "公务用车运行费"),
        ("reception", RECEPTION, "公务接待费"),
    ):
        out.equal(
            "T8-T7",
            (8, 7),
            (f"表八{label}", amount_of(t8, key)),
            (f"表七 {code} 财政拨款", appropriation[code]),
        )


def check_projects(t: dict[int, ReportTable], out: Collector) -> None:
    """表十 合计 = 表三 项目支出; each project adds up; 表十二 = 表十; 表十一 预算情况 = 表一/表三."""
    t10_total, t3_total = first_row(t[10], RowKind.TOTAL), first_row(t[3], RowKind.TOTAL)
    out.equal(
        "T10-T3",
        (10, 3),
        ("表十合计", amount_of(t10_total, "total")),
        ("表三项目支出", amount_of(t3_total, "project")),
    )
    source_keys = ("gp", "gf", "sc", "carry_gp", "carry_gf", "carry_sc", "special", "unit_funds")
    t10_projects = {row.cells["code"]: row for row in rows_of(t[10], RowKind.ITEM)}
    for row in t10_projects.values():
        out.equal(
            "T10-row",
            (10,),
            (f"表十“{row.cells['name']}”合计", amount_of(row, "total")),
            ("各资金来源之和", sum((amount_of(row, k) for k in source_keys), ZERO)),
        )
    for row in rows_of(t[12], RowKind.ITEM):
        code = row.cells.get("code")
        if code in t10_projects:
            out.equal(
                "T12-T10",
                (12, 10),
                (f"表十二“{row.cells['name']}”资金总额", amount_of(row, "total")),
                ("表十该项目合计", amount_of(t10_projects[code], "total")),
            )
    overview = {
        row.cells["level2"]: amount_of(row, "value") for row in t[11].rows if row.spans.get("value")
    }
    t1_total = next(row for row in t[1].rows if row.cells.get("in_label") == "收入总计")
    out.equal(
        "T11-T1",
        (11, 1),
        ("表十一部门预算总额", overview.get("部门预算总额（万元）", ZERO)),
        ("表一支出总计", amount_of(t1_total, "out_amount")),
    )
    out.equal(
        "T11-T3",
        (11, 3),
        ("表十一基本支出", overview.get("2、资金结构：（1）基本支出", ZERO)),
        ("表三基本支出", amount_of(t3_total, "basic")),
    )
    out.equal(
        "T11-T3",
        (11, 3),
        ("表十一项目支出", overview.get("（2）项目支出", ZERO)),
        ("表三项目支出", amount_of(t3_total, "project")),
    )
