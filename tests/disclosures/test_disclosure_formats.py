"""Disclosure formats: the registry, the format per region/budget/publication, the key
figures everything shares, and snapshots published before formats existed."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache

from budgets.models import Budget, DisclosureFormat, Region
from disclosures.formats import FORMATS, format_for_region, format_get
from disclosures.formats.henan.legacy import key_figures_from_tables
from disclosures.keyfigures import key_figures
from disclosures.models import Publication
from disclosures.tables import budget_data, build_tables
from tests.support.factories import BudgetFactory, DepartmentFactory, RegionFactory

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).parent / "fixtures" / "snapshot_v1_000.json"
URL = "/disclosures/410702/2022/060/"


def test_every_format_choice_has_a_package_and_back():
    assert set(FORMATS) == set(DisclosureFormat.values)


def test_a_region_takes_the_format_of_its_province_by_default():
    assert RegionFactory(code="410702").disclosure_format == "henan"
    # No package for this province: the Henan format, which every bureau can publish in.
    assert RegionFactory(code="110101").disclosure_format == "henan"
    assert format_for_region("411200") == "henan"


def test_a_budget_takes_its_region_format_when_created():
    region = RegionFactory(code="410711", disclosure_format="henan")
    budget = BudgetFactory(department=DepartmentFactory(region=region))
    assert budget.disclosure_format == "henan"
    # Changing the region's choice later leaves the existing budget as it was created.
    Region.objects.filter(pk=region.pk).update(disclosure_format="")
    budget.refresh_from_db()
    assert budget.disclosure_format == "henan"


def test_an_unknown_format_is_refused_in_chinese():
    with pytest.raises(LookupError, match="未知的公开格式"):
        format_get("guangdong")


def test_henan_tables_are_numbered_by_position_and_labelled(demo_budgets):
    tables = build_tables(budget_data(budget_id=demo_budgets["000"].pk), "henan")
    assert [t.number for t in tables] == list(range(1, 13))
    assert [t.label for t in tables][:3] == ["预算01表", "预算02表", "预算03表"]
    assert tables[2].slug == "expenditure"


@pytest.mark.parametrize(
    ("example", "income", "basic", "project", "categories", "three_public", "operating"),
    [
        # Example 000: 表一 收入总计 2,297.34; 表三 基本 175.53, 项目 2,121.81; 表一 by 类;
        # 表八 all empty; 机关运行经费 11.68 (第二部分 九).
        (
            "000",
            "2297.34",
            "175.53",
            "2121.81",
            {"201": "470.30", "205": "470.00", "210": "1357.04"},
            ("0.00", "0.00", "0.00", "0.00"),
            "11.68",
        ),
        # Example 001: 1,728.90 / 1,483.80 / 245.10; 表八 合计 2.00 = 运行维护 1.50 + 接待 0.50.
        # Its "机关行政运行费" 127.1 is the whole 302 商品和服务支出 of every unit (表六 302
        # adds up to 127.09), not the spec's 机关运行经费 (行政 units' 302 + 310 公用经费),
        # which the example does not print: not asserted here.
        (
            "001",
            "1728.90",
            "1483.80",
            "245.10",
            None,
            ("2.00", "0.00", "1.50", "0.50"),
            None,
        ),
    ],
)
def test_key_figures_are_the_examples_figures(
    demo_budgets, example, income, basic, project, categories, three_public, operating
):
    figures = key_figures(budget_data(budget_id=demo_budgets[example].pk))
    assert (figures.income_total, figures.expenditure_total) == (Decimal(income),) * 2
    assert (figures.basic, figures.project) == (Decimal(basic), Decimal(project))
    if categories:
        with_money = {c.code: str(c.amount) for c in figures.categories if c.amount}
        assert with_money == categories
    three = figures.three_public
    items = (three["total"], three["outbound"], three["vehicle_operation"], three["reception"])
    assert tuple(str(v) for v in items) == three_public
    if operating:
        assert str(figures.operating_costs) == operating


@pytest.mark.parametrize("example", ["000", "001"])
def test_key_figures_agree_with_what_the_henan_tables_print(demo_budgets, example):
    """Two independent computations: straight from the lines, and read off the tables."""
    data = budget_data(budget_id=demo_budgets[example].pk)
    direct = key_figures(data)
    read = key_figures_from_tables(build_tables(data, "henan"))
    for name in (
        "income_total",
        "expenditure_total",
        "carried_over",
        "basic",
        "project",
        "appropriation",
        "general_public",
        "general_public_basic",
        "gov_fund",
        "three_public",
        "projects_with_goals",
        "units",
        "projects",
    ):
        assert getattr(read, name) == getattr(direct, name), name
    assert [s.amount for s in read.sources] == [s.amount for s in direct.sources]
    assert [(c.code, c.amount, c.general_public) for c in read.categories] == [
        (c.code, c.amount, c.general_public) for c in direct.categories
    ]


def test_a_publication_records_its_format_and_schema(demo_budgets):
    publication = Publication.objects.get(budget=demo_budgets["000"], is_current=True)
    assert publication.disclosure_format == "henan"
    assert publication.content["schema"] == 2
    assert publication.content["format"] == "henan"
    assert publication.content["key_figures"]["income_total"] == "2297.34"


def _published_parts(html: str) -> dict[str, list[str]]:
    """What a page shows of its snapshot: each table's HTML, the text of each part, and
    each chart's figures (its data table). Page furniture (links, icons, chart drawing)
    may change with the site; these may not change for a frozen publication."""
    soup = BeautifulSoup(html, "html.parser")
    return {
        "tables": [str(section) for section in soup.select("section.report-table")],
        "parts": [
            " ".join(part.get_text(" ", strip=True).split())
            for part in soup.select("#part-overview, #part-explanation, #part-glossary")
        ],
        "charts": [
            " ".join(data.get_text(" ", strip=True).split())
            for data in soup.select("details.chart-data table")
        ],
        "title": [soup.h1.get_text(" ", strip=True)] if soup.h1 else [],
    }


def test_a_snapshot_written_before_formats_shows_exactly_what_it_did(client, demo_budgets):
    """The fixture was written by the code of commit 14095d3 (before formats): demo 000's
    schema-1 snapshot and its disclosure, tables and table-3 pages as that code rendered
    them. Today's code must show the same tables (byte for byte), texts and chart figures."""
    fixture = json.loads(FIXTURE.read_text(encoding="utf-8"))
    assert "key_figures" not in fixture["content"]  # schema 1
    publication = Publication.objects.get(budget=demo_budgets["000"], is_current=True)
    fixed = datetime.datetime(2022, 5, 20, 10, 0, tzinfo=datetime.UTC)
    Publication.objects.filter(pk=publication.pk).update(
        content=fixture["content"], published_at=fixed
    )
    cache.clear()
    for name, url in (
        ("disclosure", URL),
        ("tables", f"{URL}tables/"),
        ("table-3", f"{URL}tables/3/"),
    ):
        response = client.get(url)
        assert response.status_code == 200
        now, then = (
            _published_parts(response.content.decode()),
            _published_parts(fixture["pages"][name]),
        )
        assert now["tables"], name
        for part in ("tables", "parts", "charts", "title"):
            assert now[part] == then[part], (name, part)


