"""Accessibility of the public pages, checked on the rendered HTML."""

import re

import pytest
from bs4 import BeautifulSoup

PAGES = (
    "/",
    "/disclosures/?q=医疗",
    "/disclosures/411200/707/",
    "/disclosures/410702/2022/060/",
    "/disclosures/410702/2022/060/tables/",
    "/disclosures/410702/2022/060/tables/3/",
)


@pytest.mark.parametrize("url", PAGES)
def test_page_is_accessible(client, demo_budgets, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.html["lang"] == "zh-Hans"
    assert soup.select_one("a.skip-link")["href"] == "#main"
    # Headings in order: one h1, and no level skipped on the way down.
    levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    # Every header cell says what it heads.
    assert all(th.get("scope") in {"col", "colgroup", "row"} for th in soup.find_all("th"))
    # Every form field has a label; scrolling table boxes can be reached by keyboard.
    for field in soup.select("input:not([type=hidden]), select"):
        assert soup.select_one(f'label[for="{field["id"]}"]') is not None
    for box in soup.select(".table-scroll"):
        assert box["tabindex"] == "0" and box.get("aria-label")
    # Charts are images with a name and a description.
    for svg in soup.select("svg"):
        assert svg["role"] == "img" and svg.select_one("title") and svg.select_one("desc")
