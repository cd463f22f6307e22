"""End to end in a real browser: Debian's headless Chromium driven by Playwright.

JavaScript is switched off in the browser: every step (search, contents links, downloads)
must work without it. Runs on a desktop and a 375 px phone viewport. With
``SCREENSHOTS_DIR`` set (``scripts/screenshots.sh``), saves the home and disclosure pages.
"""

import io
import os
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from disclosures.models import Publication
from disclosures.pdf.tasks import publication_render_pdfs

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 375, "height": 812}}

pytestmark = [
    pytest.mark.skipif(
        not shutil.which(CHROMIUM),
        reason=f"没有找到 Chromium（{CHROMIUM}）：scripts/setup.sh 会安装它",
    ),
    # The live server needs committed data (a transactional test). Serialized rollback
    # restores the migrated rows (catalogues, groups) afterwards and stops the flush from
    # re-running post_migrate, which on PostgreSQL would recreate the groups under new ids
    # and break the next serialized-rollback test's restore.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def published_site(live_server, demo_budgets, settings, tmp_path):
    """Both demos published on a live server; 000's PDFs rendered by the real task."""
    settings.MEDIA_ROOT = tmp_path
    publication_render_pdfs.call(Publication.objects.get(department_code="060").pk)
    return live_server.url


def _screenshot(page, name: str) -> None:
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def _page_does_not_scroll_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_citizen_finds_reads_and_downloads_a_disclosure(published_site, browser, viewport):
    context = browser.new_context(
        viewport=VIEWPORTS[viewport], java_script_enabled=False, accept_downloads=True
    )
    page = context.new_page()

    # Home: the latest disclosures with their totals.
    page.goto(published_site + "/")
    assert page.locator("h1").inner_text() == "部门预算公开"
    row = page.locator("table.list tr", has_text="新乡市红旗区医疗保障局")
    assert "2,297.34" in row.inner_text()
    assert _page_does_not_scroll_sideways(page)
    _screenshot(page, f"home-{viewport}")

    # Search (a plain GET form) and open the disclosure from a result.
    page.fill("#q", "困难群众")
    page.click("form.search-form button")
    assert "共找到 2 条" in page.inner_text("main")
    page.click("ol.results li a >> nth=0")
    assert page.locator("h1").inner_text() == "新乡市红旗区医疗保障局2022年部门预算"
    _screenshot(page, f"disclosure-{viewport}")

    # Jump to table 7 from the contents; its total is the budget's 2,297.34.
    page.click('nav.toc a[href="#table-7"]')
    assert page.url.endswith("#table-7")
    box = page.locator("#table-7").bounding_box()
    assert -1 <= box["y"] < VIEWPORTS[viewport]["height"]  # sub-pixel scroll offsets
    total = page.locator("#table-7 tr.row-total").first.inner_text()
    assert "2,297.34" in total
    # Wide tables scroll inside their own box, never the page.
    assert _page_does_not_scroll_sideways(page)
    if viewport == "phone":
        assert page.evaluate(
            "(() => { const b = document.querySelector('#table-3 .table-scroll');"
            " return b.scrollWidth > b.clientWidth; })()"
        )

    # The PDF report: the document's text has the department and its total.
    with page.expect_download() as download:
        page.click("section.downloads a:has-text('PDF 报告')")
    assert download.value.suggested_filename == "新乡市红旗区医疗保障局2022年部门预算.pdf"
    reader = PdfReader(download.value.path())
    text = "".join(p.extract_text() for p in reader.pages).replace(" ", "")
    assert "新乡市红旗区医疗保障局" in text and "2,297.34" in text

    # Table 3 as XLSX: 基本支出 175.53 and 项目支出 2,121.81 (example's 表三).
    with page.expect_download() as download:
        page.click("#table-3 .table-downloads a:has-text('Excel')")
    assert download.value.suggested_filename == "新乡市红旗区医疗保障局2022年预算03表.xlsx"
    book = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    values = [v for row in book["预算03表"].iter_rows(values_only=True) for v in row]
    assert 175.53 in values and 2121.81 in values and 2297.34 in values
    context.close()
