"""The region page: every department of a region and year side by side (issue 16).

Figures are the demos' (新乡市红旗区医疗保障局 2022: 2,297.34 / 175.53 / 2,121.81) and the
synthetic region's (``bench/portal_data.py``: department n's amounts are a demo's times
``n % 5 + 1 + year index``; see tests/bench/test_portal_data.py for the figures).
"""

import csv
import io
import json
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from bench.portal_data import REGION_CODE, synthetic_region
from budgets.models import BudgetStatus
from disclosures.models import Publication
from disclosures.region import region_comparison

URL = f"/disclosures/{REGION_CODE}/"


@pytest.fixture
def region(demo_budgets):
    """合成市: departments 0001–0003 published in 2022 and 2023."""
    synthetic_region(departments=3, years=(2022, 2023), verbose=False)
    return REGION_CODE


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def _texts(html, selector):
    return [" ".join(e.get_text(" ").split()) for e in parse(html).select(selector)]


def test_demo_region_shows_the_demo_figures(demo_budgets, client):
    response = client.get("/disclosures/410702/")
    assert response.status_code == 200
    html = response.content.decode()
    row = _texts(html, "table.comparison tbody tr")[0]
    assert row.startswith("新乡市红旗区医疗保障局 2,297.34 175.53 2,121.81")
    assert "新乡市红旗区2022年各部门预算对比" in html


def test_figures_are_the_publications_key_figures(demo_budgets):
    """The new columns agree with each demo's frozen key figures."""
    for publication in Publication.objects.filter(is_current=True):
        figures = publication.disclosure().key_figures
        three = figures.three_public
        assert publication.outbound_total == three["outbound"]
        assert publication.vehicle_purchase_total == three["vehicle_purchase"]
        assert publication.vehicle_operation_total == three["vehicle_operation"]
        assert publication.reception_total == three["reception"]
        assert publication.operating_costs == figures.operating_costs
    # 三门峡市医疗保障局 2023 (example 001's 表八): 2.00 = 运行 1.50 + 接待 0.50.
    p = Publication.objects.get(department_code="707")
    assert (p.three_public_total, p.vehicle_operation_total, p.reception_total) == (
        Decimal("2.00"),
        Decimal("1.50"),
        Decimal("0.50"),
    )
    assert (p.outbound_total, p.vehicle_purchase_total) == (0, 0)


def test_totals_shares_and_changes_by_hand(region):
    comparison = region_comparison(region=region, year=2023)
    totals = comparison.totals
    # 6,892.02 + 6,915.60 + 11,486.70
    assert totals["income"] == Decimal("25294.32")
    # 526.59 + 5,935.20 + 877.65
    assert totals["basic"] == Decimal("7339.44")
    assert totals["three_public"] == Decimal("8.00")  # only 0002 (707 × 4)
    # changes: 2,297.34 + 1,728.90 + 2,297.34 against 18,970.74 last year
    assert totals["change"] == Decimal("6323.58")
    assert totals["change_percent"] == Decimal("33.33")
    rows = {r.department_code: r.values for r in comparison.rows}
    assert rows["0001"]["change"] == Decimal("2297.34")
    assert rows["0001"]["change_percent"] == Decimal("50.00")  # × 3 against × 2
    assert rows["0003"]["change_percent"] == Decimal("25.00")  # × 5 against × 4
    assert rows["0003"]["share"] == Decimal("45.41")  # 11,486.70 / 25,294.32
    assert rows["0002"]["three_public_share"] == Decimal("100.00")
    # The first year has no last year: no change, not a zero one.
    first = region_comparison(region=region, year=2022)
    assert all(r.values["change"] is None for r in first.rows)
    assert first.totals["change"] is None


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["0003", "0002", "0001"]),  # 收入总计, largest first
        ({"sort": "income", "order": "asc"}, ["0001", "0002", "0003"]),
        ({"sort": "basic"}, ["0002", "0003", "0001"]),
        ({"sort": "three_public"}, ["0002", "0001", "0003"]),  # ties by code
        ({"sort": "change_percent"}, ["0001", "0002", "0003"]),
        ({"sort": "name", "order": "asc"}, ["0001", "0002", "0003"]),
        ({"sort": "nonsense", "order": "sideways"}, ["0003", "0002", "0001"]),
    ],
)
def test_sorting_by_links(region, client, params, expected):
    response = client.get(URL, {"year": "2023", **params})
    assert response.status_code == 200
    names = _texts(response.content.decode(), "table.comparison tbody th")
    assert [name[4:8] for name in names] == expected  # 合成市第0003号…


