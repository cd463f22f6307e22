"""All problems of all sheets at once (issue 15 item 7), even when 基本信息 is unusable.

The demo years are 2022 (examples 000 and 002), 2023 (001) and 2024 (003): with an
unreadable year the other sheets are checked against the latest, 2024.
"""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from budgets.workbook.export import budget_workbook_export
from budgets.workbook.importing import budget_workbook_preview
from tests.budgets.workbook.test_malformed import col, refused, saved

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_URL = "/admin/budgets/budget/workbook/import/"

# Errors planted on the other sheets of example 000, and how each is reported.
PLANTED = [
    ("预算单位", 2, "单位性质", "企业", "“企业”不是有效的单位性质（行政/参公/事业）"),
    ("基本支出", 3, "金额（万元）", "十二万", "“十二万”不是金额数字"),
    ("项目", 2, "项目类型", "其他", "“其他”不是有效的项目类型"),
    ("项目支出明细", 3, "项目代码", "999", "项目代码 999 在“项目”工作表中不存在"),
]
PLANTED_MESSAGES = [f"“{s}”第 {r} 行“{h}”列：{m}" for s, r, h, _, m in PLANTED]
NOTE = "基本信息有误，其他工作表暂按 {year} 年度科目目录核对，{units}；改正基本信息后请重新上传再核对一次。"


@pytest.fixture
def book(demo_drafts):
    """Example 000 exported, with the errors of PLANTED on four sheets."""
    book = load_workbook(io.BytesIO(budget_workbook_export(budget=demo_drafts["000"])))
    for sheet, row, header, value, _ in PLANTED:
        book[sheet].cell(row=row, column=col(book[sheet], header), value=value)
    return book


def info(book, header: str, value) -> None:
    book["基本信息"].cell(row=2, column=col(book["基本信息"], header), value=value)


def upload(client, data: bytes) -> BeautifulSoup:
    file = SimpleUploadedFile("预算.xlsx", data, content_type=XLSX)
    response = client.post(IMPORT_URL, {"workbook": file})
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert not page.select("input[name=token]")  # nothing can be confirmed
    return page


def rows(page, selector: str) -> list[list[str]]:
    return [[td.get_text() for td in tr.select("td")] for tr in page.select(selector)]


def test_broken_info_and_errors_on_three_sheets_show_together(book, admin_client):
    info(book, "部门代码", "06x")
    info(book, "预算年度", "明年")
    data = saved(book)
    problems = refused(data)  # nothing written
    assert problems[:2] == [
        "“基本信息”第 2 行“预算年度”列：“明年”不是整数",
        "“基本信息”第 2 行“部门代码”列：部门编码应为 2–12 位数字。",
    ]
    assert [p for p in problems if p in PLANTED_MESSAGES] == PLANTED_MESSAGES
    preview = budget_workbook_preview(data=data)
    note = NOTE.format(year=2024, units="未核对单位代码是否属于本部门")
    assert [str(w) for w in preview.warnings] == [f"“基本信息”：{note}"]
    assert preview.data == {} and preview.existing is None
    assert preview.title == "（基本信息有误，无法确定部门和年度）"
    page = upload(admin_client, data)
    assert "导入预览：（基本信息有误，无法确定部门和年度）" in [
        h.get_text() for h in page.select("h1")
    ]
    shown = rows(page, "tr.problem")
    assert ["基本信息", "2", "预算年度", "“明年”不是整数"] in shown
    for sheet, row, header, _, message in PLANTED:
        assert [sheet, str(row), header, message] in shown
    assert ["基本信息", "", "", note] in rows(page, "tr.warning")


def test_unknown_department_checks_the_sheets_against_the_year_and_code_written(book):
    info(book, "部门代码", "999")
    book["预算单位"].cell(row=2, column=col(book["预算单位"], "单位性质"), value="行政")
    book["基本支出"].cell(
        row=2, column=col(book["基本支出"], "功能分类科目（项）"), value="2999999"
    )
    data = saved(book)
    problems = refused(data)
    assert problems[0] == (
        "“基本信息”第 2 行“部门代码”列：部门 999 新乡市红旗区医疗保障局 不存在，请先由财政管理员创建"
    )
    assert "“预算单位”第 2 行“单位代码”列：单位代码 060001 不属于部门 999" in problems
    assert (
        "“基本支出”第 2 行“功能分类科目（项）”列：功能分类科目 2999999 在 2022 年度的科目目录中不存在："
        "请核对编码；如确属新科目，请财政部门导入含该科目的 2022 年版目录。"
    ) in problems
    assert [p for p in problems if p in PLANTED_MESSAGES] == PLANTED_MESSAGES[1:]
    (warning,) = budget_workbook_preview(data=data).warnings
    assert warning.message == NOTE.format(year=2022, units="单位代码按部门代码 999 核对")


def _missing(book):
    del book["基本信息"]


def _empty(book):
    book["基本信息"].delete_rows(1, 3)


def _header(book):
    book["基本信息"].cell(row=1, column=col(book["基本信息"], "预算年度"), value="年度")


def _huge(book):
    for number in range(250):
        book["基本信息"].append(["410702", f"第 {number} 行", "060"])


HEADERS = ["行政区划代码", "行政区划名称", "部门代码", "部门名称", "预算年度"]


@pytest.mark.parametrize(
    "spoil, info_problems, units",
    [
        (_missing, ["“基本信息”：缺少工作表"], "未核对单位代码是否属于本部门"),
        (
            _empty,
            [f"“基本信息”第 1 行“{h}”列：缺少必填列" for h in HEADERS],
            "未核对单位代码是否属于本部门",
        ),
        (_header, ["“基本信息”第 1 行“预算年度”列：缺少必填列"], "单位代码按部门代码 060 核对"),
        (
            _huge,
            ["“基本信息”第 202 行：超过每张工作表 200 行的上限；请拆分后导入"],
            "未核对单位代码是否属于本部门",
        ),
    ],
    ids=["missing", "empty", "header", "huge"],
)
def test_hostile_info_sheets_still_check_the_other_sheets(
    book, admin_client, settings, spoil, info_problems, units
):
    settings.WORKBOOK_SHEET_MAX_ROWS = 200
    spoil(book)
    data = saved(book)
    problems = refused(data)
    assert [p for p in problems if p.startswith("“基本信息”")] == info_problems
    assert [p for p in problems if p in PLANTED_MESSAGES] == PLANTED_MESSAGES
    note = NOTE.format(year=2024, units=units)
    assert [w.message for w in budget_workbook_preview(data=data).warnings] == [note]
    page = upload(admin_client, data)
    assert len(page.select("tr.problem")) == len(problems) < 100
