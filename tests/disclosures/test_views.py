"""The table pages: staff only (until publishing exists), grouped headers with scope."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from bench.synthetic import synthetic_budget
from tests.html import column, parse_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    return synthetic_budget(scale=1)


def url_of(budget, number=None):
    args = [budget.department.region.code, budget.year, budget.department.code]
    if number is None:
        return reverse("disclosures:tables", args=args)
    return reverse("disclosures:table", args=[*args, number])


def test_anonymous_is_sent_to_login(client, budget):
    response = client.get(url_of(budget))
    assert response.status_code == 302
    assert "/admin/login/" in response.url


def test_all_twelve_tables_on_one_page(admin_client, budget):
    soup = BeautifulSoup(admin_client.get(url_of(budget)).content, "html.parser")
    tables = soup.select("table.disclosure")
    assert [t["data-table"] for t in tables] == [str(n) for n in range(1, 13)]
    for th in soup.select("table.disclosure th"):
        assert th.get("scope") in {"col", "colgroup"}


@pytest.mark.parametrize("number", range(1, 13))
def test_each_table_has_its_own_page(admin_client, budget, number):
    response = admin_client.get(url_of(budget, number))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"table[data-table='{number}']") is not None
    assert "单位：万元" in soup.select_one(".table-subtitle").get_text()


def test_unknown_table_is_404(admin_client, budget):
    assert admin_client.get(url_of(budget, 13)).status_code == 404


def test_grouped_headers_of_table_3(admin_client, budget):
    paths, rows, _ = parse_table(admin_client.get(url_of(budget, 3)).content.decode(), 3)
    assert column(paths, "基本支出", "人员经费", "工资福利支出")
    assert column(paths, "基本支出", "公用经费", "资本性支出")
    assert column(paths, "项目支出", "特定目标类")
    # 合计 = 基本支出 + 项目支出 in the rendered total row (hand arithmetic on the page).
    total_row = rows[0]

    def figure(*path):
        text = total_row[column(paths, *path)].replace(",", "")
        return float(text or 0)

    assert figure("合计") == pytest.approx(figure("基本支出", "小计") + figure("项目支出", "小计"))