def test_a_table_position_beyond_the_format_is_404(client, demo_budgets):
    assert client.get(f"{URL}tables/12/").status_code == 200
    for suffix in ("tables/13/", "tables/13.xlsx", "tables/13.csv", "tables/0/"):
        assert client.get(f"{URL}{suffix}").status_code == 404, suffix


def test_budget_keeps_format_through_the_demo_loader(demo_budgets):
    assert Budget.objects.filter(disclosure_format="henan").count() == 2


HUBEI_URL = "/disclosures/420323/2022/058/"


def test_a_hubei_region_takes_the_hubei_format():
    assert RegionFactory(code="420323").disclosure_format == "hubei"
    assert format_for_region("420100") == "hubei"


def test_the_hubei_demo_is_published_in_its_format_with_its_style(demo_budgets):
    from disclosures.document import disclosure_from_dict

    publication = Publication.objects.get(budget=demo_budgets["002"], is_current=True)
    assert publication.disclosure_format == "hubei"
    content = publication.content
    # （一）–（八）, then the forms as small tables: 9 per project (3) for （九), and （十）'s
    # header, funds, duties, projects, overall goal and one table per goal (3 long, 3 annual).
    assert content["format"] == "hubei" and len(content["tables"]) == 8 + 3 * 9 + 5 + 6
    assert content["tables"][4]["style"] == {
        "blank_zero": False,
        "thousands": False,
        "header_line": "none",
        "column_numbers": True,
    }
    tables = disclosure_from_dict(content).tables
    assert [t.label for t in tables[:8]] == [f"（{n}）" for n in "一二三四五六七八"]
    assert [t.label for t in tables[8:11]] == ["（九）1-1", "（九）1-2", "（九）1-3"]
    assert tables[35].label == "（十）1" and tables[-1].label == "（十）11"
    groups = [(t.group, t.group_first) for t in tables if t.group_first]
    assert groups == [
        ("项目绩效目标公开表（九）", True),
        ("部门整体支出绩效目标公开表（十）", True),
    ]
    assert {t.group for t in tables[8:35]} == {"项目绩效目标公开表（九）"}
    assert not any(t.group for t in tables[:8])
    assert (tables[0].blank_zero, tables[0].thousands, tables[0].header_line) == (
        False,
        False,
        "unit",
    )
    # Henan snapshots carry no style: they read back with Henan's (as before formats).
    henan = Publication.objects.get(budget=demo_budgets["000"], is_current=True).content
    assert not any("style" in table for table in henan["tables"])


