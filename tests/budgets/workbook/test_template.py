"""The Excel template (issue 15 item 7): text-formatted code columns, drop-downs for every
closed list, the year's catalogue, a template pre-filled for a budget, numeric codes
recognised with a warning, sheet totals in the preview, Chinese messages only."""

import io
import re

from django.urls import reverse
from openpyxl import load_workbook

from budgets.models import Budget
from budgets.workbook.export import (
    blank_workbook,
    budget_workbook_data,
    budget_workbook_export,
    budget_workbook_template,
)
from budgets.workbook.importing import budget_workbook_import, budget_workbook_preview
from tests.budgets.workbook.test_admin import upload


def _book(data: bytes):
    return load_workbook(io.BytesIO(data))


def _column(sheet, header: str) -> str:
    """The letter of the column with ``header`` in row 1."""
    return next(c.column_letter for c in sheet[1] if c.value == header)


def _list_of(book, sheet_title: str, header: str) -> list[str]:
    """The texts the drop-down of a column offers, read from the range it refers to."""
    sheet = book[sheet_title]
    letter = _column(sheet, header)
    rule = next(
        v
        for v in sheet.data_validations.dataValidation
        if f"{letter}2" in str(v.sqref).split(":")[0]
    )
    assert rule.type == "list"
    source, cells = rule.formula1.split("!")
    first, last = cells.replace("$", "").split(":")
    rows = book[source.strip("'")][f"{first}:{last}"]
    return [row[0].value for row in rows if row[0].value is not None]


def test_every_closed_list_is_a_drop_down(db):
    book = _book(blank_workbook(year=2022))
    sources = _list_of(book, "基本支出", "资金来源")
    assert "一般公共预算—财政拨款" in sources and "上年结转结余—单位资金" in sources
    assert _list_of(book, "项目支出明细", "资金来源") == sources
    assert _list_of(book, "预算单位", "单位性质") == ["行政", "参公", "事业"]
    assert _list_of(book, "项目", "项目类型")[:2] == ["其他运转类", "特定目标类"]
    assert _list_of(book, "基本支出", "人员/公用经费") == ["人员经费", "公用经费"]
    assert "名词解释" in _list_of(book, "文字说明", "内容")
    assert "收入总计" in _list_of(book, "上年对比数", "项目")
    assert "产出指标" in _list_of(book, "项目绩效指标", "一级指标")
    assert _list_of(book, "政府采购", "采购类别") == ["货物", "工程", "服务"]


def test_code_columns_are_text_and_validate_against_the_catalogue(db):
    book = _book(blank_workbook(year=2022))
    for title, header in (
        ("预算单位", "单位代码"),
        ("基本支出", "单位代码"),
        ("基本支出", "功能分类科目（项）"),
        ("项目", "项目代码"),
        ("基本信息", "部门代码"),
    ):
        sheet = book[title]
        assert sheet.column_dimensions[_column(sheet, header)].number_format == "@", (title, header)
    assert (
        book["基本支出"].column_dimensions[_column(book["基本支出"], "金额（万元）")].number_format
        != "@"
    )
    functional = _list_of(book, "基本支出", "功能分类科目（项）")
    assert "2101501" in functional and "210" not in functional  # 项 only
    assert "30101" in _list_of(book, "项目支出明细", "部门经济分类（款）")
    assert "50101" in _list_of(book, "基本支出", "政府经济分类（款）")
    catalogue = {row[0]: row[1] for row in book["科目目录"].iter_rows(min_row=2, values_only=True)}
    assert catalogue["2101501"] == "210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行"
    assert _list_of(book, "基本支出", "单位代码") == []  # refers to the (empty) 预算单位 codes


def test_template_of_a_budget_has_its_info_and_units_and_nothing_else(demo_drafts):
    budget = demo_drafts["000"]
    book = _book(budget_workbook_template(budget=budget))
    info = [c.value for c in book["基本信息"][2]]
    assert info[:4] == ["410702", "新乡市红旗区", "060", "新乡市红旗区医疗保障局"]
    assert info[6] == 2022  # after 部门简称 and 归口管理股室 (optional, empty)
    units = list(book["预算单位"].iter_rows(min_row=2, values_only=True))
    # 单位规格 and 经费保障形式 (optional, Hebei) are not entered for 000
    assert units == [("060001", "新乡市红旗区医疗保障局本级", "行政", None, None)]
    assert book["基本支出"].max_row == 1 and book["项目"].max_row == 1


