"""Downloads: XLSX workbook, ZIP of CSVs, one table's XLSX/CSV — from published snapshots."""

import csv
import io
import zipfile
from urllib.parse import quote

from openpyxl import load_workbook

from tests.support.revision import publish_correction

URL = "/disclosures/410702/2022/060/"
DEPT = "新乡市红旗区医疗保障局2022年"


def _rows(sheet) -> list[list]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def _body_row(rows, label) -> list:
    """The first row holding ``label`` and at least one number (not a header row)."""
    return next(
        row for row in rows if label in row and any(isinstance(v, float | int) for v in row)
    )


def test_workbook_has_twelve_sheets_with_merged_headers_and_numeric_amounts(client, demo_budgets):
    response = client.get(f"{URL}xlsx/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].endswith(
        "filename*=UTF-8''" + quote(f"{DEPT}部门预算.xlsx")
    )
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [f"预算{n:02d}表" for n in range(1, 13)]

    sheet = book["预算03表"]
    assert sheet["A1"].value == "2022年部门支出预算表"
    # 基本支出 spans its five leaf columns (小计, 工资福利, 对个人和家庭, 商品和服务, 资本性).
    merged = {
        sheet.cell(r.min_row, r.min_col).value: (r.max_col - r.min_col + 1)
        for r in sheet.merged_cells.ranges
    }
    assert merged["基本支出"] == 5 and merged["项目支出"] == 3
    # Hand arithmetic from the example (表六 175.53 basic; 2,297.34 total).
    rows = _rows(sheet)
    total = _body_row(rows, "合计")
    assert 2297.34 in total and 175.53 in total and 2121.81 in total
    # Amounts are numbers with two decimals shown; codes are text cells.
    amount_cell = next(c for row in sheet.iter_rows() for c in row if c.value == 175.53)
    assert amount_cell.data_type == "n" and amount_cell.number_format == "#,##0.00"
    code_cells = [c for row in sheet.iter_rows() for c in row if c.value == "210"]
    assert code_cells and all(c.data_type == "s" for c in code_cells)


def test_csv_zip_holds_twelve_utf8_files(client, demo_budgets):
    response = client.get(f"{URL}csv/")
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert names == [f"{DEPT}预算{n:02d}表.csv" for n in range(1, 13)]
    text = archive.read(names[0]).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    grand = next(row for row in rows if "收入总计" in row)
    assert "2297.34" in grand  # plain numbers, two decimals, no separators


def test_one_table_as_csv_and_xlsx(client, demo_budgets):
    response = client.get(f"{URL}tables/3.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert quote(f"{DEPT}预算03表.csv") in response["Content-Disposition"]
    assert 'filename="2022_03.csv"' in response["Content-Disposition"]  # ASCII fallback
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, total = rows[0], next(row for row in rows[1:] if "合计" in row)
    assert total[header.index("基本支出/小计")] == "175.53"
    assert total[header.index("项目支出/小计")] == "2121.81"

    book = load_workbook(io.BytesIO(client.get(f"{URL}tables/3.xlsx").content))
    assert book.sheetnames == ["预算03表"]
    assert client.get(f"{URL}tables/13.xlsx").status_code == 404
    assert client.get(f"{URL}tables/13.csv").status_code == 404


def test_downloads_are_the_published_version_not_live_data(client, demo_budgets):
    before = client.get(f"{URL}tables/3.csv").content.decode("utf-8-sig")
    assert "2297.34" in before
    publish_correction(demo_budgets["000"])
    after = client.get(f"{URL}tables/3.csv").content.decode("utf-8-sig")
    assert "2298.34" in after and "2297.34" not in after


def test_drafts_have_no_downloads(client, demo_drafts):
    for path in ("xlsx/", "csv/", "tables/3.xlsx", "tables/3.csv"):
        assert client.get(f"{URL}{path}").status_code == 404


HOSTILE_PROJECT = '=HYPERLINK("http://x","click")'
HOSTILE_UNIT = "@SUM(1+1)*cmd|' /C calc'!A0"


def _publish_hostile_names(budget):
    """Publish a revision whose first project and first unit have formula-like names."""
    from budgets.models import BudgetUnit, Project
    from budgets.services.workflow import budget_publish, budget_reopen, budget_submit

    budget_reopen(budget=budget, comment="更正名称")
    project = Project.objects.filter(budget=budget).order_by("position", "id").first()
    Project.objects.filter(pk=project.pk).update(name=HOSTILE_PROJECT)
    unit = BudgetUnit.objects.filter(department=budget.department).order_by("code").first()
    BudgetUnit.objects.filter(pk=unit.pk).update(name=HOSTILE_UNIT)
    budget.refresh_from_db()
    budget_submit(budget=budget)
    budget_publish(budget=budget)


def test_names_that_look_like_formulas_are_text_cells_in_the_workbook(client, demo_budgets):
    _publish_hostile_names(demo_budgets["000"])
    book = load_workbook(io.BytesIO(client.get(f"{URL}xlsx/").content))
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    assert not [f"{c.parent.title}!{c.coordinate}" for c in cells if c.data_type == "f"]
    hostile = [c for c in cells if c.value in (HOSTILE_PROJECT, HOSTILE_UNIT)]
    assert {c.value for c in hostile} == {HOSTILE_PROJECT, HOSTILE_UNIT}
    assert all(c.data_type == "s" for c in hostile)
    # Amounts are still numbers.
    assert any(c.value == 2297.34 and c.data_type == "n" for c in cells)


def test_names_that_look_like_formulas_are_quoted_in_csv(client, demo_budgets):
    _publish_hostile_names(demo_budgets["000"])
    archive = zipfile.ZipFile(io.BytesIO(client.get(f"{URL}csv/").content))
    cells = [
        cell
        for name in archive.namelist()
        for row in csv.reader(io.StringIO(archive.read(name).decode("utf-8-sig")))
        for cell in row
    ]
    assert f"'{HOSTILE_PROJECT}" in cells and f"'{HOSTILE_UNIT}" in cells
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "2297.34" in cells  # numbers are never quoted
    table = client.get(f"{URL}tables/10.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(table)))
    assert any(f"'{HOSTILE_PROJECT}" in row for row in rows)
