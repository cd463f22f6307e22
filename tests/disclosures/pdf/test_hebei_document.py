"""The Hebei PDF in 003's order: the nine tables, then 第一部分 情况说明; no cover or 目录."""

import io
import re

import pytest
from pypdf import PdfReader

from disclosures.document import disclosure_build
from disclosures.pdf.render import document_html, render_document
from tests.disclosures import golden_003 as g

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_pdfs")]


def test_the_003_pdf_is_its_nine_tables_then_the_explanation(demo_budgets):
    disclosure = disclosure_build(budget_id=demo_budgets["003"].pk)
    html = document_html(disclosure)
    assert 'class="cover"' not in html and 'class="toc"' not in html
    reader = PdfReader(io.BytesIO(render_document(disclosure)))
    texts = [re.sub(r"\s+", "", page.extract_text() or "") for page in reader.pages]
    starts = [next(i for i, t in enumerate(texts) if t.startswith(title)) for title in g.TITLES]
    assert starts == sorted(starts)  # each table on its own page(s), in 003's order
    first = texts[0]
    assert "".join(g.HEADER_LINE) in first and "栏次1234" in first
    assert "三十一、人行科目" in first and "二十四、预备费" in first
    heading = "第一部分保定市徐水区医疗保障局2024年部门预算信息公开情况说明"
    where = next(i for i, t in enumerate(texts) if heading in t)
    assert where > starts[-1]  # the 情况说明 follows the last table
    basic = texts[starts[5]]
    assert "合计417.44390.7126.73" in basic  # B-5: printed 417.43
