"""The shared "safe cell" rules: formula-like texts neutralised, numbers left alone."""

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from budgets.safe_cells import csv_text, csv_value, xlsx_text, xlsx_value


@pytest.mark.parametrize(
    "text",
    ["=1+1", '=HYPERLINK("http://x","click")', "+cmd", "-2+3", "@SUM(A1)", "\t=1", "\r=1"],
)
def test_formula_like_csv_texts_get_a_quote(text):
    assert csv_text(text) == f"'{text}"


@pytest.mark.parametrize("text", ["项目", "060001", "-12.50", "+3", "-0.5", "", "a=b", "2022"])
def test_plain_texts_and_numbers_are_unchanged_in_csv(text):
    assert csv_text(text) == text


def test_numbers_are_never_quoted():
    assert csv_value(Decimal("-5.00")) == Decimal("-5.00")
    assert csv_value(-3) == -3
    assert csv_value(None) is None


def test_xlsx_texts_are_string_cells_and_read_back_exactly():
    book = Workbook()
    sheet = book.active
    values = ["=1+1", "#N/A", "-2+3", "普通文字", "控制\x01字符", Decimal("-5.25"), 7]
    for row, value in enumerate(values, start=1):
        xlsx_value(sheet.cell(row=row, column=1), value)
    out = io.BytesIO()
    book.save(out)
    read = load_workbook(io.BytesIO(out.getvalue()), data_only=True).active
    cells = [read.cell(row=row, column=1) for row in range(1, len(values) + 1)]
    assert [c.data_type for c in cells] == ["s", "s", "s", "s", "s", "n", "n"]
    assert [c.value for c in cells] == [
        "=1+1",
        "#N/A",
        "-2+3",
        "普通文字",
        "控制\ufffd字符",
        -5.25,
        7,
    ]


def test_xlsx_text_keeps_the_text_format_for_formula_like_texts():
    cell = Workbook().active["A1"]
    xlsx_text(cell, "=1+1")
    assert (cell.data_type, cell.number_format, cell.value) == ("s", "@", "=1+1")


@pytest.mark.django_db
def test_catalogue_admin_export_quotes_formula_like_names(admin_client):
    import csv

    from budgets.admin.catalogues import FunctionalSubjectResource
    from budgets.models import FunctionalSubject
    from tests.budgets.workbook.test_admin_rows import admin_export

    subject = FunctionalSubject.objects.order_by("id").first()
    FunctionalSubject.objects.filter(pk=subject.pk).update(name="=1+cmd|' /C calc'!A0")
    data = admin_export(admin_client, "functionalsubject", FunctionalSubjectResource(), "csv")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert any("'=1+cmd|' /C calc'!A0" in row for row in rows)
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@")]
