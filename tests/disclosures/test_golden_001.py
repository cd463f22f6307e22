"""Golden test: every figure printed in example 001's tables is in the same row and column of
the rendered HTML (parsed as a person reads it: row by its code/label, column by header path).

Expectations are in ``tests/support/golden_001.py`` (tables 1-9) and ``golden_001_goals.py`` (10-12).
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from tests.support import golden as g0
from tests.support import golden_001 as g
from tests.support import golden_001_goals as gg
from tests.support.html import column, parse_table
from tests.support.rows import expenditure_row, figures, row_where

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(admin_client, demo_budgets):
    url = reverse("disclosures:tables", args=["411200", 2023, "707"])
    return admin_client.get(url).content.decode()


def amount(text: str) -> Decimal:
    return Decimal(text.replace(",", "") or "0")


def test_table_1(page):
    paths, rows, _ = parse_table(page, 1)
    for side, label, figure in g.T1 + g.T1_DERIVED:
        row = row_where(rows, paths, {(side, "项目"): label})
        assert row[column(paths, side, "金额")] == figure, (side, label)


def test_table_2_not_printed_totals_derived(page):
    paths, rows, _ = parse_table(page, 2)
    for key, expected in g.T2.items():
        criteria = {("单位名称",): "合计"} if key == "合计" else {("单位代码",): key}
        row = row_where(rows, paths, criteria)
        assert figures(row, paths, g.T2_COLUMNS) == expected, key
        # no other source and no carry-over: every cell right of 其中：财政拨款 is empty
        assert set(row[column(paths, "本年收入", "政府性基金预算") :]) == {""}, key
    assert [r[column(paths, "单位代码")] for r in rows] == g.T2_CODES
    codes, together = g.T2_OTHER_UNITS
    units = [row_where(rows, paths, {("单位代码",): code}) for code in codes]
    assert sum(amount(r[column(paths, "总计")]) for r in units) == amount(together)


@pytest.mark.parametrize("number", [3, 5])
def test_tables_3_and_5(page, number):
    paths, rows, _ = parse_table(page, number)
    for key, (name, expected) in g.T3.items():
        row = expenditure_row(rows, paths, key)
        if name is not None:
            assert row[column(paths, "单位（科目名称）")] == name, key
        assert figures(row, paths, g0.T3_COLUMNS) == expected, key
    assert len([r for r in rows if r[column(paths, "项")]]) == g.T3_ITEM_ROWS


def test_table_4(page):
    paths, rows, _ = parse_table(page, 4)
    label, money = column(paths, "收入", "项目"), column(paths, "收入", "金额")
    income = [(r[label], r[money]) for r in rows if r[label]]
    assert income[: len(g.T4_INCOME)] == g.T4_INCOME
    assert income[-1] == ("收入合计", g.T4_INCOME_TOTAL)
    for text, expected in g.T4_SUMMARY.items():
        row = row_where(rows, paths, {("支出", "项目"): text})
        assert figures(row, paths, g0.T4_COLUMNS) == expected, text
    spending = column(paths, "支出", "项目")
    for number, expected in g.T4_CATEGORIES.items():
        matches = [r for r in rows if r[spending].startswith(f"（{number}）")]
        assert len(matches) == 1, number
        assert figures(matches[0], paths, g0.T4_COLUMNS) == expected, number


def test_table_6(page):
    paths, rows, _ = parse_table(page, 6)
    dept, gov = "部门预算支出经济分类科目", "政府预算支出经济分类科目"
    columns = [("合计",), ("人员经费",), ("公用经费",)]
    total = row_where(rows, paths, {(dept, "科目名称"): "合计"})
    assert figures(total, paths, columns) == g.T6_TOTAL
    for (dept_code, gov_code), (dept_name, gov_name, *expected) in g.T6.items():
        row = row_where(rows, paths, {(dept, "科目编码"): dept_code, (gov, "科目编码"): gov_code})
        assert (row[column(paths, dept, "科目名称")], row[column(paths, gov, "科目名称")]) == (
            dept_name,
            gov_name,
        )
        assert figures(row, paths, columns) == tuple(expected), (dept_code, gov_code)
    for code, (name, *expected) in g.T6_CATEGORIES.items():
        row = row_where(rows, paths, {(dept, "科目编码"): code})
        assert row[column(paths, dept, "科目名称")] == name
        assert figures(row, paths, columns) == tuple(expected), code
    assert len([r for r in rows if r[column(paths, gov, "科目编码")]]) == len(g.T6)


def test_table_7_not_printed_totals_derived(page):
    paths, rows, _ = parse_table(page, 7)
    name = column(paths, "部门预算支出经济分类科目", "科目名称")
    total = row_where(rows, paths, {("部门预算支出经济分类科目", "科目名称"): "合计"})
    department = [r for r in rows if r[name].startswith("707 ")]
    assert len(department) == 1
    for row in (total, department[0]):
        assert figures(row, paths, g.T7_COLUMNS) == g.T7_TOTAL
    items = [r for r in rows if r[column(paths, "部门预算支出经济分类科目", "类")]]
    first = column(paths, "总计")
    for index in range(first, len(paths)):  # the pair rows add up to the 合计 row
        assert sum(amount(r[index]) for r in items) == amount(total[index]), paths[index]
    general = column(paths, "一般公共预算", "小计")
    assert all(r[general] == r[first] for r in items)  # all money is 一般公共预算


def test_table_8(page):
    _, rows, _ = parse_table(page, 8)
    assert len(rows) == 1 and tuple(rows[0]) == g.T8
    assert g.T8_NOTE in page


def test_table_9_not_printed_is_empty_with_note(page):
    paths, rows, _ = parse_table(page, 9)
    assert rows and all(set(r[column(paths, "合计") :]) == {""} for r in rows)
    assert g.T9_NOTE in page


def test_table_10(page):
    paths, rows, _ = parse_table(page, 10)
    for name, (kind, unit, expected) in gg.T10.items():
        row = row_where(rows, paths, {("项目名称",): name})
        assert (row[column(paths, "类型")], row[column(paths, "项目单位")]) == (kind, unit), name
        assert figures(row, paths, gg.T10_COLUMNS) == expected, name
    for key, expected in gg.T10_TOTALS.items():
        criteria = {("项目名称",): "合计"} if key == "合计" else {("类型",): key}
        assert figures(row_where(rows, paths, criteria), paths, gg.T10_COLUMNS) == expected, key
    assert len([r for r in rows if r[column(paths, "项目单位")]]) == len(gg.T10)


def test_table_11(page):
    _, rows, _ = parse_table(page, 11)
    heading = {r[0]: r[1] for r in rows if r[0] in ("部门（单位）名称", "年度履职目标")}
    assert heading == {"部门（单位）名称": gg.T11_NAME, "年度履职目标": gg.T11_OBJECTIVE}
    assert {r[1]: r[2] for r in rows if r[1] in gg.T11_TASKS} == gg.T11_TASKS
    assert {r[1]: r[3] for r in rows if r[1] in gg.T11} == gg.T11
    start = next(i for i, r in enumerate(rows) if r[0] == "一级指标") + 1
    assert {r[2]: r[3] for r in rows[start:]} == gg.T11_INDICATORS
    assert len(rows[start:]) == len(gg.T11_INDICATORS)


def project_block(rows, paths, key):
    """The rows of one project in table 12: its first row (by code or name) and those below it
    up to the next row that prints a code."""
    code, name = column(paths, "单位编码（项目编码）"), column(paths, "项目单位（项目名称）")
    start = next(i for i, r in enumerate(rows) if key in (r[code], r[name]))
    end = next((i for i in range(start + 1, len(rows)) if rows[i][code]), len(rows))
    return rows[start:end]


def test_table_12(page):
    paths, rows, _ = parse_table(page, 12)
    money = [("资金总额",), ("政府预算资金",), ("单位资金",)]
    code_path, name_path = ("单位编码（项目编码）",), ("项目单位（项目名称）",)
    for code, expected in gg.T12_TOTALS.items():
        row = row_where(rows, paths, {code_path: code})
        assert figures(row, paths, money) == expected, code
        if code in gg.T12_UNITS:
            assert row[column(paths, *name_path)] == gg.T12_UNITS[code]
    for code, (name, *expected) in gg.T12.items():
        row = row_where(rows, paths, {code_path: code})
        assert row[column(paths, *name_path)] == name, code
        assert figures(row, paths, money) == tuple(expected), code
    for name, expected in gg.T12_UNCODED.items():
        assert figures(row_where(rows, paths, {name_path: name}), paths, money) == expected
    groups = ["成本指标", gg.OUTPUT, gg.BENEFIT, gg.SATISFACTION]
    for key, indicators in gg.T12_INDICATORS.items():
        block = project_block(rows, paths, key)
        for group, name, value in indicators:
            cells = [
                (r[column(paths, grp, "三级指标")], r[column(paths, grp, "指标值")])
                for r in block
                for grp in ([group] if group else groups)
            ]
            found = [
                c
                for c in cells
                if (name is None or c[0] == name) and (value is None or c[1] == value)
            ]
            assert found, (key, group, name, value)
