"""Loading the 部门↔政府经济分类 correspondence of one year from the official file.

The file is written here as the loaded 2025 pairs with two hand-made changes, so the
added and removed pairs are known in advance: 30201 办公费 ↔ 50201 办公经费 for 行政 units
is dropped, and 30201 ↔ 50205 委托业务费 for 行政 units is added.
"""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from budgets.catalogue_diff import BudgetUse
from budgets.catalogue_files import EditionFileRefused
from budgets.correspondence_editions import Pair, correspondence_file_read
from budgets.models import EconomicCorrespondence, UnitKind
from budgets.services.editions import edition_compare, edition_load
from budgets.services.roles import FINANCE_GROUP
from tests.budgets.test_catalogue_edition_admin import table, token, upload
from tests.budgets.test_catalogue_editions import budget_of, to_csv
from tests.factories import (
    LineFactory,
    RegionFactory,
    UnitFactory,
    dept_economic,
    gov_economic,
    staff_of,
)

pytestmark = pytest.mark.django_db

HEADER = ("部门经济分类科目编码", "政府经济分类科目编码", "适用单位")
REMOVED = ("30201", "50201", "行政")
ADDED = ("30201", "50205", "行政")


def loaded_pairs(year: int = 2025) -> list[list[str]]:
    rows = EconomicCorrespondence.objects.valid_in(year).order_by("dept_code", "gov_code")
    return [list(row) for row in rows.values_list("dept_code", "gov_code", "applies_to")]


def changed_pairs() -> list[list[str]]:
    return [row for row in loaded_pairs() if tuple(row) != REMOVED] + [list(ADDED)]


def pairs_of(dept: str, gov: str, scope: str) -> list[tuple[int, int | None]]:
    rows = EconomicCorrespondence.objects.filter(dept_code=dept, gov_code=gov, applies_to=scope)
    return list(rows.order_by("valid_from").values_list("valid_from", "valid_to"))


def read(rows, header=HEADER, year: int = 2025) -> list[Pair]:
    return correspondence_file_read(data=to_csv(rows, header=header), year=year)


def office_line(budget, kind: str):
    """A 30201 办公费 / 50201 line of a unit of the given kind (行政 or 事业)."""
    unit = UnitFactory(department=budget.department, kind=kind)
    return LineFactory(
        budget=budget,
        unit=unit,
        dept_economic=dept_economic("30201", budget.year),
        gov_economic=gov_economic("50201", budget.year),
    )


def test_the_diff_names_the_added_and_removed_pairs_and_the_budgets_using_a_removed_one():
    assert list(REMOVED) in loaded_pairs() and list(ADDED) not in loaded_pairs()
    budget = budget_of(2025, "新乡市红旗区", "红旗区医疗保障局")
    office_line(budget, UnitKind.ADMINISTRATIVE)
    office_line(budget, UnitKind.INSTITUTION)  # a 事业 unit: the 行政 pair's removal is not its use
    office_line(
        budget_of(2024, "新乡市红旗区", "红旗区民政局"), UnitKind.ADMINISTRATIVE
    )  # before 2025
    diff = edition_compare(kind="correspondence", year=2025, entries=read(changed_pairs()))
    assert [p.key for p in diff.added] == [ADDED]
    assert [p.key for p in diff.removed] == [REMOVED]
    assert diff.added[0].name == "办公费 ↔ 委托业务费"
    assert diff.unchanged == len(loaded_pairs()) - 1
    assert diff.uses == {
        "30201 ↔ 50201（行政）": [BudgetUse("新乡市红旗区", "红旗区医疗保障局", 2025, 1)]
    }
    assert diff.label == "部门↔政府经济分类对应关系"


def test_applying_ends_the_removed_pair_in_the_year_before_and_starts_the_added_one():
    diff = edition_load(kind="correspondence", year=2025, entries=read(changed_pairs()))
    assert (len(diff.added), len(diff.removed)) == (1, 1)
    assert pairs_of(*REMOVED) == [(2022, 2024)]
    assert pairs_of(*ADDED) == [(2025, None)]
    assert list(REMOVED) in loaded_pairs(2024) and list(REMOVED) not in loaded_pairs(2025)
    assert list(ADDED) not in loaded_pairs(2024)
    # The same file again changes nothing; a pair of the year itself is deleted outright.
    again = edition_compare(kind="correspondence", year=2025, entries=read(loaded_pairs()))
    assert not again.changed
    without_added = [row for row in loaded_pairs() if tuple(row) != ADDED]
    edition_load(kind="correspondence", year=2025, entries=read(without_added))
    assert pairs_of(*ADDED) == []


