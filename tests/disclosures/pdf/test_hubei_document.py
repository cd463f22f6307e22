"""The Hubei PDF is the tables only (as 002 publishes it): no cover, 目录 or parts."""

import io
import re

import pytest
from pypdf import PdfReader

from disclosures.document import disclosure_build
from disclosures.pdf.render import document_html, render_document
from tests.disclosures import golden_002_forms as forms
from tests.support import golden_002 as g

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_pdfs")]


def test_the_002_pdf_is_its_eight_tables_one_a_page_then_its_forms(demo_budgets):
    disclosure = disclosure_build(budget_id=demo_budgets["002"].pk)
    html = document_html(disclosure)
    assert 'class="cover"' not in html and 'class="toc"' not in html and "第一部分" not in html
    reader = PdfReader(io.BytesIO(render_document(disclosure)))
    texts = [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]
    for text, title in zip(texts[:8], g.TITLES.values(), strict=True):
        assert text.startswith(title)
    assert "2582.46" in texts[0] and "2,582.46" not in texts[0]
    # （九）: each project's form starts a page (its parts flow on), then （十） starts one.
    starts = [
        t for t in texts[8:] if t.startswith(forms.FORMS_HEADING) or "年度和中期规划" in t[:40]
    ]
    first = forms.PROJECTS[0]["title"]
    assert texts[8].startswith(f"{forms.FORMS_HEADING}{first}")
    assert [p["title"] for p in forms.PROJECTS if any(p["title"] in t[:60] for t in starts)] == [
        p["title"] for p in forms.PROJECTS
    ]
    department = [t for t in texts if t.startswith(forms.DEPARTMENT_HEADING)]
    assert len(department) == 1 and "2478.44" in department[0] and "26%" in department[0]
    whole = "".join(texts)
    for figure in ("1805.62", "1895.90", "19579.96", "21630.19"):
        assert figure in whole
    assert len(texts) < 8 + 3 * 9 + 11  # the forms' parts do not take a page each
