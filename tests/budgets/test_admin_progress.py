"""The budget page's 填报进度: what the format prints and is missing, each linked to where
it is entered; the preview of the tables for a draft; checks linked to their lines."""

from decimal import Decimal
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from budgets.models import NarrativeKey, NarrativeSection, PriorYearFigures, ProjectIndicator
from tests.factories import BudgetFactory, LineFactory, ProjectFactory, UnitFactory, clerk_of


@pytest.fixture
def budget(db):
    """A fresh Henan draft: one basic line, one project without indicators, no texts."""
    budget = BudgetFactory()
    unit = UnitFactory(department=budget.department)
    LineFactory(budget=budget, unit=unit)
    project = ProjectFactory(budget=budget, unit=unit, name="信息化建设")
    LineFactory(budget=budget, unit=unit, kind="project", project=project)
    return budget


def _page(client, budget):
    from budgets.models import StaffProfile

    profile = StaffProfile.objects.filter(department=budget.department).first()
    client.force_login(profile.user if profile else clerk_of(budget.department))
    url = reverse("admin:budgets_budget_change", args=[budget.pk])
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def _progress(soup) -> dict[str, tuple[str, str]]:
    """label → (missing/done, link) of every 填报进度 item."""
    return {
        li.a.get_text(strip=True): (li["class"][0], li.a["href"])
        for li in soup.select(".budget-progress li")
    }


def test_missing_items_are_listed_with_links_to_where_they_are_entered(client, budget):
    soup = _page(client, budget)
    items = _progress(soup)
    page = reverse("admin:budgets_budget_change", args=[budget.pk])
    project = budget.projects.get()
    assert items["名词解释"] == ("missing", f"{page}#narrative_sections-group")
    assert items["机构设置"][0] == "missing"
    assert items["上年对比数"] == ("missing", f"{page}#prior_year-group")
    assert items["年度主要任务"] == ("missing", f"{page}#department_tasks-group")
    assert items["支出明细"][0] == "done"
    assert items["项目“信息化建设”的绩效指标"] == (
        "missing",
        reverse("admin:budgets_project_change", args=[project.pk]) + "#indicators-group",
    )
    # 主要职责, 机构设置, 名词解释, 上年对比数, 年度履职目标, 年度主要任务, 整体绩效指标, the project
    assert "尚缺 8 项" in soup.select_one("#progress-title").get_text()
    # every anchor exists on the budget page (a link never lands nowhere)
    for _, href in items.values():
        path, fragment = urlsplit(href).path, urlsplit(href).fragment
        if path == page:
            assert soup.find(id=fragment), fragment


def test_entered_items_turn_done_and_a_changed_figure_asks_for_its_reason(client, budget):
    for key in (NarrativeKey.MAIN_DUTIES, NarrativeKey.ORGANISATION, NarrativeKey.GLOSSARY):
        NarrativeSection.objects.create(budget=budget, key=key, text="已填写。")
    ProjectIndicator.objects.create(
        project=budget.projects.get(), level1="产出指标", level3="系统数量", value="1套"
    )
    # last year 5.00 against this year's 20.00: 收入总计 and 支出总计 changed
    PriorYearFigures.objects.create(
        budget=budget, income_total=Decimal("5.00"), expenditure_total=Decimal("5.00")
    )
    items = _progress(_page(client, budget))
    assert items["名词解释"][0] == items["机构设置"][0] == "done"
    assert items["项目“信息化建设”的绩效指标"][0] == "done"
    assert items["上年对比数"][0] == "done"
    assert items["收入总计增减原因"][0] == "missing"
    assert items["收入总计增减原因"][1].endswith("#narrative_sections-group")
    NarrativeSection.objects.create(
        budget=budget, key=NarrativeKey.REASON_INCOME_EXPENDITURE, text="人员增加。"
    )
    items = _progress(_page(client, budget))
    assert items["收入总计增减原因"][0] == items["支出总计增减原因"][0] == "done"


def test_the_preview_of_a_draft_answers_and_the_public_link_is_absent(client, budget):
    soup = _page(client, budget)
    links = {a.get_text(strip=True): a["href"] for a in soup.select(".budget-progress p a")}
    assert "查看已公开的版本" not in links  # the draft has no publication: that page is a 404
    response = client.get(links["预览公开表（按当前数据生成）"])
    assert response.status_code == 200
    assert "尚未公开" in response.content.decode()


def test_checks_link_to_the_offending_project_and_to_the_preview_tables(client, budget):
    soup = _page(client, budget)
    project = budget.projects.get()
    finding = next(
        li for li in soup.select(".budget-findings li") if "没有绩效指标" in li.get_text()
    )
    hrefs = {a.get_text(strip=True): a["href"] for a in finding.find_all("a")}
    assert hrefs["去修改"].startswith(reverse("admin:budgets_project_change", args=[project.pk]))
    assert hrefs["表12"].endswith("/preview/#table-12")


def test_a_line_finding_links_to_that_line(client, db):
    """A 事业 pair on a 行政 unit is warned about line by line: the link opens the line."""
    from tests.factories import dept_economic, gov_economic

    budget = BudgetFactory()
    unit = UnitFactory(department=budget.department)
    line = LineFactory(
        budget=budget,
        unit=unit,
        dept_economic=dept_economic("30101"),
        gov_economic=gov_economic("50501"),
    )
    soup = _page(client, budget)
    line_url = reverse("admin:budgets_expenditureline_change", args=[line.pk])
    assert line_url in [a["href"] for a in soup.select(".budget-findings li a")]
    assert client.get(line_url).status_code == 200


def test_hubei_lists_what_its_forms_print_and_no_texts(client, db):
    budget = BudgetFactory(disclosure_format="hubei")
    items = _progress(_page(client, budget))
    assert "名词解释" not in items and "上年对比数" not in items
    assert items["支出明细"][0] == "missing"
    assert items["年度履职目标"][0] == "missing"