def test_every_column_heading_is_a_sort_link_reversed_on_second_click(region, client):
    html = client.get(URL, {"year": "2023"}).content.decode()
    links = [a.get("href") for a in parse(html).select("table.comparison thead th a")]
    assert len(links) == 14
    assert f"{URL}?year=2023&sort=income&order=asc" in links  # current column: reverse
    assert f"{URL}?year=2023&sort=basic&order=desc" in links
    current = parse(html).select("th[aria-sort]")
    assert [th.get("aria-sort") for th in current] == ["descending"]


def test_totals_row_and_year_selector(region, client):
    html = client.get(URL, {"year": "2022"}).content.decode()
    total = _texts(html, "table.comparison tfoot tr")[0]
    # 4,594.68 + 5,186.70 + 9,189.36
    assert total.startswith("合计 18,970.74")
    assert _texts(html, "#year option") == ["2023年", "2022年"]
    assert parse(html).select("#year option[selected]")[0].get("value") == "2022"
    # No year: the latest; an unknown year: the latest too (never an error).
    for year in ("", "1999", "abc", "2023" * 100):
        html = client.get(URL, {"year": year}).content.decode()
        assert "合成市2023年各部门预算对比" in html


def test_drafts_and_old_versions_never_counted(demo_budgets, client):
    """A draft budget has no publication; a reopened one shows its current version only."""
    from tests.support.factories import BudgetFactory, DepartmentFactory

    region = demo_budgets["000"].department.region
    BudgetFactory(
        department=DepartmentFactory(region=region, code="999", name="草稿局"),
        fiscal_year=demo_budgets["000"].fiscal_year,
        status=BudgetStatus.DRAFT,
    )
    html = client.get("/disclosures/410702/").content.decode()
    assert "草稿局" not in html
    assert len(_texts(html, "table.comparison tbody tr")) == 1


def test_unknown_region_is_404(db, client):
    assert client.get("/disclosures/000000/").status_code == 404
    assert client.get("/disclosures/%3Cscript%3E%20x/", {"sort": "x" * 999}).status_code == 404
    assert client.get("/disclosures/000000/2023.csv").status_code == 404
    assert client.get("/api/regions/000000/2023/").status_code == 404


