"""Malformed workbooks: each is refused with the expected message and nothing is written."""

import io
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from budgets.models import Budget, ExpenditureLine
from budgets.workbook.export import budget_workbook_export
from budgets.workbook.importing import (
    ImportRefused,
    budget_workbook_import,
    budget_workbook_preview,
)


@pytest.fixture
def workbook(demo_drafts):
    """Example 000 exported, as an openpyxl workbook to spoil."""
    return load_workbook(io.BytesIO(budget_workbook_export(budget=demo_drafts["000"])))


def saved(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def col(sheet, header: str) -> int:
    return [c.value for c in sheet[1]].index(header) + 1


def snapshot():
    return sorted(ExpenditureLine.objects.values_list("id", "amount"))


def refused(data: bytes) -> list[str]:
    before = snapshot()
    with pytest.raises(ImportRefused) as failure:
        budget_workbook_import(data=data, replace=True)
    assert snapshot() == before  # nothing written, nothing deleted
    return [str(p) for p in failure.value.problems]


def spoil(book, sheet: str, row: int, header: str, value) -> bytes:
    book[sheet].cell(row=row, column=col(book[sheet], header), value=value)
    return saved(book)


@pytest.mark.parametrize(
    "sheet, header, value, message",
    [
        (
            "基本支出",
            "功能分类科目（项）",
            "2999999",
            "“基本支出”第 2 行“功能分类科目（项）”列：功能分类科目 2999999 在 2022 年度的科目目录中不存在："
            "请核对编码；如确属新科目，请财政部门导入含该科目的 2022 年版目录。",
        ),
        (
            "基本支出",
            "政府经济分类（款）",
            "50299",
            "“基本支出”第 2 行“政府经济分类（款）”列：部门经济分类 303 对个人和家庭的补助 › "
            "30307 医疗费补助 与政府经济分类 502 机关商品和服务支出 › 50299 其他商品和服务支出 不对应",
        ),
        (
            "基本支出",
            "金额（万元）",
            "十二万",
            "“基本支出”第 2 行“金额（万元）”列：“十二万”不是金额数字",
        ),
        (
            "基本支出",
            "金额（万元）",
            "1.234",
            "“基本支出”第 2 行“金额（万元）”列：金额最多保留两位小数（单位：万元）",
        ),
        ("基本支出", "金额（万元）", -5, "“基本支出”第 2 行“金额（万元）”列：金额不能为负数"),
        (
            "基本支出",
            "金额（万元）",
            1e20,
            "“基本支出”第 2 行“金额（万元）”列：金额过大（最多 16 位整数）",
        ),
        (
            "基本支出",
            "单位代码",
            "060999",
            "“基本支出”第 2 行“单位代码”列：单位代码 060999 不在本部门的预算单位中",
        ),
        (
            "基本支出",
            "资金来源",
            "银行贷款",
            "“基本支出”第 2 行“资金来源”列：“银行贷款”不是有效的资金来源",
        ),
        (
            "项目",
            "项目代码",
            "410702220000000012824",
            "“项目”第 3 行“项目代码”列：项目代码 410702220000000012824 重复",
        ),
        (
            "项目支出明细",
            "项目代码",
            "999",
            "“项目支出明细”第 2 行“项目代码”列：项目代码 999 在“项目”工作表中不存在",
        ),
        (
            "预算单位",
            "单位性质",
            "企业",
            "“预算单位”第 2 行“单位性质”列：“企业”不是有效的单位性质（行政/参公/事业）",
        ),
    ],
)
def test_bad_cell_is_named(workbook, sheet, header, value, message):
    assert message in refused(spoil(workbook, sheet, 2, header, value))


def test_missing_column_sheet_empty_and_foreign_files(workbook):
    workbook["基本支出"].cell(row=1, column=col(workbook["基本支出"], "金额（万元）"), value="钱")
    assert "“基本支出”第 1 行“金额（万元）”列：缺少必填列" in refused(saved(workbook))
    del workbook["预算单位"]
    assert "“预算单位”：缺少工作表" in refused(saved(workbook))
    assert refused(b"") == ["“文件”：文件为空"]
    assert refused(b"PK\x03\x04 not really a zip") == [
        "“文件”：不是有效的 Excel 工作簿（.xlsx）文件"
    ]
    assert refused("预算,金额\n".encode()) == ["“文件”：不是有效的 Excel 工作簿（.xlsx）文件"]


def test_separators_and_full_width_digits_are_accepted(workbook):
    sheet = workbook["基本支出"]
    amount = col(sheet, "金额（万元）")
    sheet.cell(row=2, column=amount, value="1,234.50")
    sheet.cell(row=3, column=amount, value="４２．２９")
    budget = budget_workbook_import(data=saved(workbook), replace=True)
    amounts = set(budget.lines.values_list("amount", flat=True))
    assert {Decimal("1234.50"), Decimal("42.29")} <= amounts


def test_existing_draft_needs_confirmation_and_published_is_never_replaced(demo_drafts, workbook):
    data = saved(workbook)
    assert any("确认替换" in m for m in refused_without_replace(data))
    Budget.objects.filter(pk=demo_drafts["000"].pk).update(status="published")
    assert any("不能被覆盖" in m for m in refused(data))


def refused_without_replace(data: bytes) -> list[str]:
    with pytest.raises(ImportRefused) as failure:
        budget_workbook_import(data=data)
    return [str(p) for p in failure.value.problems]


cells = st.one_of(
    st.none(),
    # Characters a spreadsheet cell can hold (XML forbids control characters).
    st.text(st.characters(exclude_categories=("Cc", "Cs", "Co", "Cn")), max_size=12),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    value=cells,
    header=st.sampled_from(["金额（万元）", "功能分类科目（项）", "单位代码", "资金来源"]),
)
def test_random_cells_never_crash_never_write_on_error_and_name_the_cell(workbook, value, header):
    data = spoil(workbook, "基本支出", 3, header, value)
    preview = budget_workbook_preview(data=data)
    before = snapshot()
    if preview.ok:
        budget_workbook_import(data=data, replace=True)
        return
    for problem in preview.problems:
        assert problem.sheet == "基本支出" and problem.row == 3 and problem.column
    with pytest.raises(ImportRefused):
        budget_workbook_import(data=data, replace=True)
    assert snapshot() == before


@pytest.mark.parametrize(
    "sheet, row, header, value, message",
    [
        (
            "基本信息",
            2,
            "预算年度",
            1999,
            "“基本信息”第 2 行“预算年度”列：预算年度应在 2000—2100 之间。",
        ),
        ("基本信息", 2, "封面日期", "明天", "“基本信息”第 2 行“封面日期”列：“明天”不是日期"),
        (
            "基本信息",
            2,
            "行政区划代码",
            "4107",
            "“基本信息”第 2 行“行政区划代码”列：行政区划代码应为 6 位数字。",
        ),
        (
            "基本支出",
            2,
            "功能分类科目（项）",
            "210",
            "“基本支出”第 2 行“功能分类科目（项）”列：功能分类科目 210 卫生健康支出 不是 2022 年度有效的“项”级科目",
        ),
        (
            "预算单位",
            2,
            "单位代码",
            "060x",
            "“预算单位”第 2 行“单位代码”列：单位编码应为 3–15 位数字。",
        ),
        ("政府采购", 2, "采购类别", "软件", "“政府采购”第 2 行“采购类别”列："),
    ],
)
def test_checks_that_used_to_fail_only_when_writing_name_the_cell(
    workbook, sheet, row, header, value, message
):
    """Cells the model would refuse are named in the preview (sheet, row, column)."""
    problems = refused(spoil(workbook, sheet, row, header, value))
    assert any(p.startswith(message) for p in problems), problems


def test_repeated_asset_category_is_named(workbook):
    sheet = workbook["国有资产"]
    first = [c.value for c in sheet[2]]
    sheet.append(first)
    problems = refused(saved(workbook))
    assert (
        f"“国有资产”第 {sheet.max_row} 行“资产类别”列：同一预算中每类资产只能填写一次。" in problems
    )
