"""Loading an official edition file: the diff against the loaded catalogue, and applying it.

The edition files are written here as the loaded 2025 catalogue with a few hand-made
changes, so every added, renamed and removed code is known in advance.
"""

import csv
import datetime
import io

import pytest
from django.core.management import CommandError, call_command

from budgets.catalogue_diff import BudgetUse, Renamed, edition_diff
from budgets.catalogue_files import EditionEntry, EditionFileRefused, edition_file_read
from budgets.models import EconomicSubject, ExpenditureLine, FunctionalSubject
from budgets.services.catalogue_editions import catalogue_edition_apply
from tests.factories import (
    BudgetFactory,
    DepartmentFactory,
    FiscalYearFactory,
    LineFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db

# The hand-made changes of the "2025 edition" file.
ADDED = ("2101598", "医疗保障测试新增科目")
RENAMED = ("2101502", "一般行政管理事务", "医疗保障一般行政管理事务")
REMOVED = ("2101501", "行政运行")


def edition_rows(year: int = 2025, *, kind: str = "functional") -> list[list[str]]:
    if kind == "functional":
        rows = FunctionalSubject.objects.valid_in(year)
    else:
        rows = EconomicSubject.objects.valid_in(year).filter(scheme=kind.split("_")[0][:4])
    return [[row.code, row.name] for row in rows.order_by("code")]


def changed_rows() -> list[list[str]]:
    rows = [row for row in edition_rows() if row[0] != REMOVED[0]]
    rows = [[code, RENAMED[2] if code == RENAMED[0] else name] for code, name in rows]
    return [*rows, list(ADDED)]


def to_csv(rows, header=("科目编码", "科目名称")) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def to_xlsx(rows, header=("科目编码", "科目名称"), title: str | None = None) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
    sheet.append(list(header))
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def budget_of(year: int, region: str, department: str):
    return BudgetFactory(
        fiscal_year=FiscalYearFactory(year=year),
        department=DepartmentFactory(region=RegionFactory(name=region), name=department),
    )


def entries(data: bytes) -> list[EditionEntry]:
    return edition_file_read(data=data, kind="functional")


def test_added_renamed_removed_are_reported_exactly_with_the_budgets_using_them():
    budget = budget_of(2025, "新乡市红旗区", "红旗区医疗保障局")
    LineFactory.create_batch(2, budget=budget)  # on 2101501, removed
    LineFactory(budget=budget, functional_subject=FunctionalSubject.objects.get(code="2101502"))
    LineFactory(budget=budget_of(2024, "新乡市红旗区", "红旗区卫生健康委员会"))  # before 2025
    diff = edition_diff(kind="functional", year=2025, entries=entries(to_csv(changed_rows())))
    assert diff.added == [EditionEntry(*ADDED)]
    assert diff.renamed == [Renamed(*RENAMED)]
    assert diff.removed == [EditionEntry(*REMOVED)]
    assert diff.unchanged == len(edition_rows()) - 2
    assert diff.removed_uses() == [
        (EditionEntry(*REMOVED), [BudgetUse("新乡市红旗区", "红旗区医疗保障局", 2025, 2)])
    ]
    assert diff.renamed_uses() == [
        (Renamed(*RENAMED), [BudgetUse("新乡市红旗区", "红旗区医疗保障局", 2025, 1)])
    ]


def test_applying_splits_renamed_and_removed_rows_at_the_year_and_moves_lines():
    line_2025 = LineFactory(
        budget=budget_of(2025, "甲区", "甲局"),
        functional_subject=FunctionalSubject.objects.get(code="2101502"),
    )
    line_2024 = LineFactory(
        budget=budget_of(2024, "甲区", "甲局"),
        functional_subject=FunctionalSubject.objects.get(code="2101502"),
    )
    edition = entries(to_csv(changed_rows()))
    catalogue_edition_apply(kind="functional", year=2025, entries=edition)
    rows = FunctionalSubject.objects.filter(code=RENAMED[0]).order_by("valid_from")
    assert [(r.name, r.valid_from, r.valid_to) for r in rows] == [
        (RENAMED[1], 2022, 2024),
        (RENAMED[2], 2025, None),
    ]
    line_2025.refresh_from_db()
    line_2024.refresh_from_db()
    assert line_2025.functional_subject.name == RENAMED[2]  # the row valid in 2025
    assert line_2024.functional_subject.name == RENAMED[1]  # still 2024's row
    removed = FunctionalSubject.objects.get(code=REMOVED[0])
    assert (removed.valid_from, removed.valid_to) == (2022, 2024)
    added = FunctionalSubject.objects.get(code=ADDED[0])
    assert (added.name, added.level, added.valid_from, added.valid_to, added.source) == (
        ADDED[1],
        "item",
        2025,
        None,
        "file:2025",
    )
    # Loading the same file again changes nothing; 2024 still sees its own edition.
    again = edition_diff(kind="functional", year=2025, entries=edition)
    assert not again.changed
    assert FunctionalSubject.objects.valid_in(2024).get(code=REMOVED[0]).name == REMOVED[1]
    assert not FunctionalSubject.objects.valid_in(2024).filter(code=ADDED[0]).exists()


def test_a_row_of_the_same_year_is_renamed_in_place_and_a_removed_one_in_use_refuses_all():
    rows = [*edition_rows(), list(ADDED)]
    catalogue_edition_apply(kind="functional", year=2025, entries=entries(to_csv(rows)))
    renamed = [[c, "改正后的名称" if c == ADDED[0] else n] for c, n in rows]
    catalogue_edition_apply(kind="functional", year=2025, entries=entries(to_csv(renamed)))
    assert FunctionalSubject.objects.filter(code=ADDED[0]).count() == 1
    assert FunctionalSubject.objects.get(code=ADDED[0]).name == "改正后的名称"
    added = FunctionalSubject.objects.get(code=ADDED[0])
    LineFactory(budget=budget_of(2025, "乙区", "乙局"), functional_subject=added)
    before = list(FunctionalSubject.objects.values_list("code", "name", "valid_from", "valid_to"))
    without = [row for row in renamed if row[0] != ADDED[0] and row[0] != "2101599"]
    with pytest.raises(EditionFileRefused, match="乙区 乙局 2025 年度"):
        catalogue_edition_apply(kind="functional", year=2025, entries=entries(to_csv(without)))
    after = list(FunctionalSubject.objects.values_list("code", "name", "valid_from", "valid_to"))
    assert after == before  # 2101599's end was not written either


def test_an_economic_edition_is_compared_with_its_own_scheme_only():
    rows = [r for r in edition_rows(kind="gov_economic") if r[0] != "50999"]
    rows.append(["50998", "测试新增政府经济分类"])
    found = edition_file_read(data=to_csv(rows), kind="gov_economic")
    diff = edition_diff(kind="gov_economic", year=2025, entries=found)
    assert [e.code for e in diff.added] == ["50998"]
    assert [e.code for e in diff.removed] == ["50999"]
    catalogue_edition_apply(kind="gov_economic", year=2025, entries=found)
    new = EconomicSubject.objects.get(code="50998")
    assert (new.scheme, new.level, new.province, new.valid_from) == ("gov", "section", "", 2025)
    assert EconomicSubject.objects.get(scheme="gov", code="50999").valid_to == 2024


def test_bad_codes_are_refused_with_their_rows_and_nothing_is_read_from_them():
    rows = [
        ["2101", "四位编码"],
        ["２１０", "全角编码"],
        ["30101", "部门经济分类的编码"],
        ["2109901", "上级不在文件中"],
        ["210", "卫生健康支出"],
        ["210", "重复"],
        ["21015", ""],
        ["21016", "=CONCAT(1,2)"],
        ["=TEXT(210,0)", "公式编码"],
        ["21017", "级次不符", "项"],
    ]
    data = to_xlsx(rows, header=("科目编码", "科目名称", "级次"))
    with pytest.raises(EditionFileRefused) as refused:
        edition_file_read(data=data, kind="functional")
    problems = refused.value.problems
    assert "第 2 行：科目编码“2101”应为 3/5/7 位数字" in problems
    assert "第 3 行：科目编码“２１０”应为 3/5/7 位数字" in problems
    assert any(p.startswith("第 4 行：科目编码 30101 不是支出功能分类的编码") for p in problems)
    assert "第 5 行：科目编码 2109901 的上级科目 21099 不在文件中" in problems
    assert "第 7 行：科目编码 210 重复（第 6 行已有）" in problems
    assert "第 8 行：科目名称为空" in problems
    assert "第 9 行：科目名称是公式：请改为直接填写名称" in problems
    assert any(p.startswith("第 10 行：科目编码单元格是公式") for p in problems)
    assert "第 11 行：科目编码 21017 是 5 位，应为“款”级，而级次填的是“项”" in problems
    assert len(problems) == 9


def test_a_date_or_a_fraction_in_a_code_cell_and_a_wrong_level_are_refused():
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["说明：2025 年支出功能分类科目"])  # a title row above the header
    sheet.append(["级次", "科目编码", "科目名称"])
    sheet.append(["类", datetime.datetime(2022, 1, 5), "日期"])
    sheet.append(["类", 210.5, "小数"])
    sheet.append(["款", 210, "卫生健康支出"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(EditionFileRefused) as refused:
        edition_file_read(data=out.getvalue(), kind="functional")
    problems = refused.value.problems
    assert problems[0].startswith("第 3 行：科目编码单元格是日期")
    assert problems[1] == "第 4 行：科目编码“210.5”应为数字（单元格不能是小数或逻辑值）"
    assert problems[2] == "第 5 行：科目编码 210 是 3 位，应为“类”级，而级次填的是“款”"


def test_files_without_a_header_empty_or_not_a_workbook_are_refused():
    for data, message in (
        (b"", "文件为空"),
        (to_csv([["210", "卫生健康支出"]], header=("a", "b")), "未找到表头"),
        (b"PK\x03\x04 not a zip", "不是有效的 Excel 工作簿"),
        (to_csv([]), "文件中没有科目"),
    ):
        with pytest.raises(EditionFileRefused) as refused:
            edition_file_read(data=data, kind="functional")
        assert message in refused.value.problems[0]


def test_catalogue_diff_command_prints_the_changes_and_writes_nothing(tmp_path):
    budget = budget_of(2025, "新乡市红旗区", "红旗区医疗保障局")
    LineFactory(budget=budget)
    path = tmp_path / "2025.xlsx"
    path.write_bytes(to_xlsx(changed_rows(), title="2025年政府收支分类科目"))
    out = io.StringIO()
    count = FunctionalSubject.objects.count()
    call_command("catalogue_diff", str(path), "--year", "2025", stdout=out)
    text = out.getvalue().splitlines()
    assert text[0] == (
        f"2025 年度支出功能分类：新增 1 项，更名 1 项，删除 1 项，未变 {len(edition_rows()) - 2} 项。"
    )
    assert f"新增 {ADDED[0]} {ADDED[1]}" in text
    assert f"更名 {RENAMED[0]} {RENAMED[1]} → {RENAMED[2]}" in text
    assert f"删除 {REMOVED[0]} {REMOVED[1]}" in text
    assert (
        "使用已删除科目 2101501 的预算：新乡市红旗区 红旗区医疗保障局 2025 年度（1 条支出明细）"
        in text
    )
    assert FunctionalSubject.objects.count() == count


def test_load_catalogues_applies_a_file_and_refuses_a_bad_one(tmp_path):
    path = tmp_path / "2025.csv"
    path.write_bytes(to_csv(changed_rows()))
    out = io.StringIO()
    call_command("load_catalogues", str(path), "--year", "2025", stdout=out)
    assert out.getvalue().splitlines()[-1] == "已写入。"
    assert FunctionalSubject.objects.valid_in(2025).get(code=RENAMED[0]).name == RENAMED[2]
    bad = tmp_path / "bad.csv"
    bad.write_bytes(to_csv([["2101", "四位编码"]]))
    count = FunctionalSubject.objects.count()
    with pytest.raises(CommandError, match="第 2 行：科目编码“2101”应为 3/5/7 位数字"):
        call_command("load_catalogues", str(bad), "--year", "2025")
    with pytest.raises(CommandError, match="--year"):
        call_command("catalogue_diff", str(path))
    assert FunctionalSubject.objects.count() == count
    assert ExpenditureLine.objects.count() == 0
