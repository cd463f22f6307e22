"""The workbook in the admin: export, blank template, upload → preview → confirm, scoping."""

import io

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from budgets.models import Budget, Department
from budgets.workbook.export import budget_workbook_export
from tests.support.factories import clerk_of

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(client, data: bytes):
    file = SimpleUploadedFile("预算.xlsx", data, content_type=XLSX)
    return client.post("/admin/budgets/budget/workbook/import/", {"workbook": file})


def test_export_and_blank_template(admin_client, demo_drafts):
    budget = demo_drafts["000"]
    response = admin_client.get(f"/admin/budgets/budget/{budget.pk}/workbook/")
    assert response["Content-Type"] == XLSX
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert book["基本信息"]["C2"].value == "060"
    blank = load_workbook(
        io.BytesIO(admin_client.get("/admin/budgets/budget/workbook/template/").content)
    )
    assert blank["基本支出"].max_row == 1 and blank["基本支出"]["E1"].value == "资金来源"


def test_upload_preview_names_problems_and_writes_nothing(admin_client, demo_drafts):
    book = load_workbook(io.BytesIO(budget_workbook_export(budget=demo_drafts["000"])))
    book["基本支出"]["F2"] = "abc"  # 金额（万元）
    out = io.BytesIO()
    book.save(out)
    page = BeautifulSoup(upload(admin_client, out.getvalue()).content, "html.parser")
    cells = [td.get_text() for td in page.select("tr.problem td")]
    assert cells == ["基本支出", "2", "金额（万元）", "“abc”不是金额数字"]
    assert not page.select("input[name=token]")


def test_confirmed_import_replaces_the_draft_and_shows_findings(admin_client, demo_drafts):
    budget = demo_drafts["001"]
    data = budget_workbook_export(budget=budget)
    page = BeautifulSoup(upload(admin_client, data).content, "html.parser")
    assert "确认替换现有草稿预算" in page.get_text()
    token = page.select_one("input[name=token]")["value"]
    response = admin_client.post(
        "/admin/budgets/budget/workbook/import/", {"token": token, "replace": "1"}, follow=True
    )
    imported = Budget.objects.get(department__code="707")
    assert imported.lines.count() == budget.lines.count()
    assert "公开表检查结果" in response.content.decode()


def test_clerk_cannot_import_another_department(client, demo_drafts):
    client.force_login(clerk_of(Department.objects.get(code="060")))
    data = budget_workbook_export(budget=demo_drafts["001"])
    page = BeautifulSoup(upload(client, data).content, "html.parser")
    assert "您只能导入本部门的预算" in page.get_text()
    assert client.get(f"/admin/budgets/budget/{demo_drafts['001'].pk}/workbook/").status_code == 404
