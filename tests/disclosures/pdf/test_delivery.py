"""PDF delivery: rendered in the background, stored once, served as a Chinese-named download."""

import io
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from budgets.models import NarrativeSection
from disclosures.document import disclosure_build
from disclosures.pdf.files import publication_pdf_store
from disclosures.pdf.render import document_html, render_table
from disclosures.services.publishing import publication_create
from tests.disclosures.pdf.conftest import squeeze

URL = "/disclosures/410702/2022/060/"


@pytest.fixture
def published(demo_drafts, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    cache.clear()
    return publication_create(budget=demo_drafts["000"])


def run_worker():
    call_command("task_worker", "--batch", "--no-startup-delay", stdout=io.StringIO())


# The worker closes database connections between tasks (as it must in production), so this
# test cannot live inside a rolled-back transaction; the catalogues are restored afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pdf_is_made_in_the_background_then_served(client, published):
    first = client.get(f"{URL}pdf/")
    assert first.status_code == 202
    assert "正在生成 PDF" in first.content.decode()
    assert DBTaskResult.objects.count() == 1
    client.get(f"{URL}pdf/")  # asking again does not queue a second rendering
    assert DBTaskResult.objects.count() == 1

    run_worker()
    response = client.get(f"{URL}pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    name = quote("新乡市红旗区医疗保障局2022年部门预算.pdf")
    assert response["Content-Disposition"].startswith("attachment; ")
    assert response["Content-Disposition"].endswith(f"filename*=UTF-8''{name}")
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert reader.metadata.author == "新乡市红旗区医疗保障局"

    table = client.get(f"{URL}tables/3.pdf")
    assert table.status_code == 200
    text = squeeze(
        "".join(
            p.extract_text() for p in PdfReader(io.BytesIO(b"".join(table.streaming_content))).pages
        )
    )
    assert "2022年部门支出预算表" in text and "2,297.34" in text
    assert quote("预算03表.pdf") in table["Content-Disposition"]


def test_unpublished_budget_has_no_pdf(client, demo_drafts):
    assert client.get("/disclosures/411200/2023/707/pdf/").status_code == 404
    assert client.get("/disclosures/411200/2023/707/tables/3.pdf").status_code == 404
    assert client.get(f"{URL}tables/13.pdf").status_code == 404


def test_stored_pdf_is_never_rewritten(published):
    assert publication_pdf_store(publication=published, data=b"%PDF-first", filename="a.pdf")
    assert not publication_pdf_store(publication=published, data=b"%PDF-second", filename="a.pdf")
    published.refresh_from_db()
    assert published.pdf.read() == b"%PDF-first"


def test_single_table_pdf_is_one_landscape_page_with_its_own_footer(demo_drafts):
    disclosure = disclosure_build(budget_id=demo_drafts["000"].pk)
    reader = PdfReader(io.BytesIO(render_table(disclosure, 3)))
    assert len(reader.pages) == 1
    page = reader.pages[0]
    assert page.mediabox.width > page.mediabox.height
    assert "第1页共1页" in squeeze(page.extract_text())


def test_user_text_is_escaped_in_the_pdf_source(demo_drafts):
    budget = demo_drafts["000"]
    NarrativeSection.objects.filter(budget=budget, key="main_duties").update(
        text="<script>alert(1)</script><b>职责</b>"
    )
    html = document_html(disclosure_build(budget_id=budget.pk))
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;职责&lt;/b&gt;" in html


@pytest.mark.xdist_group("demo_pdfs")  # 001's document, as in test_document.py
def test_render_pdf_command(demo_drafts, tmp_path):
    target = tmp_path / "out.pdf"
    out = io.StringIO()
    call_command("render_pdf", "411200", "2023", "707", "-o", str(target), stdout=out)
    assert target.read_bytes().startswith(b"%PDF")
    assert "未公开的草稿数据" in out.getvalue()
    with pytest.raises(CommandError, match="没有找到"):
        call_command("render_pdf", "411200", "2023", "999", "-o", str(target))
