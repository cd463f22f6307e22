"""The Hubei PDF is the tables only (as 002 publishes it): no cover, 目录 or parts."""

import io
import re

import pytest
from pypdf import PdfReader

from disclosures.document import disclosure_build
from disclosures.pdf.render import document_html, render_document
from tests.support import golden_002 as g

pytestmark = pytest.mark.django_db


def test_the_002_pdf_is_its_eight_tables_one_a_page(demo_budgets):
    disclosure = disclosure_build(budget_id=demo_budgets["002"].pk)
    html = document_html(disclosure)
    assert 'class="cover"' not in html and 'class="toc"' not in html and "第一部分" not in html
    reader = PdfReader(io.BytesIO(render_document(disclosure)))
    texts = [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]
    assert len(texts) == len(g.TITLES) == 8
    for text, title in zip(texts, g.TITLES.values(), strict=True):
        assert text.startswith(title)
    assert "2582.46" in texts[0] and "2,582.46" not in texts[0]