def test_template_download_for_a_budget_in_the_admin(admin_client, demo_drafts):
    budget = demo_drafts["000"]
    page = admin_client.get(reverse("admin:budgets_budget_change", args=[budget.pk]))
    url = reverse("admin:budget_workbook_budget_template", args=[budget.pk])
    assert url in page.content.decode()
    response = admin_client.get(url)
    assert response.status_code == 200
    assert _book(response.content)["预算单位"]["A2"].value == "060001"


def _as_numbers(data: bytes) -> bytes:
    """What Excel makes of codes typed into general cells: 060 → 60, 060001 → 60001."""
    book = _book(data)
    book["基本信息"]["C2"].value = 60
    for title in ("预算单位", "基本支出", "项目"):
        sheet = book[title]
        for (cell,) in sheet.iter_rows(min_row=2, max_col=1):
            if cell.value:
                cell.value = int(cell.value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_numeric_codes_are_recognised_with_a_warning_and_import_the_same(demo_drafts):
    budget = demo_drafts["000"]
    before = budget_workbook_data(budget=budget)
    data = _as_numbers(budget_workbook_export(budget=budget))
    preview = budget_workbook_preview(data=data)
    assert preview.ok, [str(p) for p in preview.problems]
    where = {(w.sheet, w.column) for w in preview.warnings}
    assert ("基本信息", "部门代码") in where and ("预算单位", "单位代码") in where
    assert ("基本支出", "单位代码") in where and ("项目", "单位代码") in where
    warning = next(w for w in preview.warnings if w.sheet == "预算单位")
    assert "60001" in warning.message and "“060001”" in warning.message
    imported = budget_workbook_import(data=data, replace=True)
    assert budget_workbook_data(budget=imported) == before


def test_an_ambiguous_number_is_not_guessed(demo_drafts):
    """Two units 060001 and 0060001 would both be 60001: the cell stays an unknown code."""
    budget = demo_drafts["000"]
    book = _book(budget_workbook_export(budget=budget))
    units = book["预算单位"]
    units.append(["0060001", "另一单位", "事业"])
    book["基本支出"]["A2"].value = 60001
    out = io.BytesIO()
    book.save(out)
    preview = budget_workbook_preview(data=out.getvalue())
    assert not any(w.sheet == "基本支出" for w in preview.warnings)
    assert any(p.sheet == "基本支出" and p.row == 2 for p in preview.problems)


ENGLISH = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")


def test_a_project_without_unit_is_named_in_chinese(demo_drafts):
    book = _book(budget_workbook_export(budget=demo_drafts["000"]))
    book["项目"]["A2"].value = None
    out = io.BytesIO()
    book.save(out)
    problems = budget_workbook_preview(data=out.getvalue()).problems
    messages = [p.message for p in problems]
    assert "必填项为空" in messages
    assert any("没有预算单位" in m and "“项目”工作表" in m for m in messages), messages
    assert [m for m in messages if len(max(ENGLISH.findall(m), key=len, default="")) > 1] == []


def test_preview_shows_totals_per_sheet_and_the_warnings(admin_client, demo_drafts):
    from bs4 import BeautifulSoup

    data = _as_numbers(budget_workbook_export(budget=demo_drafts["000"]))
    soup = BeautifulSoup(upload(admin_client, data).content.decode(), "html.parser")
    totals = {
        tr("td")[0].get_text(): tr("td")[2].get_text()
        for tr in soup.select(".sheet-totals tbody tr")
    }
    assert totals["基本支出"] == "175.53"  # 表六 of example 000: 基本支出 175.53
    assert soup.select(".import-warnings tr.warning")
    assert Budget.objects.filter(pk=demo_drafts["000"].pk).exists()
