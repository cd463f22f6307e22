"""Golden test: every figure example 003 prints in its nine tables is in the same row and
column of the rendered public page (every cell of every row, columns by header path), in
Hebei's style: titles without year or number, the three-cell header line, the 序号 column
and the 栏次 row, empty zeros, the notes of the empty tables. Expectations: ``golden_003.py``.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.disclosures import golden_003 as g
from tests.html import column_numbers, parse_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(client, demo_budgets):
    url = reverse("disclosures:disclosure", args=["130609", 2024, "450"])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def sections(page):
    return BeautifulSoup(page, "html.parser").select("#part-tables section.report-table")


def test_titles_header_lines_and_column_numbers(page):
    found = sections(page)
    assert [s.select_one("h2.table-title").get_text() for s in found] == g.TITLES
    for number, section in enumerate(found, start=1):
        line = section.select_one("p.table-subtitle")
        assert [span.get_text() for span in line.select("span")] == g.HEADER_LINE, number
        assert column_numbers(page, number) == g.LANCI[number], number
        notes = [p.get_text() for p in section.select("p.table-note")]
        assert notes == g.NOTES.get(number, []), number


def test_headline_figures(page):
    soup = BeautifulSoup(page, "html.parser")
    assert [dd.get_text() for dd in soup.select("dl.key-figures dd")] == g.HEADLINE


@pytest.mark.parametrize(
    ("number", "columns", "rows"),
    [
        (1, g.T1_COLUMNS, g.T1),
        (2, g.T2_COLUMNS, g.T2),
        (3, g.T3_COLUMNS, g.T3),
        (4, g.T4_COLUMNS, g.T4),
        (5, g.T5_COLUMNS, g.T5),
        (6, g.T6_COLUMNS, g.T6),
        (7, g.T5_COLUMNS, g.T7_ROWS),
        (8, g.T5_COLUMNS, g.T7_ROWS),
        (9, g.T9_COLUMNS, g.T9),
    ],
)
def test_table(page, number, columns, rows):
    paths, body, _ = parse_table(page, number)
    assert paths == columns
    assert [tuple(row) for row in body] == rows


def test_tables_then_the_explanation(page):
    """003's order: the nine tables, then 第一部分 情况说明; no cover, no 第二/三部分."""
    soup = BeautifulSoup(page, "html.parser")
    explanation = soup.select_one("section#part-explanation")
    assert (
        explanation.h2.get_text()
        == "第一部分  保定市徐水区医疗保障局2024年部门预算信息公开情况说明"
    )
    tables = soup.select_one("section#part-tables")
    assert tables.sourceline < explanation.sourceline
    text = soup.get_text()
    assert "第二部分" not in text and "第三部分" not in text


def test_downloads_are_named_by_table_title(client, demo_budgets):
    url = reverse("disclosures:table_csv", args=["130609", 2024, "450", 6])
    response = client.get(url)
    assert response.status_code == 200
    assert "2024%E5%B9%B4" in response["Content-Disposition"]  # …2024年部门预算一般公共…
    body = response.content.decode("utf-8-sig").splitlines()
    assert body[0].split(",")[0] == "序号"
    assert body[1].split(",")[:4] == ["1", "", "合计", "417.44"]


def test_api_carries_the_hebei_tables(client, demo_budgets):
    response = client.get(reverse("api:disclosure", args=["130609", 2024, "450"]))
    assert response.status_code == 200
    data = response.json()
    # the nine tables, then the forms of the 情况说明 (test_golden_003_forms.py)
    assert [t["title"] for t in data["tables"][:9]] == g.TITLES
    assert {t.get("section") for t in data["tables"][9:]} == {"一", "七", "八", "九"}
    style = data["tables"][0]["style"]
    assert style["header_cells"] == g.HEADER_LINE and style["row_numbers"] is True
    basic = data["tables"][5]["rows"][0]["cells"]
    assert (basic["seq"], basic["total"], basic["personnel"]) == ("1", "417.44", "390.71")
