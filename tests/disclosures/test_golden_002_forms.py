"""Golden test of 002's forms （九）（十） on the public page: each part of each form, read from
the rendered HTML as a person would (headings, header paths, cell texts), against the figures
and texts transcribed by hand in ``golden_002_forms.py``."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.disclosures import golden_002_forms as g
from tests.html import column, parse_table
from tests.support.database import migrated_database

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def page(django_db_setup, django_db_blocker):
    from django.test import Client

    from budgets.services.demo import demo_budget_load, demo_files
    from disclosures.services.publishing import demo_publication_create

    with migrated_database(django_db_blocker):
        from django.db import transaction

        with transaction.atomic():
            path = next(p for p in demo_files() if p.name.startswith("002"))
            demo_publication_create(budget=demo_budget_load(path=path))
            url = reverse("disclosures:disclosure", args=["420323", 2022, "058"])
            html = Client().get(url).content.decode()
            transaction.set_rollback(True)
    return html


def form_parts(page) -> list[tuple[str, int]]:
    """(title, table number) of every small table of the forms, in page order."""
    soup = BeautifulSoup(page, "html.parser")
    return [
        (s.select_one("h3.table-title").get_text(), int(s.select_one("table")["data-table"]))
        for s in soup.select("section.report-table.form-part")
    ]


def projects(page) -> list[dict[str, int]]:
    """Per project form: its part title → table number (the header under the form title)."""
    forms: list[dict[str, int]] = []
    for title, number in form_parts(page):
        if title.endswith("年度和中期规划绩效目标表"):
            forms.append({"title": number, "_title": title})  # type: ignore[dict-item]
        elif forms and title in g.PROJECT_PARTS and title not in forms[-1]:
            forms[-1][title] = number
    return forms


def test_form_headings_are_printed_once_each(page):
    soup = BeautifulSoup(page, "html.parser")
    headings = [h.get_text() for h in soup.select("h2.form-group-title")]
    assert headings == [g.FORMS_HEADING, g.DEPARTMENT_HEADING]
    toc = [a.get_text() for a in soup.select("nav.toc li a")]
    assert toc[-2:] == [g.FORMS_HEADING, g.DEPARTMENT_HEADING]  # listed once, not per part


def test_one_form_per_project_with_every_part(page):
    forms = projects(page)
    assert [f["_title"] for f in forms] == [p["title"] for p in g.PROJECTS]
    for form in forms:
        assert [k for k in form if not k.startswith("_") and k != "title"] == g.PROJECT_PARTS


def header_pairs(page, number) -> dict[str, str]:
    """Label → value of a form header: cells alternate label, value (a value may span)."""
    _, rows, _ = parse_table(page, number)
    pairs = {}
    for row in rows:
        cells = [c for i, c in enumerate(row) if i == 0 or c != row[i - 1] or i in (3,)]
        if row[0] == "支出功能分类":
            pairs[row[0]] = (row[1], row[2])
            pairs[row[3]] = row[4]
            continue
        for label, value in zip(cells[::2], cells[1::2], strict=False):
            pairs[label] = value
    return pairs


@pytest.mark.parametrize("index", range(3))
def test_project_form_header(page, index):
    expected, form = g.PROJECTS[index], projects(page)[index]
    pairs = header_pairs(page, form["title"])
    for label, value in expected["header"].items():
        assert pairs[label] == value, label
    assert pairs["支出功能分类"] == expected["functional"]


@pytest.mark.parametrize("index", range(3))
def test_project_sources_and_spending(page, index):
    expected, form = g.PROJECTS[index], projects(page)[index]
    for part, labels, money_rows in (
        ("项目资金来源", g.SOURCE_LABELS, {"合计", "1、财政拨款补助", "其中：经费拨款"}),
        ("项目支出预算及测算依据", g.SPENDING_LABELS, {"合计", expected["economic_row"]}),
    ):
        paths, rows, _ = parse_table(page, form[part])
        first = paths[0][0]
        amounts = [column(paths, year, "金额") for year in g.YEAR_HEADERS]
        assert [r[column(paths, first)] for r in rows] == labels
        for row in rows:
            got = tuple(row[i] for i in amounts)
            if row[0] in money_rows:
                assert got == expected["money"], (part, row[0])
            elif row[0] == "4、其他资本性支出":
                assert got == ("", "", ""), part  # a heading without amounts
            else:
                assert got == g.ZERO3, (part, row[0])  # printed 0


@pytest.mark.parametrize("index", range(3))
def test_project_texts(page, index):
    expected, form = g.PROJECTS[index], projects(page)[index]
    soup = BeautifulSoup(page, "html.parser")
    spending = soup.find("table", attrs={"data-table": str(form["项目支出预算及测算依据"])})
    note = spending.find_parent("section").select_one("p.table-note").get_text()
    assert note.startswith("测算依据及说明：") and expected["calculation"] in note
    paths, rows, _ = parse_table(page, form["总体目标"])
    assert paths == [("中期目标（2022-2024年）",), ("2022年度目标",)]
    assert rows[0][0].startswith(expected["medium"]) and expected["annual_goal"] in rows[0][1]
    _, rows, _ = parse_table(page, form["其他说明的问题"])
    assert rows[0][1].startswith(expected["other"])
    _, rows, _ = parse_table(page, form["项目采购"])
    assert rows == []  # 项目采购 is empty in all three forms
    _, rows, _ = parse_table(page, form["长期绩效目标"])
    assert rows == []  # header only in all three forms


@pytest.mark.parametrize("index", range(3))
def test_project_annual_indicators(page, index):
    expected, form = g.PROJECTS[index], projects(page)[index]
    paths, rows, _ = parse_table(page, form["年度绩效目标"])
    order = [
        ("目标名称",),
        ("一级指标(年度)",),
        ("二级指标(年度)",),
        ("三级指标",),
        ("指标值确定依据",),
        ("指标值", "前年"),
        ("指标值", "上年"),
        ("指标值", "预计当年"),
    ]
    indices = [column(paths, *p) for p in order]
    assert [tuple(r[i] for i in indices) for r in rows] == expected["annual"]


def department_parts(page) -> list[tuple[str, int]]:
    parts = form_parts(page)
    start = next(i for i, (title, _) in enumerate(parts) if title == "部门整体支出绩效目标表")
    return parts[start:]


def test_department_header_and_funds(page):
    parts = dict(department_parts(page))
    _, rows, _ = parse_table(page, parts["部门整体支出绩效目标表"])
    assert (
        rows[0][0] == "部门（单位）名称" and rows[0][1] == g.DEPARTMENT_HEADER["部门（单位）名称"]
    )
    assert rows[1] == ["填报人", "张悦", "联系电话", "15071575123"]
    paths, rows, _ = parse_table(page, parts["部门总体资金情况"])
    order = [
        ("总体资金情况", "构成"),
        ("总体资金情况", "项目"),
        ("当年金额",),
        ("占比",),
        ("近两年收支金额", "2020年"),
        ("近两年收支金额", "2021年"),
    ]
    indices = [column(paths, *p) for p in order]
    assert [tuple(r[i] for i in indices) for r in rows] == g.FUNDS


def test_department_duties_projects_and_overall_goal(page):
    parts = dict(department_parts(page))
    _, rows, _ = parse_table(page, parts["部门职能和工作任务"])
    assert rows[0][0] == "部门职能概述" and rows[0][1].startswith(g.DUTIES_START)
    assert g.DUTIES_END in rows[0][1]
    assert rows[1][0] == "年度工作任务" and g.TASKS_PIECE in rows[1][1]
    paths, rows, _ = parse_table(page, parts["项目支出情况"])
    order = [("项目名称",), ("项目类型",), ("项目总预算",), ("项目本年度预算",)]
    indices = [column(paths, *p) for p in order]
    assert [tuple(r[i] for i in indices) for r in rows] == g.PROJECT_LIST
    assert all(r[column(paths, "项目主要支出方向和用途")] for r in rows)
    paths, rows, _ = parse_table(page, parts["整体绩效总目标"])
    assert tuple(p[0] for p in paths) == g.OVERALL_HEADERS
    assert all(cell.startswith("目标1：") and "目标3：" in cell for cell in rows[0])


def _goal_rows(page, expected_goals, *, annual: bool):
    parts = department_parts(page)
    titles = [(t, n) for t, n in parts if t.startswith("年度目标" if annual else "长期目标")]
    assert len(titles) == len(expected_goals)
    for (title, number), (expected_title, expected_rows) in zip(
        titles, expected_goals, strict=True
    ):
        assert title.startswith(expected_title)
        paths, rows, _ = parse_table(page, number)
        assert len(rows) == len(expected_rows), title
        for row, (level1, level2, name, values, standard) in zip(rows, expected_rows, strict=True):
            assert row[column(paths, "一级指标")] == level1, title
            assert row[column(paths, "二级指标")] == level2, title
            assert name in row[column(paths, "指标名称")], title
            assert row[column(paths, "绩效标准")] == standard, title
            if annual:
                got = (
                    row[column(paths, "近两年指标值", "2020年")],
                    row[column(paths, "近两年指标值", "2021年")],
                    row[column(paths, "预期当年实现值")],
                )
            else:
                got = row[column(paths, "指标值")]
            assert got == values, title


def test_department_long_term_goals(page):
    _goal_rows(page, g.LONG_TERM, annual=False)


def test_department_annual_goals(page):
    _goal_rows(page, g.ANNUAL, annual=True)
