"""The public pages: published snapshots only, grouped headers with scope; staff preview."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from bench.synthetic import synthetic_budget
from budgets.models import ExpenditureLine
from disclosures.services.publishing import publication_create
from tests.support.html import column, parse_table

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    return synthetic_budget(scale=1)


@pytest.fixture
def budget(draft):
    publication_create(budget=draft)
    return draft


def url_of(budget, number=None):
    args = [budget.department.region.code, budget.year, budget.department.code]
    if number is None:
        return reverse("disclosures:tables", args=args)
    return reverse("disclosures:table", args=[*args, number])


def test_unpublished_budget_is_404_for_everyone_at_public_urls(client, admin_client, draft):
    for c in (client, admin_client):
        assert c.get(url_of(draft)).status_code == 404
        assert c.get(url_of(draft, 3)).status_code == 404
        args = [draft.department.region.code, draft.year, draft.department.code]
        assert c.get(reverse("disclosures:disclosure", args=args)).status_code == 404


def test_public_sees_the_frozen_snapshot_not_later_edits(client, budget):
    before = client.get(url_of(budget, 3)).content
    line = ExpenditureLine.objects.filter(budget=budget).first()
    line.amount += 1
    line.save()
    assert client.get(url_of(budget, 3)).content == before


def test_staff_preview_builds_the_draft_live(client, admin_client, draft):
    args = [draft.department.region.code, draft.year, draft.department.code]
    url = reverse("disclosures:preview", args=args)
    assert client.get(url).status_code == 302  # to the login page
    page = admin_client.get(url).content.decode()
    assert "尚未公开" in page and page.count('class="disclosure t') == 12
    assert 'id="chart-functional"' in page  # charts of the draft too


def test_all_twelve_tables_on_one_page(client, budget):
    soup = BeautifulSoup(client.get(url_of(budget)).content, "html.parser")
    tables = soup.select("table.disclosure")
    assert [t["data-table"] for t in tables] == [str(n) for n in range(1, 13)]
    for th in soup.select("table.disclosure th"):
        assert th.get("scope") in {"col", "colgroup"}


@pytest.mark.parametrize("number", range(1, 13))
def test_each_table_has_its_own_page(client, budget, number):
    response = client.get(url_of(budget, number))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(f"table[data-table='{number}']") is not None
    assert "单位：万元" in soup.select_one(".table-subtitle").get_text()


def test_unknown_table_is_404(client, budget):
    assert client.get(url_of(budget, 13)).status_code == 404


def test_grouped_headers_of_table_3(client, budget):
    paths, rows, _ = parse_table(client.get(url_of(budget, 3)).content.decode(), 3)
    assert column(paths, "基本支出", "人员经费", "工资福利支出")
    assert column(paths, "基本支出", "公用经费", "资本性支出")
    assert column(paths, "项目支出", "特定目标类")
    # 合计 = 基本支出 + 项目支出 in the rendered total row (hand arithmetic on the page).
    total_row = rows[0]

    def figure(*path):
        text = total_row[column(paths, *path)].replace(",", "")
        return float(text or 0)

    assert figure("合计") == pytest.approx(figure("基本支出", "小计") + figure("项目支出", "小计"))


def test_staff_preview_in_a_named_format(admin_client, draft):
    args = [draft.department.region.code, draft.year, draft.department.code]
    url = reverse("disclosures:preview", args=args)
    page = admin_client.get(f"{url}?format=henan").content.decode()
    assert page.count('class="disclosure t') == 12
    missing = admin_client.get(f"{url}?format=guangdong")
    assert missing.status_code == 404
