"""A finance bureau administrator loads a new catalogue edition from a file in the admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from budgets.models import FunctionalSubject
from tests.support.html import form_values

pytestmark = pytest.mark.django_db


def test_admin_imports_a_new_edition_from_csv(admin_client):
    content = (
        "code,name,short_name,valid_from,valid_to\n"
        "2101598,测试新增医疗保障科目,,2025,\n"
        "21015,医疗保障管理事务,,2022,\n"
    ).encode()
    url = reverse("admin:budgets_functionalsubject_import")
    page = admin_client.get(url).content.decode()
    data = form_values(page)
    data["format"] = next(value for value in _format_options(page) if "csv" in value[1].lower())[0]
    data["import_file"] = SimpleUploadedFile("edition2025.csv", content, content_type="text/csv")
    preview = admin_client.post(url, data)
    assert preview.status_code == 200
    assert not FunctionalSubject.objects.filter(code="2101598").exists()  # preview only
    confirm_url = reverse("admin:budgets_functionalsubject_process_import")
    confirm = form_values(preview.content.decode(), action=confirm_url)
    done = admin_client.post(confirm_url, confirm)
    assert done.status_code == 302
    entry = FunctionalSubject.objects.get(code="2101598")
    assert (entry.level, entry.valid_from, entry.valid_to) == ("item", 2025, None)


def _format_options(page):
    from bs4 import BeautifulSoup

    select = BeautifulSoup(page, "html.parser").find("select", attrs={"name": "format"})
    return [(o.get("value"), o.get_text()) for o in select.find_all("option")]


def _xlsx(rows, date: bool = True) -> bytes:
    import datetime
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["code", "name", "short_name", "valid_from", "valid_to"])
    for row in rows:
        sheet.append(row)
    if date:
        sheet["A2"].value = datetime.datetime(2022, 1, 1)  # a code Excel turned into a date
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _preview(admin_client, content: bytes, name: str = "edition.xlsx"):
    url = reverse("admin:budgets_functionalsubject_import")
    page = admin_client.get(url).content.decode()
    data = form_values(page)
    data["format"] = next(value for value in _format_options(page) if "xlsx" in value[1].lower())[0]
    data["import_file"] = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return admin_client.post(url, data)


def test_dates_fractions_formulas_and_empty_names_are_refused_and_nothing_written(admin_client):
    """A date cell became code ``2022-01-01 00:00:00`` and a formula an empty name (issue 14)."""
    before = FunctionalSubject.objects.count()
    codes = _xlsx(
        [
            [None, "日期单元格", None, 2025, None],
            [2101599.5, "小数编码", None, 2025, None],
            ["2101", "四位编码", None, 2025, None],
            ["2101598", "正确的一行", None, 2025, None],
        ]
    )
    text = _preview(admin_client, codes).content.decode()
    assert "科目编码“2022-01-01 00:00:00”应为数字" in text
    assert "科目编码“2101599.5”应为数字" in text
    assert "科目编码“2101”应为 3/5/7 位数字" in text
    assert 'name="import_file_name"' not in text  # no confirm form: nothing can be written
    names = _xlsx([["2101597", '=CONCAT("医疗","保障")', None, 2025, None]], date=False)
    text = _preview(admin_client, names).content.decode()
    assert "科目名称不能为空" in text
    assert 'name="import_file_name"' not in text
    assert FunctionalSubject.objects.count() == before


def test_catalogue_upload_over_the_limit_or_a_bomb_is_refused_unread(admin_client, settings):
    from tests.support import hostile

    content = _xlsx([[None, "日期单元格", None, 2025, None]])
    settings.WORKBOOK_UPLOAD_MAX_BYTES = len(content) - 1
    assert "文件过大" in _preview(admin_client, content).content.decode()
    settings.WORKBOOK_UPLOAD_MAX_BYTES = 10 * 1024**2
    bomb = hostile.strings_bomb(content, megabytes=100)
    assert "疑似压缩炸弹" in _preview(admin_client, bomb).content.decode()


def test_shipped_catalogue_codes_are_checked_when_loading():
    from budgets.services.catalogues import catalogue_code_clean, catalogue_name_clean

    assert catalogue_code_clean(201, lengths={3: "category"}) == "201"
    for bad in ("2022-01-01 00:00:00", "201.0", "２０１", "20", True, 201.0, None):
        with pytest.raises(ValueError):
            catalogue_code_clean(bad, lengths={3: "category"})
    with pytest.raises(ValueError, match="不能为空"):
        catalogue_name_clean("  ")