def test_a_stale_preview_is_refused_and_nothing_is_written():
    pairs = read(changed_pairs())
    digest = edition_compare(kind="correspondence", year=2025, entries=pairs).digest()
    EconomicCorrespondence.objects.create(
        dept_code="30202", gov_code="50205", applies_to="行政", valid_from=2025
    )
    with pytest.raises(EditionFileRefused, match="对应关系在预览之后已被修改"):
        edition_load(kind="correspondence", year=2025, entries=pairs, digest=digest)
    assert pairs_of(*REMOVED) == [(2022, None)]


def test_bad_cells_are_refused_with_their_rows():
    rows = [
        ["3020", "50201", "行政"],  # 4 digits
        ["50201", "30201", "行政"],  # the columns swapped
        ["30201", "50201", "参公"],  # no such scope
        ["30198", "50201", "事业"],  # no such 款 in the 2025 edition
        ["30201", "50201", "行政"],
        ["30201", "50201", "行政单位"],  # the same pair again
        ["=A1", "50201", "行政"],
    ]
    with pytest.raises(EditionFileRefused) as refused:
        read(rows)
    assert refused.value.problems == [
        "第 2 行：部门经济分类编码“3020”应为以 3 开头的 5 位数字（款）",
        "第 3 行：部门经济分类编码“50201”应为以 3 开头的 5 位数字（款）",
        "第 4 行：适用单位“参公”应为“行政”或“事业”",
        "第 5 行：部门经济分类科目 30198 不在该年度已加载的目录中：请先导入该年度的分类目录",
        "第 7 行：对应关系 30201 ↔ 50201（行政） 重复（第 6 行已有）",
        "第 8 行：部门经济分类编码单元格是公式：请直接填写数字编码",
    ]


def test_a_date_cell_a_missing_header_and_an_empty_file_are_refused():
    book = Workbook()
    book.active.append(list(HEADER))
    book.active.append([datetime.date(2025, 1, 2), "50201", "行政"])
    out = io.BytesIO()
    book.save(out)
    with pytest.raises(EditionFileRefused) as refused:
        correspondence_file_read(data=out.getvalue(), year=2025)
    assert refused.value.problems == [
        "第 2 行：部门经济分类编码单元格应为 5 位数字（不能是日期、小数或逻辑值）"
    ]
    with pytest.raises(EditionFileRefused, match="未找到表头"):
        read([["30201", "50201"]], header=("部门经济分类科目编码", "政府经济分类科目编码"))
    with pytest.raises(EditionFileRefused, match="文件为空"):
        correspondence_file_read(data=b"", year=2025)
    with pytest.raises(EditionFileRefused, match="没有对应关系"):
        read([])


def test_the_commands_print_the_diff_and_load_the_file(tmp_path, capsys):
    path = tmp_path / "correspondence.csv"
    path.write_bytes(to_csv(changed_pairs(), header=HEADER))
    call_command("catalogue_diff", str(path), "--year", "2025", "--kind", "correspondence")
    printed = capsys.readouterr().out
    assert "2025 年度部门↔政府经济分类对应关系：新增 1 项，更名 0 项，删除 1 项" in printed
    assert "新增 30201 ↔ 50205（行政） 办公费 ↔ 委托业务费" in printed
    assert "删除 30201 ↔ 50201（行政） 办公费 ↔ 办公经费" in printed
    assert pairs_of(*ADDED) == []
    call_command("load_catalogues", str(path), "--year", "2025", "--kind", "correspondence")
    assert pairs_of(*ADDED) == [(2025, None)]
    path.write_bytes(to_csv([["3020", "50201", "行政"]], header=HEADER))
    with pytest.raises(CommandError, match="第 2 行"):
        call_command("load_catalogues", str(path), "--year", "2025", "--kind", "correspondence")


def test_the_finance_bureau_previews_and_confirms_in_the_admin(client):
    client.force_login(staff_of(FINANCE_GROUP, region=RegionFactory()))
    changelist = client.get(reverse("admin:budgets_economiccorrespondence_changelist"))
    assert reverse("admin:catalogue_edition_load").encode() in changelist.content
    page = upload(
        client, to_csv(changed_pairs(), header=HEADER), kind="correspondence", name="c.csv"
    ).content.decode()
    assert "新增 1 项，更名 0 项，删除 1 项" in page
    assert table(page, "added") == [["30201 ↔ 50205（行政）", "办公费 ↔ 委托业务费"]]
    assert table(page, "removed") == [["30201 ↔ 50201（行政）", "办公费 ↔ 办公经费"]]
    assert pairs_of(*ADDED) == []  # the preview writes nothing
    done = client.post(reverse("admin:catalogue_edition_load"), {"token": token(page)}, follow=True)
    assert "已导入 2025 年度部门↔政府经济分类对应关系：新增 1 项" in done.content.decode()
    assert pairs_of(*ADDED) == [(2025, None)]
