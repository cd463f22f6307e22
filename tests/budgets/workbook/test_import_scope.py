"""A workbook import writes inside one budget: it never creates or renames a region, a
department or a year (the operator's ``--create-missing`` may create them), and it never
changes a department's units while a budget of the department is under review."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from budgets.models import (
    Budget,
    BudgetStatus,
    BudgetUnit,
    Department,
    ExpenditureLine,
    FiscalYear,
    Region,
)
from budgets.workbook.export import budget_workbook_export
from budgets.workbook.importing import ImportRefused, budget_workbook_import
from tests.support.factories import BudgetFactory, FiscalYearFactory, clerk_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def workbook(demo_drafts):
    """Example 000 (410702 / 060 / 2022) exported, as an openpyxl workbook to change."""
    return load_workbook(io.BytesIO(budget_workbook_export(budget=demo_drafts["000"])))


def saved(book) -> bytes:
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_info(book, **cells) -> bytes:
    """The workbook with 基本信息 cells (by header) replaced."""
    sheet = book["基本信息"]
    headers = [c.value for c in sheet[1]]
    for header, value in cells.items():
        sheet.cell(row=2, column=headers.index(header) + 1, value=value)
    return saved(book)


def state():
    """Everything an import could write outside its budget, and the budgets' lines."""
    return (
        sorted(Region.objects.values_list("code", "name")),
        sorted(Department.objects.values_list("region__code", "code", "name", "short_name")),
        sorted(FiscalYear.objects.values_list("year", flat=True)),
        sorted(Budget.objects.values_list("department__code", "fiscal_year__year", "status")),
        sorted(BudgetUnit.objects.values_list("code", "name", "kind")),
        sorted(ExpenditureLine.objects.values_list("id", "amount")),
    )


def refused(data: bytes, **kwargs) -> list[str]:
    before = state()
    with pytest.raises(ImportRefused) as failure:
        budget_workbook_import(data=data, replace=True, **kwargs)
    assert state() == before  # nothing written, nothing deleted
    return [str(p) for p in failure.value.problems]


@pytest.mark.parametrize(
    "cells, message",
    [
        (
            {"行政区划名称": "改名区"},
            "“基本信息”第 2 行“行政区划名称”列：地区名称“改名区”与已有的地区 410702",
        ),
        ({"部门名称": "改名局"}, "“基本信息”第 2 行“部门名称”列：部门名称“改名局”与已有的部门 060"),
        ({"部门简称": "改名简称"}, "部门简称名称“改名简称”与已有的部门简称 060"),
    ],
)
def test_renaming_region_or_department_is_refused(workbook, cells, message):
    problems = refused(with_info(workbook, **cells))
    assert any(message in p for p in problems), problems
    assert any("只能由财政管理员在管理后台修改" in p for p in problems)


def test_unknown_year_is_refused(workbook):
    problems = refused(with_info(workbook, 预算年度=2031))
    assert (
        "“基本信息”第 2 行“预算年度”列：预算年度 2031 年尚未设立，请先由财政管理员创建" in problems
    )


def test_unknown_department_and_region_are_refused(workbook):
    problems = refused(with_info(workbook, 部门代码="061"))
    assert any("部门 061" in p and "不存在，请先由财政管理员创建" in p for p in problems)
    problems = refused(with_info(workbook, 行政区划代码="419999"))
    assert any("地区（行政区划）419999" in p and "不存在" in p for p in problems)


def test_the_operator_may_create_missing_ones(workbook):
    data = with_info(workbook, 行政区划代码="419999", 行政区划名称="新设区", 预算年度=2031)
    budget = budget_workbook_import(data=data, create_missing=True)
    department = budget.department
    assert (department.region.code, department.region.name, budget.year) == (
        "419999",
        "新设区",
        2031,
    )
    assert department.name == "新乡市红旗区医疗保障局"
    # …but never renames an existing one, even so.
    refused(with_info(workbook, 部门名称="改名局"), create_missing=True)


def test_import_budget_command_creates_only_with_the_flag(workbook, tmp_path):
    path = tmp_path / "new.xlsx"
    path.write_bytes(with_info(workbook, 预算年度=2031))
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(Exception, match="1 个文件未导入"):
        call_command("import_budget", str(path), stdout=out, stderr=err)
    assert "尚未设立" in err.getvalue()
    assert not FiscalYear.objects.filter(year=2031).exists()
    call_command("import_budget", str(path), "--create-missing", stdout=out, stderr=err)
    assert Budget.objects.filter(fiscal_year__year=2031, department__code="060").exists()


def test_units_are_not_changed_while_a_budget_of_the_department_is_submitted(demo_drafts, workbook):
    department = demo_drafts["000"].department
    BudgetFactory(
        department=department,
        fiscal_year=FiscalYearFactory(year=2023),
        status=BudgetStatus.SUBMITTED,
    )
    sheet = workbook["预算单位"]
    name = [c.value for c in sheet[1]].index("单位名称") + 1
    sheet.cell(row=2, column=name, value="改名后的单位")
    problems = refused(saved(workbook))
    assert any("审核期间不能新增、修改或删除该部门的预算单位" in p for p in problems), problems
    # Unchanged units are no change: the same workbook without the rename imports.
    unchanged = load_workbook(io.BytesIO(budget_workbook_export(budget=demo_drafts["000"])))
    assert budget_workbook_import(data=saved(unchanged), replace=True).pk == demo_drafts["000"].pk


def test_units_renamed_by_an_import_into_a_draft_keep_history(demo_drafts, workbook):
    sheet = workbook["预算单位"]
    headers = [c.value for c in sheet[1]]
    code = sheet.cell(row=2, column=headers.index("单位代码") + 1).value
    sheet.cell(row=2, column=headers.index("单位名称") + 1, value="改名后的单位")
    budget_workbook_import(data=saved(workbook), replace=True)
    unit = BudgetUnit.objects.get(department=demo_drafts["000"].department, code=code)
    assert unit.name == "改名后的单位"
    assert unit.history.filter(history_type="~", name="改名后的单位").exists()
    others = BudgetUnit.history.filter(department_id=unit.department_id, history_type="~")
    assert others.count() == 1  # unchanged units get no record


def test_clerks_upload_renaming_the_department_is_refused_in_the_preview(client, workbook):
    from bs4 import BeautifulSoup
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(clerk_of(Department.objects.get(code="060")))
    data = with_info(workbook, 部门名称="改名局", 预算年度=2031)
    before = state()
    file = SimpleUploadedFile("预算.xlsx", data, content_type=XLSX)
    response = client.post("/admin/budgets/budget/workbook/import/", {"workbook": file})
    page = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    text = page.get_text()
    assert "部门名称“改名局”与已有的部门 060" in text and "预算年度 2031 年尚未设立" in text
    assert not page.select("input[name=token]")  # nothing to confirm
    assert state() == before
