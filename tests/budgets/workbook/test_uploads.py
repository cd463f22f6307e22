"""Hostile and huge uploads: refused before they cost memory or time, never a 500 (issue 14)."""

import tracemalloc

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile

from budgets.workbook.archive import archive_problem
from budgets.workbook.export import budget_workbook_export
from budgets.workbook.importing import (
    ImportRefused,
    budget_workbook_import,
    budget_workbook_preview,
)
from tests.support import hostile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
IMPORT_URL = "/admin/budgets/budget/workbook/import/"
NOT_A_WORKBOOK = "“文件”：不是有效的 Excel 工作簿（.xlsx）文件"


@pytest.fixture
def base(demo_drafts) -> bytes:
    return budget_workbook_export(budget=demo_drafts["000"])


def upload(client, data: bytes):
    file = SimpleUploadedFile("预算.xlsx", data, content_type=XLSX)
    return client.post(IMPORT_URL, {"workbook": file})


def problems(data: bytes) -> list[str]:
    return [str(p) for p in budget_workbook_preview(data=data).problems]


def peak_mb(function, *args, **kwargs) -> float:
    tracemalloc.start()
    try:
        function(*args, **kwargs)
        return tracemalloc.get_traced_memory()[1] / 1024**2
    finally:
        tracemalloc.stop()


def test_an_upload_over_the_limit_is_refused_unread(admin_client, base, settings):
    settings.WORKBOOK_UPLOAD_MAX_BYTES = len(base) - 1
    response = upload(admin_client, base)
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert "文件过大" in page.select_one(".errornote").get_text()
    assert not page.select("input[name=token]")
    assert problems(base) == [f"“文件”：{hostile_size_message(len(base))}"]


def hostile_size_message(size: int) -> str:
    from budgets.uploads import too_large_message

    return too_large_message(size)


def test_a_sheet_bomb_is_refused_before_reading(base):
    bomb = hostile.sheet_bomb(base, megabytes=100)
    assert len(bomb) < 1024**2
    assert peak_mb(budget_workbook_preview, data=bomb) < 20
    (problem,) = problems(bomb)
    assert "疑似压缩炸弹" in problem


def test_a_big_sheet_within_the_ratio_is_refused_by_its_size(base, settings):
    settings.WORKBOOK_MAX_RATIO = 10**6
    settings.WORKBOOK_TOTAL_MAX_BYTES = 10**9
    (problem,) = problems(hostile.sheet_bomb(base, megabytes=80))
    assert "超过 64 MB 的上限" in problem


def test_a_shared_strings_bomb_is_refused_before_reading(base):
    bomb = hostile.strings_bomb(base, megabytes=100)
    assert peak_mb(budget_workbook_preview, data=bomb) < 20
    assert "sharedStrings.xml" in problems(bomb)[0]


def test_shared_strings_under_the_size_bound_but_of_millions_of_entries(base, settings):
    """20 MB of empty strings: under the size bound, but millions of parsed elements
    (refused by the ratio too; here the element count is checked on its own)."""
    settings.WORKBOOK_MAX_RATIO = 10**6
    flood = hostile.strings_bomb(base, megabytes=20, entry="<si/>")
    assert archive_problem(flood) is not None
    assert "过多的 XML 元素" in problems(flood)[0]


def test_a_styles_part_as_large_as_a_sheet_is_refused(base, settings):
    """Parts openpyxl parses whole (styles, workbook…) get a far tighter bound than sheets."""
    settings.WORKBOOK_MAX_RATIO = 10**6
    parts = hostile.parts(base)
    parts["xl/styles.xml"] = parts["xl/styles.xml"].replace(
        b"</styleSheet>", b"<!--" + b" " * 6 * 1024**2 + b"--></styleSheet>"
    )
    assert "“xl/styles.xml”解压后为 6 MB，超过 4 MB 的上限" in problems(hostile.rezip(parts))[0]


def test_junk_elements_in_a_sheet_are_refused(base, settings):
    settings.WORKBOOK_MAX_RATIO = 10**6
    junk = "<x/>" * 300_000
    data = hostile.replace_sheet(base, "基本支出", iter([junk]))
    assert "过多的 XML 元素" in problems(data)[0]


def test_rows_past_the_limit_are_refused_and_not_kept(base, settings):
    settings.WORKBOOK_SHEET_MAX_ROWS = 100
    assert budget_workbook_preview(data=hostile.many_rows(base, count=100)).ok
    refused = problems(hostile.many_rows(base, count=101))
    assert refused == ["“基本支出”第 102 行：超过每张工作表 100 行的上限；请拆分后导入"]


