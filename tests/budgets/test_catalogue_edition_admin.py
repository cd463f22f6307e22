"""导入年度目录 in the admin: upload → preview of the diff → confirm (or cancel)."""

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from budgets.models import FunctionalSubject
from budgets.services.roles import CLERK_GROUP, FINANCE_GROUP
from tests.budgets.test_catalogue_editions import (
    ADDED,
    REMOVED,
    RENAMED,
    budget_of,
    changed_rows,
    to_csv,
    to_xlsx,
)
from tests.factories import LineFactory, RegionFactory, staff_of

pytestmark = pytest.mark.django_db
URL = "admin:catalogue_edition_load"


def upload(client, data: bytes, *, kind="functional", year=2025, name="2025.xlsx"):
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(reverse(URL), {"kind": kind, "year": year, "edition_file": file})


def table(page, table_id: str) -> list[list[str]]:
    found = BeautifulSoup(page, "html.parser").find("table", id=table_id)
    return [[td.get_text() for td in tr.find_all("td")] for tr in found.tbody.find_all("tr")]


def token(page) -> str:
    field = BeautifulSoup(page, "html.parser").find("input", attrs={"name": "token"})
    return field["value"] if field else ""


def names(code: str) -> list[tuple[str, int, int | None]]:
    rows = FunctionalSubject.objects.filter(code=code).order_by("valid_from")
    return [(row.name, row.valid_from, row.valid_to) for row in rows]


def test_finance_bureau_previews_the_diff_then_confirms(client):
    client.force_login(staff_of(FINANCE_GROUP, region=RegionFactory()))
    LineFactory(budget=budget_of(2025, "新乡市红旗区", "红旗区医疗保障局"))  # on 2101501
    changelist = client.get(reverse("admin:budgets_functionalsubject_changelist")).content
    assert reverse(URL).encode() in changelist  # the link to this page
    assert reverse("admin:budgets_functionalsubject_import").encode() in changelist
    assert "导入年度目录" in client.get(reverse(URL)).content.decode()
    page = upload(client, to_xlsx(changed_rows())).content.decode()
    assert "新增 1 项，更名 1 项，删除 1 项" in page
    assert table(page, "added") == [list(ADDED)]
    assert table(page, "renamed") == [list(RENAMED)]
    assert table(page, "removed") == [list(REMOVED)]
    assert table(page, "uses") == [
        [REMOVED[0], "删除", "新乡市红旗区", "红旗区医疗保障局", "2025", "1"]
    ]
    assert names(ADDED[0]) == []  # the preview writes nothing
    done = client.post(reverse(URL), {"token": token(page)}, follow=True)
    assert (
        "已导入 2025 年度支出功能分类：新增 1 项，更名 1 项，删除 1 项。" in done.content.decode()
    )
    assert names(ADDED[0]) == [(ADDED[1], 2025, None)]
    assert names(RENAMED[0]) == [(RENAMED[1], 2022, 2024), (RENAMED[2], 2025, None)]
    assert names(REMOVED[0]) == [(REMOVED[1], 2022, 2024)]
    # The token is spent: posting it again writes nothing more.
    again = client.post(reverse(URL), {"token": token(page)}, follow=True)
    assert "预览已过期" in again.content.decode()


def test_a_bad_file_is_refused_with_its_rows_and_offers_no_confirmation(admin_client):
    before = FunctionalSubject.objects.count()
    page = upload(
        admin_client, to_csv([["2101", "四位编码"], ["2022-01-05", "日期"]]), name="a.csv"
    )
    text = page.content.decode()
    assert "第 2 行：科目编码“2101”应为 3/5/7 位数字" in text
    assert "第 3 行：科目编码“2022-01-05”应为 3/5/7 位数字" in text
    assert "未写入任何内容" in text
    assert token(text) == ""
    assert "catalogue_edition" not in admin_client.session
    assert FunctionalSubject.objects.count() == before


def test_cancel_removes_the_upload_and_a_changed_catalogue_refuses_the_confirmation(admin_client):
    page = upload(admin_client, to_xlsx(changed_rows())).content.decode()
    admin_client.post(reverse(URL), {"cancel": "1"})
    done = admin_client.post(reverse(URL), {"token": token(page)}, follow=True)
    assert "预览已过期" in done.content.decode()
    page = upload(admin_client, to_xlsx(changed_rows())).content.decode()
    FunctionalSubject.objects.filter(code="2101599").update(name="别人刚改的名称")
    done = admin_client.post(reverse(URL), {"token": token(page)}, follow=True)
    assert "目录在预览之后已被修改，未写入任何内容" in done.content.decode()
    assert names(ADDED[0]) == []


def test_a_file_equal_to_the_loaded_edition_needs_no_import(admin_client):
    rows = [[s.code, s.name] for s in FunctionalSubject.objects.valid_in(2024).order_by("code")]
    page = upload(admin_client, to_csv(rows), year=2024, name="2024.csv").content.decode()
    assert "无需导入" in page
    assert token(page) == ""


def test_clerks_may_not_load_an_edition_and_oversized_files_are_not_read(client, settings):
    client.force_login(staff_of(CLERK_GROUP, region=None, username="clerk"))
    assert client.get(reverse(URL)).status_code == 403
    client.force_login(staff_of(FINANCE_GROUP, region=RegionFactory(), username="bureau"))
    data = to_xlsx(changed_rows())
    settings.WORKBOOK_UPLOAD_MAX_BYTES = len(data) - 1
    assert "文件过大" in upload(client, data).content.decode()
    assert names(ADDED[0]) == []
