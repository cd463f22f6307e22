"""Uploaded workbooks awaiting confirmation are private and removed when done (issue 14, 11)."""

import os
import stat
import time
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from budgets.workbook.export import budget_workbook_export
from budgets.workbook.pending import (
    pending_directory,
    pending_upload_read,
    pending_upload_store,
    pending_uploads_purge,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
URL = "/admin/budgets/budget/workbook/import/"


@pytest.fixture(autouse=True)
def private_dir(tmp_path, settings):
    settings.WORKBOOK_UPLOAD_DIR = str(tmp_path / "uploads")
    return tmp_path / "uploads"


def preview_token(client, data: bytes) -> str:
    file = SimpleUploadedFile("预算.xlsx", data, content_type=XLSX)
    page = BeautifulSoup(client.post(URL, {"workbook": file}).content, "html.parser")
    return page.select_one("input[name=token]")["value"]


def kept(directory) -> list[str]:
    return sorted(p.name for p in directory.glob("*.xlsx"))


def test_a_previewed_upload_is_private_and_removed_after_confirm(admin_client, demo_drafts):
    token = preview_token(admin_client, budget_workbook_export(budget=demo_drafts["001"]))
    directory = pending_directory()
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert stat.S_IMODE((directory / f"{token}.xlsx").stat().st_mode) == 0o600
    response = admin_client.post(URL, {"token": token, "replace": "1"})
    assert response.status_code == 302
    assert kept(directory) == []


def test_cancel_removes_the_upload(admin_client, demo_drafts):
    data = budget_workbook_export(budget=demo_drafts["001"])
    token = preview_token(admin_client, data)
    file = SimpleUploadedFile("预算.xlsx", data, content_type=XLSX)
    page = BeautifulSoup(admin_client.post(URL, {"workbook": file}).content, "html.parser")
    assert "取消" in [b.get_text() for b in page.select("button")]
    assert kept(pending_directory()) == [f"{page.select_one('input[name=token]')['value']}.xlsx"]
    assert pending_upload_read(token=token) is None  # a new preview replaced the old one
    response = admin_client.post(URL, {"cancel": "1"}, follow=True)
    assert "已取消导入" in response.content.decode()
    assert kept(pending_directory()) == []


def test_stale_uploads_are_purged_on_upload_and_by_command(settings):
    settings.WORKBOOK_UPLOAD_MAX_AGE_HOURS = 2
    old, fresh = pending_upload_store(data=b"old"), pending_upload_store(data=b"fresh")
    stale = time.time() - 3 * 3600
    os.utime(pending_directory() / f"{old}.xlsx", (stale, stale))
    assert pending_upload_read(token=old) is None  # too old to confirm
    os.utime(pending_directory() / f"{fresh}.xlsx", (stale, stale))
    pending_upload_store(data=b"new")  # each upload removes the stale ones
    assert len(kept(pending_directory())) == 1
    newest = pending_directory() / kept(pending_directory())[0]
    os.utime(newest, (stale, stale))
    out = StringIO()
    call_command("workbook_uploads_purge", stdout=out)
    assert "已删除 1 个" in out.getvalue() and kept(pending_directory()) == []
    assert pending_uploads_purge() == 0


def test_an_existing_open_directory_is_made_private_and_tokens_are_checked(private_dir):
    private_dir.mkdir(mode=0o777)
    private_dir.chmod(0o777)
    pending_upload_store(data=b"x")
    assert stat.S_IMODE(private_dir.stat().st_mode) == 0o700
    assert pending_upload_read(token="../../etc/passwd") is None