def test_csv_xlsx_and_api(region, client):
    response = client.get(f"/disclosures/{REGION_CODE}/2023.csv")
    assert response.status_code == 200
    from urllib.parse import quote

    assert (
        f"filename*=UTF-8''{quote('合成市2023年各部门预算对比.csv')}"
        in (response["Content-Disposition"])
    )
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:3] == ["部门代码", "部门", "收入总计"]
    assert lines[-1][1:3] == ["合计", "25294.32"]
    assert len(lines) == 5
    response = client.get(f"/disclosures/{REGION_CODE}/2023.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [row for row in sheet.iter_rows(values_only=True)]
    assert values[-1][1] == "合计" and values[-1][2] == pytest.approx(25294.32)
    assert client.get(f"/disclosures/{REGION_CODE}/2021.xlsx").status_code == 404
    data = json.loads(client.get(f"/api/regions/{REGION_CODE}/2023/").content)
    assert [d["department_code"] for d in data["departments"]] == ["0001", "0002", "0003"]
    assert data["totals"]["income"] == "25294.32"
    assert data["departments"][0]["url"] == f"/api/disclosures/{REGION_CODE}/2023/0001/"
    assert [h["year"] for h in data["three_public_history"]] == [2022, 2023]
    spec = json.loads(client.get("/api/openapi.json").content)
    assert "/api/regions/{region}/{year}/" in spec["paths"]


def test_linked_from_home_and_disclosure_pages(demo_budgets, client):
    home = client.get("/").content.decode()
    assert 'href="/disclosures/410702/"' in home
    page = client.get("/disclosures/410702/2022/060/").content.decode()
    assert 'href="/disclosures/410702/?year=2022"' in page


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(URL, {"year": "2024", "sort": "change"})
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_constant_queries_at_1_and_1000_departments(demo_budgets, client):
    synthetic_region(departments=1, years=(2023, 2024), verbose=False)
    one = _queries(client)
    synthetic_region(departments=1000, years=(2023, 2024), verbose=False)
    thousand = _queries(client)
    assert one == thousand <= 7
    html = client.get(URL, {"year": "2024"}).content.decode()
    assert len(_texts(html, "table.comparison tbody tr")) == 1000


def test_department_page_shows_median_and_rank(region, client):
    """0002 in 2023 beside 0001 and 0003: 收入总计 6,915.60 is 2nd of 3, median 6,915.60;
    基本支出 5,935.20 is 1st, median 877.65 (526.59 < 877.65 < 5,935.20)."""
    html = client.get(f"/disclosures/{REGION_CODE}/0002/").content.decode()
    rows = {r.split()[0]: r for r in _texts(html, "section.standing tbody tr")}
    assert rows["收入总计"] == "收入总计 6,915.60 6,915.60 第 2 名 / 共 3 个部门"
    assert rows["基本支出"] == "基本支出 5,935.20 877.65 第 1 名 / 共 3 个部门"
    assert rows["“三公”经费"] == "“三公”经费 8.00 0.00 第 1 名 / 共 3 个部门"
    assert "合成市2023年各部门对比" in html or "查看合成市2023年各部门对比" in html


def test_department_standing_read_once_per_region_until_the_next_publication(region, client):
    """The region's standing table is cached (one read for all its departments' pages) and
    moves with the next publication: 0004 published makes 0002 one of 4."""

    def standing(code):
        with CaptureQueriesContext(connection) as captured:
            html = client.get(f"/disclosures/{REGION_CODE}/{code}/").content.decode()
        rows = {r.split()[0]: r for r in _texts(html, "section.standing tbody tr")}
        return rows["收入总计"], len(captured.captured_queries)

    first, first_queries = standing("0002")
    again, again_queries = standing("0001")
    assert first == "收入总计 6,915.60 6,915.60 第 2 名 / 共 3 个部门"
    # 0001 copies 2,297.34 × 3 = 6,892.02 < 6,915.60 (0002) < 11,486.70 (0003, × 5)
    assert again == "收入总计 6,892.02 6,915.60 第 3 名 / 共 3 个部门"
    assert again_queries == first_queries - 2  # the region's two queries, once
    synthetic_region(departments=4, years=(2022, 2023), verbose=False)
    assert standing("0002")[0].endswith("共 4 个部门")


def test_table_11_header_has_no_empty_heading(demo_budgets, client):
    html = client.get("/disclosures/410702/2022/060/tables/11/").content.decode()
    headings = _texts(html, "table.t11 thead th")
    assert headings == ["项目", "内容", "具体内容", "指标值（金额）", "说明"]


def test_rows_link_each_disclosure_and_escape_names(region, client):
    """The rows are made in Python (``templatetags/comparison.py``), escaped as a template's."""
    Publication.objects.filter(region_code=REGION_CODE, department_code="0002").update(
        department_name='<b>"局"&</b>'
    )
    html = client.get(URL, {"year": "2023", "sort": "code", "order": "asc"}).content.decode()
    assert (
        '<a href="/disclosures/419800/2023/0002/">&lt;b&gt;&quot;局&quot;&amp;&lt;/b&gt;</a>'
        in html
    )
    rows = parse(html).select("table.comparison tbody tr")
    assert [r.select_one("a")["href"] for r in rows] == [
        f"{URL}2023/{code}/" for code in ("0001", "0002", "0003")
    ]
    assert all(len(r.select("td.amount")) == 13 for r in rows)
    assert "<b>" not in html
