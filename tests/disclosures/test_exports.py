"""Downloads: XLSX workbook, ZIP of CSVs, one table's XLSX/CSV — from published snapshots."""

import csv
import io
import zipfile
from urllib.parse import quote

from openpyxl import load_workbook

from tests.disclosures.revision import publish_correction

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
