"""The whole disclosure PDF: structure, page footers, orientation, fonts, outline, figures."""

import re

import pytest

from tests.disclosures.pdf.conftest import squeeze

# The session fixture needs the test database set up, which pytest-django does only for
# sessions that contain database tests.
# Under pytest-xdist the module runs in one process: the demo PDFs are rendered once.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo_pdfs")]

KEYS = ["000", "001"]


@pytest.mark.parametrize("key", KEYS)
def test_every_table_title_and_part_is_in_the_text(demo_pdfs, key):
    pdf = demo_pdfs[key]
    text = pdf.flat_text()
    year = pdf.disclosure.year
    titles = [
        f"{year}年部门收支预算表",
        f"{year}年部门收入预算表",
        f"{year}年部门支出预算表",
        f"{year}年财政拨款收支总体情况表",
        f"{year}年一般公共预算支出预算表",
        f"{year}年一般公共预算基本支出表",
        f"{year}年支出经济分类汇总表",
        f"{year}年一般公共预算“三公”经费预算表",
        f"{year}年政府性基金支出预算表",
        f"{year}年项目支出预算表",
        "整体绩效目标表",
        "项目绩效目标表",
    ]
    for title in titles + ["目录", "第一部分", "第二部分", "第三部分名词解释", "附件"]:
        assert squeeze(title) in text, title
    assert [t.title for t in pdf.disclosure.tables][0] == titles[0]


@pytest.mark.parametrize("key", KEYS)
def test_footer_counts_pages(demo_pdfs, key):
    pages = demo_pdfs[key].page_texts()
    total = len(pages)
    assert total > 12  # cover, contents, three parts and twelve tables
    # Cover and contents carry no footer; every other page says 第 X 页 共 Y 页.
    for number, text in enumerate(pages[2:], start=3):
        assert f"第{number}页共{total}页" in squeeze(text), number
    assert "共" not in squeeze(pages[0])


@pytest.mark.parametrize("key", KEYS)
def test_wide_tables_are_landscape_and_text_is_portrait(demo_pdfs, key):
    pdf = demo_pdfs[key]
    pages = pdf.reader.pages
    texts = [squeeze(t) for t in pdf.page_texts()]

    def page_of(fragment):
        # From page 3 on: the contents page lists every title too.
        return next(i for i, text in enumerate(texts) if i >= 2 and squeeze(fragment) in text)

    def landscape(i):
        box = pages[i].mediabox
        return box.width > box.height

    year = pdf.disclosure.year
    assert landscape(page_of(f"{year}年部门支出预算表"))  # table 3: 14 columns
    assert landscape(page_of(f"{year}年项目支出预算表"))  # table 10
    assert not landscape(page_of("第二部分"))
    assert not landscape(page_of(f"{year}年一般公共预算“三公”经费预算表"))  # 6 columns


@pytest.mark.parametrize("key", KEYS)
def test_cjk_fonts_are_embedded_subsets_with_a_real_bold(demo_pdfs, key):
    fonts = {}
    for page in demo_pdfs[key].reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    assert fonts and all(fonts.values())
    names = list(fonts)
    # Subset tag, e.g. /ABCDEF+Noto-Sans-CJK-SC.
    assert all(re.match(r"^/?[A-Z]{6}\+", name) for name in names), names
    assert any("CJK" in name and "Bold" in name for name in names)
    assert any("CJK" in name and "Bold" not in name for name in names)


@pytest.mark.parametrize("key", KEYS)
def test_outline_has_each_part_and_each_table(demo_pdfs, key):
    pdf = demo_pdfs[key]
    outline = pdf.reader.outline

    def titles(items):
        for item in items:
            if isinstance(item, list):
                yield from titles(item)
            else:
                yield item.title

    found = [squeeze(t) for t in titles(outline)]
    for part in ("第一部分", "第二部分", "第三部分", "附件"):
        assert any(t.startswith(part) for t in found), part
    for table in pdf.disclosure.tables:
        assert squeeze(table.title) in found, table.title


@pytest.mark.parametrize("key", KEYS)
def test_metadata(demo_pdfs, key):
    pdf = demo_pdfs[key]
    meta = pdf.reader.metadata
    assert meta.title == f"{pdf.disclosure.department_name}{pdf.disclosure.year}年部门预算"
    assert meta.author == pdf.disclosure.department_name


def test_contents_page_numbers_point_at_the_parts(demo_pdfs):
    pdf = demo_pdfs["000"]
    texts = [squeeze(t) for t in pdf.page_texts()]
    contents = texts[1]
    start = next(i for i, t in enumerate(texts) if t.startswith("第二部分")) + 1
    # The contents line of 第二部分 ends with its page number.
    line = next(
        line for line in pdf.page_texts()[1].splitlines() if squeeze(line).startswith("第二部分")
    )
    assert squeeze(line).endswith(str(start)), (line, start)
    assert "目录" in contents


def test_000_figures_of_the_explanation_equal_the_example(demo_pdfs):
    text = demo_pdfs["000"].flat_text()
    for expected in [
        # 第二部分 of example 000 (figures with thousands separators).
        "收入总计2,297.34万元，支出总计2,297.34万元",
        "收入增加215.94万元，增长10.37%",
        "基本支出175.53万元，占7.64%；项目支出2,121.81万元，占92.36%",
        "卫生健康支出1,357.04万元，占59.07%",
        "人员经费163.85万元，占93.35%；公用经费11.68万元，占6.65%",
        # Table 3's total row and table 6's total.
        "2,121.81",
        "163.85",
    ]:
        assert expected in text, expected


def test_001_figures_of_the_explanation_equal_the_tables(demo_pdfs):
    text = demo_pdfs["001"].flat_text()
    for expected in [
        "收入合计1,728.90万元",  # the example's 1269.99 is last year's figure
        "基本支出1,483.80万元，占85.82%；项目支出245.10万元，占14.18%",
        "人员经费1,433.75万元，占96.63%；公用经费50.05万元，占3.37%",  # 表六, not 1433.7/50.00
        "“三公”经费预算为2.00万元",
    ]:
        assert expected in text, expected


def test_charts_are_drawn_in_the_explanation(demo_pdfs):
    pdf = demo_pdfs["000"]
    texts = [squeeze(t) for t in pdf.page_texts()]
    page = next(i for i, text in enumerate(texts) if "支出按功能分类（类）" in text)
    # The same figures as the web page's chart: 卫生健康 1,357.04 (59.07%), 基本 7.64%.
    assert "卫生健康1,357.04（59.07%）" in texts[page]
    assert "基本支出175.53（7.64%）" in pdf.flat_text()
    # Drawn in the 情况说明 part, before the tables.
    assert page < next(i for i, text in enumerate(texts) if "第三部分名词解释" in text and i > 1)