def test_a_hubei_page_addresses_the_forms_parts_by_position_and_no_more(client, demo_budgets):
    assert client.get(f"{HUBEI_URL}tables/8/").status_code == 200
    ninth = client.get(f"{HUBEI_URL}tables/9/").content.decode()  # （九） project 1's header
    assert "城乡居民医疗保险补助资金2022年度和中期规划绩效目标表" in ninth
    assert client.get(f"{HUBEI_URL}tables/46/").status_code == 200
    assert client.get(f"{HUBEI_URL}tables/47/").status_code == 404


def test_staff_preview_of_a_henan_budget_in_the_hubei_format(admin_client, demo_budgets):
    html = admin_client.get(f"{URL}preview/", {"format": "hubei"}).content.decode()
    assert "部门收支总体情况表（一）" in html and "第一部分" not in html
    assert 'data-table="8"' in html and "项目绩效目标公开表（九）" in html
    assert "2297.34" in html and "2,297.34" not in html  # Hubei: no thousands separator


def test_the_hubei_workbook_prints_its_header_lines_and_no_thousands_separator(
    client, demo_budgets
):
    from io import BytesIO

    from openpyxl import load_workbook

    response = client.get(f"{HUBEI_URL}tables/1.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    assert sheet["A1"].value == "部门收支总体情况表（一）"
    assert sheet["A2"].value is None and sheet["D2"].value == "单位：万元"  # no 部门名称
    amounts = [c for row in sheet.iter_rows() for c in row if c.data_type == "n" and c.value]
    assert amounts and {c.number_format for c in amounts} == {"0.00"}
    fifth = load_workbook(BytesIO(client.get(f"{HUBEI_URL}tables/5.xlsx").content)).active
    assert [c.value for c in fifth[2]] == [None] * fifth.max_column  # （五）: no unit line
