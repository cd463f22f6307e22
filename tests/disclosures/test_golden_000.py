"""Golden test: every figure printed in example 000's tables is in the same row and column
of the rendered HTML (parsed as a person reads it: row by its code/label, column by header path)."""

import pytest
from django.urls import reverse

from tests.support import golden as g
from tests.support.html import column, parse_table
from tests.support.rows import expenditure_row, row_where

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(admin_client, demo_budgets):
    url = reverse("disclosures:tables", args=["410702", 2022, "060"])
    return admin_client.get(url).content.decode()


def test_table_1(page):
    paths, rows, _ = parse_table(page, 1)
    for side, label, figure in g.T1_000:
        row = row_where(rows, paths, {(side, "项目"): label})
        assert row[column(paths, side, "金额")] == figure, (side, label)


@pytest.mark.parametrize("number", [3, 5])
def test_tables_3_and_5(page, number):
    paths, rows, _ = parse_table(page, number)
    for key, figures in g.T3_000.items():
        row = expenditure_row(rows, paths, key)
        assert tuple(row[column(paths, *p)] for p in g.T3_COLUMNS) == figures, key
    assert len([r for r in rows if r[column(paths, "项")]]) == 8  # exactly the example's 项 rows


def test_table_4(page):
    paths, rows, _ = parse_table(page, 4)
    label, amount = column(paths, "收入", "项目"), column(paths, "收入", "金额")
    income = [(r[label], r[amount]) for r in rows if r[label]]
    assert income[: len(g.T4_INCOME_000)] == g.T4_INCOME_000
    assert income[-1] == ("收入合计", g.T4_INCOME_TOTAL_000)
    for label, figures in g.T4_EXPENDITURE_000.items():
        row = row_where(rows, paths, {("支出", "项目"): label})
        assert tuple(row[column(paths, *p)] for p in g.T4_COLUMNS) == figures, label


def test_table_6(page):
    paths, rows, _ = parse_table(page, 6)
    columns = [("合计",), ("人员经费",), ("公用经费",)]
    for key, figures in g.T6_000.items():
        if key == "合计":
            criteria = {("部门预算支出经济分类科目", "科目名称"): "合计"}
        else:
            criteria = {
                ("部门预算支出经济分类科目", "科目编码"): key[0],
                ("政府预算支出经济分类科目", "科目编码"): key[1],
            }
        row = row_where(rows, paths, criteria)
        assert tuple(row[column(paths, *p)] for p in columns) == figures, key


def test_table_8_is_empty_with_note(page):
    paths, rows, _ = parse_table(page, 8)
    assert len(rows) == 1 and tuple(rows[0]) == g.T8_000
    assert "本单位没有“三公”经费支出，故此表无数据。" in page


def test_table_9_is_empty_with_note(page):
    paths, rows, _ = parse_table(page, 9)
    assert all(cell == "" for cell in rows[0][column(paths, "合计") :])
    assert "注：本单位无政府性基金预算支出，故此表无数据。" in page


def test_table_10(page):
    paths, rows, _ = parse_table(page, 10)
    for name, (kind, unit, figure, general) in g.T10_000.items():
        row = row_where(rows, paths, {("项目名称",): name})
        assert row[column(paths, "类型")] == kind
        assert row[column(paths, "项目单位")] == unit
        assert row[column(paths, "合计")] == figure
        assert row[column(paths, "本年拨款", "一般公共预算")] == general
    total = row_where(rows, paths, {("项目名称",): "合计"})
    assert total[column(paths, "合计")] == g.T10_TOTAL_000


def test_table_11(page):
    _, rows, _ = parse_table(page, 11)
    overview = {r[1]: r[3] for r in rows if r[1] in g.T11_000}
    assert overview == g.T11_000
    indicators = {r[2]: r[3] for r in rows if r[2] in g.T11_INDICATORS_000}
    assert indicators == g.T11_INDICATORS_000


def test_table_12(page):
    paths, rows, _ = parse_table(page, 12)
    for code, (total, government) in g.T12_000.items():
        row = row_where(rows, paths, {("单位编码（项目编码）",): code})
        assert row[column(paths, "资金总额")] == total, code
        assert row[column(paths, "政府预算资金")] == government, code
    for code, groups in g.T12_INDICATORS_000.items():
        row = row_where(rows, paths, {("单位编码（项目编码）",): code})
        for group, (name, value) in groups.items():
            assert row[column(paths, group, "三级指标")] == name
            assert row[column(paths, group, "指标值")] == value
