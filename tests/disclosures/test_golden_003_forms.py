"""Golden test of 003's 情况说明 with its forms, on the published demo page (parsed HTML) and
in the PDF (pdftotext): each form sits in its section in 003's order (机构设置 in 一, one
绩效目标表 per 项目支出 project in 七, 政府采购 in 八, 固定资产 in 九), with the values and the
key sentences transcribed by hand from ``shared/seeds/003_3b8c35e724893ddc.txt``
(l.1686–2640). The two 公用经费项目 are 基本支出 in Hebei: they get no 绩效目标表."""

import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.disclosures import golden_003_forms as g
from tests.support.database import migrated_database

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_pdfs")]


@pytest.fixture(scope="module")
def published(django_db_setup, django_db_blocker):
    """003's public page and its whole PDF as text; the database is left as it was."""
    from django.db import transaction
    from django.test import Client

    from budgets.services.demo import demo_budget_load, demo_files
    from disclosures.document import disclosure_build
    from disclosures.pdf.render import render_document
    from disclosures.services.publishing import demo_publication_create

    with migrated_database(django_db_blocker), transaction.atomic():
        path = next(p for p in demo_files() if p.name.startswith("003"))
        budget = demo_budget_load(path=path)
        demo_publication_create(budget=budget)
        url = reverse("disclosures:disclosure", args=["130609", 2024, "450"])
        html = Client().get(url).content.decode()
        pdf = render_document(disclosure_build(budget_id=budget.pk))
        transaction.set_rollback(True)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "003.pdf"
        source.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", "-layout", str(source), "-"], capture_output=True, check=True
        ).stdout.decode()
    return html, text


@pytest.fixture(scope="module")
def sections(published):
    """Title of each 情况说明 section → (its paragraphs, its form tables as soup sections)."""
    part = BeautifulSoup(published[0], "html.parser").select_one("section#part-explanation")
    found: dict[str, tuple[list[str], list]] = {}
    current = ""
    for node in part.find_all(["h3", "p", "section"], recursive=False):
        if node.name == "h3":
            current = node.get_text()
            found[current] = ([], [])
        elif node.name == "p":
            found[current][0].append(node.get_text())
        else:
            found[current][1].append(node)
    return found


def cells(table, key: str) -> list[str]:
    return [td.get_text().strip() for td in table.select(f'tbody td[data-key="{key}"]')]


def form_titles(section) -> list[str]:
    return [s.select_one(".table-title").get_text() for s in section[1]]


def by_title(section, title: str):
    return next(s for s in section[1] if s.select_one(".table-title").get_text() == title)


def test_sections_in_order_and_forms_only_in_theirs(sections):
    assert list(sections) == g.SECTION_TITLES
    with_forms = [title[0] for title, (_, forms) in sections.items() if forms]
    assert with_forms == ["一", "七", "八", "九"]


def test_organisation_form_in_section_one(sections):
    section = sections[g.SECTION_TITLES[0]]
    assert section[0][-1] == "机构设置："  # the table follows the 机构设置 label, as in 003
    table = by_title(section, "部门机构设置情况")
    row = [cells(table, key)[0] for key in ("name", "kind", "grade", "funding_form")]
    assert row == g.ORGANISATION


def test_one_goal_form_per_spending_project_no_basic_project(sections):
    section = sections[g.SECTION_TITLES[6]]
    heads = [t for t in form_titles(section) if t.endswith("绩效目标表")]
    assert heads == [f"{n}、{p['name']}绩效目标表" for n, p in enumerate(g.PROJECTS, start=1)]
    assert not any("公用经费项目" in t for t in form_titles(section))


@pytest.mark.parametrize("number", range(1, 9))
def test_goal_form_values(sections, number):
    expected = g.PROJECTS[number - 1]
    section = sections[g.SECTION_TITLES[6]]
    tables = section[1]
    head = next(
        i
        for i, s in enumerate(tables)
        if s.select_one(".table-title").get_text() == f"{number}、{expected['name']}绩效目标表"
    )
    own, scale, plan, goal, grid = tables[head : head + 5]
    assert cells(own, "code") == [expected["code"]]
    assert [cells(scale, k)[0] for k in ("total", "fiscal")] == [expected["budget"]] * 2
    purpose = cells(scale, "purpose")[0]
    assert purpose == expected["purpose"] or purpose.startswith(g.PURPOSE_STARTS[expected["name"]])
    assert [cells(plan, f"m{i}")[0] for i in range(4)] == expected["plan"]
    if expected["objective_1"]:
        assert cells(goal, "objective")[0] == expected["objective_1"]
    assert cells(grid, "level3")[0] == expected["level3"]
    assert cells(grid, "value") == expected["values"]


def test_first_goal_form_grid_prints_level1_once(sections):
    grid = sections[g.SECTION_TITLES[6]][1][4]
    assert cells(grid, "level1") == g.PROJECT_1_LEVEL1
    assert cells(grid, "level2") == g.PROJECT_1_LEVEL2
    assert (
        cells(grid, "basis")[0] == "保定市徐水区医疗保障局关于拨付劳务派遣工作人员等所需费用的请示"
    )


def test_procurement_form(sections):
    section = sections[g.SECTION_TITLES[7]]
    table = by_title(section, "部门政府采购预算")
    items = [i for i in cells(table, "item") if i]
    assert items == [row[2] for row in g.PROCUREMENT]
    for key, column in (("source", 0), ("source_budget", 1), ("catalogue_code", 3)):
        assert [v for v in cells(table, key) if v][-5:] == [r[column] for r in g.PROCUREMENT]
    assert [v for v in cells(table, "quantity") if v] == [r[5] for r in g.PROCUREMENT]
    assert cells(table, "total")[:2] == ["3.76", "3.76"]  # 合计, 本级小计
    assert cells(table, "total")[2:] == [r[6] for r in g.PROCUREMENT]
    assert cells(table, "sme")[2:] == [r[6] for r in g.PROCUREMENT]
    assert [p.get_text() for p in table.select("p.table-note")] == [g.PROCUREMENT_NOTE]


def test_assets_form_and_sentence(sections):
    paragraphs, _ = section = sections[g.SECTION_TITLES[8]]
    assert paragraphs == [g.ASSETS_SENTENCE]
    table = section[1][0]
    subtitle = table.select_one("p.table-subtitle").get_text()
    assert "截止时间：2023-12-31" in subtitle
    body = [[td.get_text().strip() for td in tr.select("td")] for tr in table.select("tbody tr")]
    assert body == g.ASSETS


def test_key_sentences_of_the_explanation(sections):
    text = "".join(p for paragraphs, _ in sections.values() for p in paragraphs)
    for sentence in g.KEY_SENTENCES:
        assert sentence in text


def test_pdf_prints_the_forms_inside_the_explanation_in_order(published):
    flat = re.sub(r"\s+", "", published[1])
    start = flat.index("第一部分保定市徐水区医疗保障局2024年部门预算信息公开情况说明")
    text = flat[start:]
    marks = [text.index(m) for m in g.PDF_ORDER]
    assert marks == sorted(marks), [m for m, at in zip(g.PDF_ORDER, marks, strict=True)]
    for snippet in g.PDF_SNIPPETS:
        assert snippet in text
    for sentence in g.KEY_SENTENCES:
        assert sentence in text