def test_a_row_as_wide_as_excel_allows_costs_nothing(base):
    header, first = hostile.sheet_values(base, "基本支出")[:2]
    wide = hostile.row_xml(list(first) + ["x"] * 16_000)
    data = hostile.replace_sheet(base, "基本支出", iter([hostile.row_xml(header), wide]))
    assert peak_mb(budget_workbook_preview, data=data) < 40
    assert budget_workbook_preview(data=data).ok


@pytest.mark.parametrize(
    "part, old, new",
    [
        ("sheet", b"</sheetData>", b"<row><c><v>1</v></c></sheetData>"),  # unclosed row
        ("sheet", b"<sheetData>", b"<sheetData><row r='abc'><c><v>1</v></c></row>"),
        ("sheet", b"<sheetData>", b'<sheetData><row><c t="s"><v>99999</v></c></row>'),
        ("sheet", b"<sheetData>", b'<sheetData><row><c t="n"><v>abc</v></c></row>'),
        ("sheet", b"<sheetData>", b'<sheetData><row><c t="d"><v>not a date</v></c></row>'),
        ("sheet", b"<sheetData>", b"<sheetData>\x00"),
        ("workbook", b"<sheets>", b"<sheets><bad"),
        ("styles", b"<cellXfs", b"<cellXfs foo"),
    ],
)
def test_malformed_xml_is_not_a_workbook_even_while_streaming(admin_client, base, part, old, new):
    """A 500 today: the parse error surfaces while rows are streamed, not at load."""
    parts = hostile.parts(base)
    name = {
        "sheet": hostile.sheet_part(base, "基本支出"),
        "workbook": "xl/workbook.xml",
        "styles": "xl/styles.xml",
    }[part]
    assert old in parts[name]
    parts[name] = parts[name].replace(old, new, 1)
    data = hostile.rezip(parts)
    assert problems(data) == [NOT_A_WORKBOOK]
    with pytest.raises(ImportRefused):
        budget_workbook_import(data=data, replace=True)
    response = upload(admin_client, data)
    assert response.status_code == 200
    assert "不是有效的 Excel 工作簿" in response.content.decode()


def test_a_truncated_archive_is_not_a_workbook(base):
    for cut in (len(base) // 3, len(base) // 2, len(base) - 30):
        assert problems(base[:cut]) == [NOT_A_WORKBOOK]


def test_problems_shown_are_capped_with_the_total(admin_client, base, settings):
    settings.WORKBOOK_PROBLEMS_SHOWN = 5
    header, first = hostile.sheet_values(base, "基本支出")[:2]
    amount = header.index("金额（万元）")
    bad = [hostile.row_xml([*first[:amount], "abc", *first[amount + 1 :]])] * 8
    data = hostile.replace_sheet(base, "基本支出", iter([hostile.row_xml(header), *bad]))
    page = BeautifulSoup(upload(admin_client, data).content, "html.parser")
    assert len(page.select("tr.problem")) == 5
    assert "发现 8 个问题" in page.get_text() and "其余 3 个未列出" in page.get_text()
    with pytest.raises(ImportRefused) as refused:
        budget_workbook_import(data=data, replace=True)
    assert len(refused.value.problems) == 8
    assert str(refused.value).count("不是金额数字") == 5 and "共 8 个问题" in str(refused.value)


def test_per_model_imports_refuse_oversized_files_and_bombs(admin_client, base, settings):
    """The budget-row imports (django-import-export) read xlsx through tablib: same guards."""
    from budgets.models import Budget, ExpenditureLine
    from tests.budgets.workbook.test_admin_rows import upload as rows_upload

    budget = Budget.objects.get(department__code="060")
    before = ExpenditureLine.objects.count()
    settings.WORKBOOK_UPLOAD_MAX_BYTES = len(base) - 1
    assert "文件过大" in rows_upload(admin_client, budget, base).content.decode()
    settings.WORKBOOK_UPLOAD_MAX_BYTES = 10 * 1024**2
    bomb = hostile.sheet_bomb(base, megabytes=100)
    assert "疑似压缩炸弹" in rows_upload(admin_client, budget, bomb).content.decode()
    assert ExpenditureLine.objects.count() == before


def test_a_sheet_of_far_too_many_rows_is_refused_before_openpyxl_opens_it(base, settings):
    """Without a <dimension>, openpyxl parses a whole sheet just to open the workbook."""
    settings.WORKBOOK_SHEET_MAX_ROWS = 100
    (problem,) = problems(hostile.many_rows(base, count=1300))
    assert "超过 1200 行，行数过多" in problem
