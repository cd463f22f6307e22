"""Per-model Excel import/export in the admin (basic lines, projects, indicators), scoped."""

import io

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from budgets.models import Budget, Department, ExpenditureLine, LineKind
from budgets.workbook.resources import BasicLineResource
from tests.support.factories import clerk_of

LINES = "/admin/budgets/expenditureline/"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _format(page, name: str = "xlsx") -> str:
    options = page.select("select[name=format] option")
    return next(o["value"] for o in options if o.get_text().strip() == name)


def export_basic_lines(client):
    page = BeautifulSoup(client.get(f"{LINES}export/").content, "html.parser")
    fields = {f"basiclineresource_{name}": "on" for name in BasicLineResource().get_export_order()}
    response = client.post(f"{LINES}export/", {"format": _format(page), "resource": "0", **fields})
    assert response.status_code == 200, response.content.decode()[:2000]
    return load_workbook(io.BytesIO(response.content)).active


def test_clerk_exports_the_basic_lines_of_their_department(client, demo_drafts):
    client.force_login(clerk_of(Department.objects.get(code="060")))
    sheet = export_basic_lines(client)
    headers = [cell.value for cell in sheet[1]]
    assert headers == [c.column_name for c in BasicLineResource().get_export_fields()]
    assert headers[:3] == ["单位代码", "功能分类科目（项）", "部门经济分类（款）"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    amounts = [row[headers.index("金额（万元）")] for row in rows]
    # 表六 of example 000: 基本支出 17 rows totalling 175.53 (example 001 is not visible).
    assert len(rows) == 17 and round(sum(float(a) for a in amounts), 2) == 175.53
    assert {row[0] for row in rows} <= {"060001", "060002"} and rows[0][0] == "060001"


def rows_workbook(rows: list[list]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append([c.column_name for c in BasicLineResource().get_export_fields()])
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, budget, data: bytes):
    page = BeautifulSoup(client.get(f"{LINES}import/").content, "html.parser")
    file = SimpleUploadedFile("基本支出.xlsx", data, content_type=XLSX)
    form = {"budget": budget.pk, "resource": "0", "format": _format(page), "import_file": file}
    return client.post(f"{LINES}import/", form)


LINE = ["060001", "2101501", "30101", "50101", "一般公共预算—财政拨款", "1,234.50", ""]


def test_import_into_a_draft_appends_the_lines(client, demo_drafts):
    budget = demo_drafts["000"]
    client.force_login(clerk_of(Department.objects.get(code="060")))
    before = budget.lines.count()
    page = BeautifulSoup(upload(client, budget, rows_workbook([LINE, LINE])).content, "html.parser")
    confirm = {i["name"]: i.get("value", "") for i in page.select("form input[type=hidden]")}
    assert str(budget.pk) == confirm["budget"] and budget.lines.count() == before
    response = client.post(f"{LINES}process_import/", confirm)
    assert response.status_code == 302
    added = budget.lines.order_by("-id")[:2]
    assert budget.lines.count() == before + 2
    assert [(line.kind, line.amount, line.cost_type) for line in added] == [
        (LineKind.BASIC, 1234.5, "personnel")
    ] * 2
    assert added[0].history.first().history_user.username == "clerk"


def test_bad_cells_are_named_in_chinese_and_nothing_is_written(client, demo_drafts):
    budget = demo_drafts["000"]
    client.force_login(clerk_of(Department.objects.get(code="060")))
    bad = [LINE[:5] + ["abc", ""], ["060999", *LINE[1:]]]
    text = upload(client, budget, rows_workbook(bad)).content.decode()
    assert "“abc”不是金额数字" in text and "单位代码 060999 不在本部门的预算单位中" in text
    assert not ExpenditureLine.objects.filter(budget=budget, amount=1234.5).exists()


def test_import_into_a_published_budget_is_refused(client, demo_budgets):
    budget = demo_budgets["000"]
    assert budget.status == "published"
    client.force_login(clerk_of(Department.objects.get(code="060")))
    before = ExpenditureLine.objects.count()
    page = BeautifulSoup(upload(client, budget, rows_workbook([LINE])).content, "html.parser")
    assert "只能导入到草稿预算" in page.select_one(".errorlist").get_text()
    assert ExpenditureLine.objects.count() == before


def test_clerk_of_another_department_cannot_import_or_see(client, demo_drafts):
    budget = demo_drafts["000"]
    client.force_login(clerk_of(Department.objects.get(code="707")))
    before = ExpenditureLine.objects.count()
    page = BeautifulSoup(upload(client, budget, rows_workbook([LINE])).content, "html.parser")
    assert "选择一个有效的选项" in page.select_one(".errorlist").get_text()
    assert ExpenditureLine.objects.count() == before
    options = [o["value"] for o in page.select("select[name=budget] option") if o["value"]]
    assert options == [str(Budget.objects.get(department__code="707").pk)]
    rows = list(export_basic_lines(client).iter_rows(min_row=2, values_only=True))
    assert rows and {row[0][:3] for row in rows} == {"707"}


def test_projects_and_indicators_have_import_and_export(admin_client, demo_drafts):
    for model in ("project", "projectindicator"):
        for action in ("import", "export"):
            assert admin_client.get(f"/admin/budgets/{model}/{action}/").status_code == 200


def sheet_bytes(headers: list[str], rows: list[list]) -> bytes:
    book = Workbook()
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def admin_import(client, model: str, budget, data: bytes):
    url = f"/admin/budgets/{model}/"
    page = BeautifulSoup(client.get(f"{url}import/").content, "html.parser")
    file = SimpleUploadedFile("rows.xlsx", data, content_type=XLSX)
    form = {"budget": budget.pk, "resource": "0", "format": _format(page), "import_file": file}
    page = BeautifulSoup(client.post(f"{url}import/", form).content, "html.parser")
    confirm = {i["name"]: i.get("value", "") for i in page.select("form input[type=hidden]")}
    assert "budget" in confirm, page.get_text()[:2000]
    return client.post(f"{url}process_import/", confirm)


def test_a_project_and_its_indicator_are_imported_through_the_admin(client, demo_drafts):
    from budgets.workbook.resources import ProjectIndicatorResource, ProjectResource

    budget = demo_drafts["000"]
    client.force_login(clerk_of(Department.objects.get(code="060")))
    headers = [f.column_name for f in ProjectResource().get_export_fields()]
    project = ["060001", "41070222000000009999", "新项目", "特定目标类", "12.5"]
    assert (
        admin_import(client, "project", budget, sheet_bytes(headers, [project])).status_code == 302
    )
    created = budget.projects.get(code="41070222000000009999")
    assert (created.unit.code, created.declared_total) == ("060001", 12.5)
    assert created.position > 0
    headers = [f.column_name for f in ProjectIndicatorResource().get_export_fields()]
    indicator = [created.code, "产出指标", "数量指标", "覆盖人数", "≥100人", "", ""]
    data = sheet_bytes(headers, [indicator])
    assert admin_import(client, "projectindicator", budget, data).status_code == 302
    assert created.indicators.get().level3 == "覆盖人数"


def test_import_form_speaks_chinese(admin_client, demo_drafts):
    page = admin_client.get("/admin/budgets/expenditureline/import/")
    labels = [
        label.get_text(strip=True)
        for label in BeautifulSoup(page.content, "html.parser").select("label")
    ]
    assert "导入到部门预算:" in labels and "工作表:" in labels
    assert not any("Resource" in label for label in labels)


def admin_export(client, model: str, resource, file_format: str) -> bytes:
    url = f"/admin/budgets/{model}/export/"
    page = BeautifulSoup(client.get(url).content, "html.parser")
    prefix = type(resource).__name__.lower()
    fields = {f"{prefix}_{name}": "on" for name in resource.get_export_order()}
    form = {"format": _format(page, file_format), "resource": "0", **fields}
    response = client.post(url, form)
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.content


def test_admin_exports_write_formula_like_names_as_text(client, demo_drafts):
    import csv

    from budgets.models import Project
    from budgets.workbook.resources import ProjectResource

    hostile = '=HYPERLINK("http://x","click")'
    project = Project.objects.filter(budget=demo_drafts["000"]).order_by("id").first()
    Project.objects.filter(pk=project.pk).update(name=hostile, declared_total="12.50")
    client.force_login(clerk_of(Department.objects.get(code="060")))

    data = admin_export(client, "project", ProjectResource(), "xlsx")
    cells = [c for row in load_workbook(io.BytesIO(data)).active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert [c.data_type for c in cells if c.value == hostile] == ["s"]

    text = admin_export(client, "project", ProjectResource(), "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    row = next(r for r in rows if f"'{hostile}" in r)
    assert project.code in row and "12.50" in row  # codes and amounts untouched
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@")]
