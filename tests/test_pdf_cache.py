"""The test processes' PDF cache (tests/conftest.py) is safe only because WeasyPrint is
deterministic: the same HTML gives the same bytes, another HTML other bytes."""

from disclosures.pdf import render

HTML = "<html><body><h1>部门预算</h1><p>{}</p></body></html>"


def test_weasyprint_gives_the_same_bytes_for_the_same_html(_pdf_rendered_once):
    first = render.html_to_pdf(HTML.format("一"))
    _pdf_rendered_once.clear()
    again = render.html_to_pdf(HTML.format("一"))
    assert first == again and first[:5] == b"%PDF-"
    assert render.html_to_pdf(HTML.format("二")) != first


def test_each_html_is_rendered_once(_pdf_rendered_once):
    html = HTML.format("三")
    render.html_to_pdf(html)
    assert render.html_to_pdf(html) is _pdf_rendered_once[html]
