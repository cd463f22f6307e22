"""An unknown code says which edition lacks it, which editions have it, and what to do —
the same words in a data-entry form and in a workbook preview."""

import io

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from budgets.catalogue_messages import unknown_code_message
from budgets.models import FunctionalSubject
from budgets.workbook.export import budget_workbook_export
from tests.budgets.test_admin_entry import add_basic_line, budget, clerk_client  # noqa: F401
from tests.budgets.workbook.test_admin import upload
from tests.support.html import field_errors

pytestmark = pytest.mark.django_db

ADVICE = "请核对编码；如确属新科目，请财政部门导入含该科目的 2022 年版目录。"


def test_message_names_the_edition_and_the_editions_that_have_the_code():
    new = "功能分类科目 2109998 在 2023 年度的科目目录中不存在：请核对编码；如确属新科目，请财政部门导入含该科目的 2023 年版目录。"
    assert unknown_code_message(label="功能分类", code="2109998", year=2023, editions=[]) == new
    once = unknown_code_message(
        label="功能分类", code="2109998", year=2023, editions=[(2022, 2022)]
    )
    assert once == new + "该编码只在 2022 年度有效。"
    spans = unknown_code_message(
        label="功能分类", code="2109998", year=2021, editions=[(2018, 2019), (2024, None)]
    )
    assert spans.endswith("该编码只在 2018—2019 年度、2024 年度及以后有效。")


def test_form_says_the_picked_entry_is_of_another_edition(clerk_client, budget):  # noqa: F811
    old = FunctionalSubject.objects.create(
        code="2109998", name="测试已停用科目", valid_from=2021, valid_to=2021
    )
    response = add_basic_line(clerk_client, budget, functional_subject=old.pk)
    assert response.status_code == 200
    message = (
        f"功能分类科目 2109998 在 2022 年度的科目目录中不存在：{ADVICE}该编码只在 2021 年度有效。"
    )
    assert message in field_errors(response.content.decode())


def test_form_asks_to_pick_the_renamed_entry_of_the_year(clerk_client, budget):  # noqa: F811
    old = FunctionalSubject.objects.create(
        code="2101501", name="行政运行（旧）", valid_from=2020, valid_to=2021
    )
    response = add_basic_line(clerk_client, budget, functional_subject=old.pk)
    message = (
        "功能分类科目 2101501“行政运行（旧）”不是 2022 年度的名称：请重新选择 2022 年度的该科目。"
    )
    assert message in field_errors(response.content.decode())


def test_workbook_preview_names_the_edition(admin_client, demo_drafts):
    FunctionalSubject.objects.create(
        code="2109998", name="测试已停用科目", valid_from=2021, valid_to=2021
    )
    book = load_workbook(io.BytesIO(budget_workbook_export(budget=demo_drafts["000"])))
    sheet = book["基本支出"]
    column = next(c.column for c in sheet[1] if c.value == "功能分类科目（项）")
    sheet.cell(row=2, column=column, value="2109998")
    out = io.BytesIO()
    book.save(out)
    page = BeautifulSoup(upload(admin_client, out.getvalue()).content, "html.parser")
    cells = [td.get_text() for td in page.select("tr.problem td")]
    message = (
        f"功能分类科目 2109998 在 2022 年度的科目目录中不存在：{ADVICE}该编码只在 2021 年度有效。"
    )
    assert cells == ["基本支出", "2", "功能分类科目（项）", message]
