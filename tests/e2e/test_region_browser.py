"""The region page, charts and tables in a real browser at 1,280 and 375 px (issue 16).

Debian's Chromium through Playwright, JavaScript off in the page (``evaluate`` still runs
the test's own measurements). Colours and sizes are read from the rendered page:
each chart value label's fill against what lies under it (its bar's fill when drawn on
the bar, else the card's white), every table cell's width against its CSS minimum, and
the page's scroll width. With ``SCREENSHOTS_DIR`` set, saves the region page.
"""

import os
import shutil

import pytest

from bench.portal_data import REGION_CODE, synthetic_region
from tests.e2e.test_portal_browser import CHROMIUM, VIEWPORTS, _screenshot
from tests.support.contrast import contrast

pytestmark = [
    pytest.mark.skipif(
        not shutil.which(CHROMIUM),
        reason=f"没有找到 Chromium（{CHROMIUM}）：scripts/setup.sh 会安装它",
    ),
    # Committed data for the live server; see test_portal_browser.py for why serialized.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# For every chart value label: its fill, the fill of the bar under it (or null), and
# whether it lies wholly inside the bar or wholly outside every bar.
LABELS = """() => [...document.querySelectorAll('figure.chart svg g.bar')].map(g => {
  const text = g.querySelector('text.bar-value'), rect = g.querySelector('rect');
  const t = text.getBBox(), r = rect.getBBox();
  const inside = t.x >= r.x && t.x + t.width <= r.x + r.width;
  const outside = t.x >= r.x + r.width || t.x + t.width <= r.x;
  return {text: text.textContent, fill: getComputedStyle(text).fill,
          bar: getComputedStyle(rect).fill, inside, outside,
          background: getComputedStyle(document.body).backgroundColor};
})"""
# Rendered font size of chart text (px) and how much of its card each chart fills.
CHART_SIZES = """() => [...document.querySelectorAll('figure.chart svg')].map(svg => {
  const box = svg.getBoundingClientRect(), card = svg.closest('figure');
  const style = getComputedStyle(card);
  const inner = card.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const scale = box.width / svg.viewBox.baseVal.width;
  return {font: scale * parseFloat(svg.getAttribute('font-size')), fill: box.width / inner};
})"""
# Text cells narrower than the minimum this test sets (six characters of their font),
# whatever the CSS says: on a phone names once shrank to one or two characters a line.
NARROW = """() => [...document.querySelectorAll(
    'table.disclosure td.text, table.comparison tbody th')].filter(c => {
  const size = parseFloat(getComputedStyle(c).fontSize);
  return c.textContent.trim() && c.getBoundingClientRect().width + 0.5 < 6 * size;
}).map(c => c.textContent.slice(0, 20))"""
NO_SIDEWAYS = "document.documentElement.scrollWidth <= window.innerWidth"


@pytest.fixture
def region_site(live_server, demo_budgets):
    synthetic_region(departments=12, years=(2023, 2024), verbose=False)
    return live_server.url


def _check_charts(page) -> None:
    labels = page.evaluate(LABELS)
    assert labels
    for label in labels:
        assert label["inside"] or label["outside"], label
        background = label["bar"] if label["inside"] else label["background"]
        assert contrast(label["fill"], background) >= 4.5, label
    for chart in page.evaluate(CHART_SIZES):
        assert chart["fill"] > 0.97, chart  # the drawing fills its card
        assert chart["font"] >= 11.5, chart  # readable on a phone


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_region_page_charts_and_tables_read_at_every_width(region_site, browser, viewport):
    context = browser.new_context(viewport=VIEWPORTS[viewport], java_script_enabled=False)
    page = context.new_page()

    page.goto(f"{region_site}/disclosures/{REGION_CODE}/?year=2024")
    assert page.locator("h1").inner_text() == "合成市2024年各部门预算对比"
    assert page.locator("table.comparison tbody tr").count() == 12
    _check_charts(page)
    assert page.evaluate(NARROW) == []
    assert page.evaluate(NO_SIDEWAYS)
    _screenshot(page, f"region-{viewport}")
    if os.environ.get("SCREENSHOTS_DIR"):
        folder = os.environ["SCREENSHOTS_DIR"]
        page.locator("section.charts").screenshot(path=f"{folder}/region-charts-{viewport}.png")
    # Sorting is a link: 基本支出, smallest first after a second click.
    page.click("table.comparison thead a:has-text('基本支出')")
    assert "sort=basic&order=desc" in page.url
    page.click("table.comparison thead a:has-text('基本支出')")
    assert "sort=basic&order=asc" in page.url
    assert page.locator("th[aria-sort=ascending]").inner_text().startswith("基本支出")

    # A disclosure: its charts, and tables 2 and 3 whose names kept their width.
    page.goto(f"{region_site}/disclosures/410702/2022/060/")
    _check_charts(page)
    assert page.evaluate(NARROW) == []
    assert page.evaluate(NO_SIDEWAYS)
    name = page.locator("#table-3 td.text").first
    assert name.bounding_box()["width"] >= 7 * 13 - 1  # 7em at the phone's 13 px

    # Home: each filter's label sits beside its field.
    page.goto(f"{region_site}/")
    for field in ("region", "year", "department"):
        label = page.locator(f"label[for={field}]").bounding_box()
        box = page.locator(f"#{field}").bounding_box()
        middle = label["y"] + label["height"] / 2
        assert box["y"] <= middle <= box["y"] + box["height"], field
    assert page.evaluate(NO_SIDEWAYS)
    # The icon is there for the browser's tab.
    assert page.request.get(f"{region_site}/favicon.ico").status == 200
    context.close()
