"""Golden test: every figure example 002 prints in tables （一）–（八） is in the same row and
column of the rendered public page (row by code or label, column by header path; forms
（九）（十）: ``test_golden_002_forms.py``), in Hubei's style: titles with their number, 0.00 zeros, no thousands separator, the unit line and the
column-number row where 002 prints them. Expectations: ``golden_002.py``.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.support import golden_002 as g
from tests.support.html import column, column_numbers, parse_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, demo_budgets):
    url = reverse("disclosures:disclosure", args=["420323", 2022, "058"])
    return client.get(url).content.decode()


def side_by_side(page, number):
    """(side, label) → figure of a 收支总表; the side is 收入 or 支出 (printed spaced)."""
    paths, rows, _ = parse_table(page, number)
    found = {}
    for side, header in zip(("收入", "支出"), g.SIDES, strict=True):
        label, figure = column(paths, header, "项目"), column(paths, header, "预算数")
        for row in rows:
            if row[label]:
                found[(side, row[label])] = row[figure]
    return found


def by_code(page, number, code_header, name_header, figure_columns):
    paths, rows, _ = parse_table(page, number)
    code, name = column(paths, *code_header), column(paths, *name_header)
    figures = [column(paths, *path) for path in figure_columns]
    return [(r[code], r[name], tuple(r[i] for i in figures)) for r in rows]


def test_titles_unit_lines_and_column_numbers(page):
    soup = BeautifulSoup(page, "html.parser")
    sections = soup.select("section.report-table:not(.form-part)")  # forms: golden_002_forms
    assert [s.select_one("h2.table-title").get_text() for s in sections] == list(g.TITLES.values())
    for number, section in enumerate(sections, start=1):
        subtitle = section.select_one("p.table-subtitle")
        if g.UNIT_LINE[number]:
            assert subtitle.get_text() == "单位：万元", number  # no 部门名称 in Hubei
        else:
            assert subtitle is None, number
        assert column_numbers(page, number) == g.COLUMN_NUMBERS.get(number, []), number


def test_tables_only_document(page):
    """002 publishes the tables only: no 第一部分/第二部分/第三部分, no 附件 heading."""
    text = BeautifulSoup(page, "html.parser").get_text()
    for heading in ("第一部分", "第二部分", "第三部分", "附件 预算表"):
        assert heading not in text


def test_table_1(page):
    assert side_by_side(page, 1) == {(side, label): figure for side, label, figure in g.T1}


def test_table_2(page):
    paths, rows, _ = parse_table(page, 2)
    code, name = column(paths, "单位编码"), column(paths, "单位名称")
    found = {(r[code], r[name]): tuple(r[column(paths, *p)] for p in g.T2_COLUMNS) for r in rows}
    assert found == g.T2


@pytest.mark.parametrize(("number", "expected"), [(3, g.T3), (5, g.T5)])
def test_tables_3_and_5(page, number, expected):
    code, name = ("功能分类科目", "科目编码"), ("功能分类科目", "科目名称")
    assert by_code(page, number, code, name, g.T3_COLUMNS) == expected


def test_table_4(page):
    assert side_by_side(page, 4) == {(side, label): figure for side, label, figure in g.T4}


def test_table_6(page):
    rows = by_code(page, 6, ("科目编码",), ("科目名称",), g.T6_COLUMNS)
    assert rows[0] == ("", "合计", g.T6_TOTAL)
    assert rows[1:] == g.T6


def test_table_7(page):
    paths, rows, _ = parse_table(page, 7)
    label, figure = column(paths, "项目"), column(paths, "预算数")
    assert [(r[label], r[figure]) for r in rows] == g.T7


def test_table_8_empty(page):
    paths, rows, _ = parse_table(page, 8)
    assert paths == parse_table(page, 3)[0]  # the header of （三）
    assert len(rows) == g.T8_EMPTY_ROWS and all(set(r) == {""} for r in rows)
    soup = BeautifulSoup(page, "html.parser")
    section = soup.select("section.report-table")[7]
    assert not section.select("p.table-note")
