"""A finance bureau administrator loads a new catalogue edition from a file in the admin."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from budgets.models import FunctionalSubject
from tests.html import form_values

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
