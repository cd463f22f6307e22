"""The public portal: home, search, department and disclosure pages from published snapshots."""

from bs4 import BeautifulSoup

from tests.support.revision import publish_correction


def text_of(response) -> str:
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_home_lists_published_disclosures_with_their_totals(client, demo_budgets):
    page = text_of(client.get("/"))
    # 000: 收入总计 2,297.34, 基本支出 175.53; 001: 1,728.90.
    assert "新乡市红旗区医疗保障局" in page and "2,297.34" in page and "175.53" in page
    assert "三门峡市医疗保障局" in page and "1,728.90" in page
    only_2023 = text_of(client.get("/", {"year": "2023"}))
    assert "三门峡市医疗保障局" in only_2023 and "新乡市红旗区医疗保障局" not in only_2023


def test_home_hides_drafts(client, demo_drafts):
    assert "没有符合条件的已公开部门预算" in text_of(client.get("/"))


def test_search_finds_departments_units_and_projects(client, demo_budgets):
    page = text_of(client.get("/disclosures/", {"q": "医疗保障"}))
    assert "部门 · 新乡市红旗区医疗保障局" in page and "部门 · 三门峡市医疗保障局" in page
    assert "匹配：部门名称" in page
    project = text_of(client.get("/disclosures/", {"q": "医疗救助"}))
    assert "项目" in project and "匹配：项目名称" in project
    assert "共找到 0 条" in text_of(client.get("/disclosures/", {"q": "不存在的名称"}))


def test_disclosure_page_has_narrative_explanation_and_tables(client, demo_budgets):
    page = client.get("/disclosures/410702/2022/060/")
    soup = BeautifulSoup(page.content, "html.parser")
    assert [t["data-table"] for t in soup.select("table.disclosure")] == [
        str(n) for n in range(1, 13)
    ]
    text = soup.get_text(" ", strip=True)
    assert "收入增加 215.94 万元，增长 10.37%" in text
    assert soup.select_one('a[href="#table-7"]') is not None
    assert soup.select_one("#table-7") is not None


def test_department_page_lists_years(client, demo_budgets):
    page = text_of(client.get("/disclosures/411200/707/"))
    assert "2023" in page and "1,728.90" in page
    assert client.get("/disclosures/411200/999/").status_code == 404


def test_correction_keeps_old_version_and_shows_the_change(client, demo_budgets):
    budget = demo_budgets["000"]
    publish_correction(budget)
    current = text_of(client.get("/disclosures/410702/2022/060/"))
    assert "第 2 版" in current and "更正" in current and "2,298.34" in current
    old = text_of(client.get("/disclosures/410702/2022/060/v1/"))
    assert "第 1 版" in old and "2,297.34" in old


def test_search_highlights_matches_and_paginates(client, demo_budgets, monkeypatch):
    soup = BeautifulSoup(client.get("/disclosures/", {"q": "困难群众"}).content, "html.parser")
    marks = [li.select_one("mark").get_text() for li in soup.select("ol.results li")]
    # 000's table 10: 红旗区困难群众城乡居民医疗保险资金 and 困难群众大病补充医疗保险资金.
    assert marks == ["困难群众", "困难群众"]
    assert "项目代码 410702220000000012833" in soup.get_text()
    # 医疗 (counted by hand): 001 has the department, 2 units and 6 projects, 000 the
    # department, 1 unit and 6 projects, 002 the department (竹山县医疗保障局), its unit
    # (…机关) and 2 of its 3 projects (城乡居民医疗保险补助资金, 医疗保险专项经费补助; not
    # 离休乙残专项补助资金), 003 the department (保定市徐水区医疗保障局), its unit (…本级) and 1
    # of its 10 projects (提前下达2024年中央财政医疗服务与保障能力提升补助资金; the others say 医保
    # or nothing): 24 results, 10 on page 1, 10 on page 2 and 4 on page 3.
    monkeypatch.setattr("disclosures.views.SEARCH_PAGE_SIZE", 10)
    first = BeautifulSoup(client.get("/disclosures/", {"q": "医疗"}).content, "html.parser")
    assert "共找到 24 条" in first.get_text()
    assert len(first.select("ol.results li")) == 10
    next_link = first.select_one('nav.pager a[rel="next"]')["href"]
    assert "q=%E5%8C%BB%E7%96%97" in next_link and "page=2" in next_link
    second = BeautifulSoup(client.get("/disclosures/" + next_link).content, "html.parser")
    assert len(second.select("ol.results li")) == 10


def test_search_never_finds_unpublished_names(client, demo_budgets):
    from budgets.models import Project
    from budgets.services.workflow import budget_reopen
    from tests.support.factories import UserFactory

    budget = demo_budgets["000"]
    budget_reopen(budget=budget, user=UserFactory(is_superuser=True), comment="改名")
    Project.objects.filter(budget=budget, code="410702220000000012833").update(name="草稿新名称")
    assert "共找到 0 条" in text_of(client.get("/disclosures/", {"q": "草稿新名称"}))
    assert "共找到 2 条" in text_of(client.get("/disclosures/", {"q": "困难群众"}))
