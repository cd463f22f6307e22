"""Charts: figures read off the frozen tables, drawn as SVG with a text alternative."""

from decimal import Decimal
from types import SimpleNamespace

from bs4 import BeautifulSoup

from disclosures.charts import department_charts, disclosure_charts
from disclosures.models import Publication

D = Decimal


def _charts(code: str) -> dict:
    publication = Publication.objects.get(department_code=code)
    return {chart.key: chart for chart in disclosure_charts(publication.disclosure())}


def _bars(chart) -> list[tuple[str, Decimal, Decimal]]:
    return [(bar.label, bar.value, bar.share) for bar in chart.bars]


def test_charts_of_000_state_the_examples_figures(demo_budgets):
    charts = _charts("060")
    # 000's explanation: 一般公共服务 470.30 (20.47%), 教育 470.00 (20.46%), 卫生健康
    # 1,357.04 (59.07%); 基本 175.53 (7.64%) and 项目 2,121.81 (92.36%).
    assert _bars(charts["functional"]) == [
        ("一般公共服务", D("470.30"), D("20.47")),
        ("教育", D("470.00"), D("20.46")),
        ("卫生健康", D("1357.04"), D("59.07")),
    ]
    assert _bars(charts["basic-project"]) == [
        ("基本支出", D("175.53"), D("7.64")),
        ("项目支出", D("2121.81"), D("92.36")),
    ]
    assert _bars(charts["funding"]) == [("一般公共预算", D("2297.34"), D("100.00"))]
    assert charts["three-public"].is_empty  # 000 has no 三公 budget


def test_charts_of_001(demo_budgets):
    charts = _charts("707")
    # 表六: 社会保障和就业 907.81, 卫生健康 701.01, 住房保障 120.08 (52.51/40.55/6.94 %).
    assert [(b.label, b.share) for b in charts["functional"].bars] == [
        ("社会保障和就业", D("52.51")),
        ("卫生健康", D("40.55")),
        ("住房保障支出", D("6.94")),
    ]
    # 三公: 公务用车运行费 1.50 and 公务接待费 0.50 of 2.00.
    three = {b.label: (b.value, b.share) for b in charts["three-public"].bars}
    assert three["公务用车运行费"] == (D("1.50"), D("75.00"))
    assert three["公务接待费"] == (D("0.50"), D("25.00"))
    assert three["因公出国（境）费"] == (D("0.00"), D("0.00"))


def test_bar_widths_are_proportional(demo_budgets):
    bars = _charts("060")["functional"].bars
    widest = max(bar.width for bar in bars)
    assert widest == 392.0  # the 400-unit drawing less 4 units either side
    # 470.30 / 1,357.04 of the widest bar.
    assert abs(bars[0].width - 392 * 470.30 / 1357.04) < 0.01


def test_disclosure_page_draws_svg_with_text_alternative(client, demo_budgets):
    soup = BeautifulSoup(client.get("/disclosures/410702/2022/060/").content, "html.parser")
    figure = soup.select_one("figure#chart-functional")
    svg = figure.select_one("svg")
    assert svg["role"] == "img"
    assert svg.select_one("title").get_text() == "支出按功能分类（类）"
    assert "卫生健康1,357.04万元，占59.07%" in svg.select_one("desc").get_text()
    assert len(svg.select("rect")) == 3
    data = figure.select_one("details.chart-data table")
    assert [th.get_text() for th in data.select("tbody th")] == ["一般公共服务", "教育", "卫生健康"]
    assert "本年度“三公”经费预算为零" in soup.select_one("#chart-three-public").get_text()
    assert soup.select_one('a[href="#part-charts"]') is not None


def test_department_chart_is_year_over_year():
    publications = [
        SimpleNamespace(
            year=year,
            income_total=D(total),
            basic_total=D(basic),
            project_total=D(project),
            three_public_total=D(three),
        )
        for year, total, basic, project, three in (
            (2023, "1728.90", "1483.80", "245.10", "2.00"),
            (2022, "2297.34", "175.53", "2121.81", "0.00"),
        )
    ]
    totals, three = department_charts(publications)
    assert [bar.label for bar in totals.bars] == [
        "2022年收支总计",
        "2022年基本支出",
        "2022年项目支出",
        "2023年收支总计",
        "2023年基本支出",
        "2023年项目支出",
    ]
    # A gap separates the years: 2023's first bar sits lower than one row after 2022's last.
    assert totals.bars[3].y - totals.bars[2].y > totals.bars[2].y - totals.bars[1].y
    assert [(b.label, b.value) for b in three.bars] == [
        ("2022年", D("0.00")),
        ("2023年", D("2.00")),
    ]


def test_department_page_has_charts(client, demo_budgets):
    soup = BeautifulSoup(client.get("/disclosures/411200/707/").content, "html.parser")
    desc = soup.select_one("#chart-years-totals desc").get_text()
    assert "2023年收支总计1,728.90万元" in desc and "2023年基本支出1,483.80万元" in desc


def _svg_bars(html: str, key: str):
    """(label fill, background under the label) of each value label of chart ``key``,
    read from the rendered SVG: the bar's fill when the label lies on the bar, else white."""
    soup = BeautifulSoup(html, "html.parser")
    for group in soup.select(f"figure#chart-{key} svg g.bar"):
        rect, value = group.find("rect"), group.select_one("text.bar-value")
        start, width = float(rect["x"]), float(rect["width"])
        x = float(value["x"])
        on_bar = value["text-anchor"] == "end" and start < x <= start + width
        yield value, value["fill"], rect["fill"] if on_bar else "#ffffff", x, start + width


def test_value_labels_meet_aa_contrast_and_never_sit_dark_on_a_bar(client, demo_budgets):
    """Issue 16: labels like 470.30（20.47%） were drawn dark on the dark bars."""
    from tests.support.contrast import contrast

    html = client.get("/disclosures/410702/2022/060/").content.decode()
    seen_inside = seen_outside = 0
    for key in ("functional", "basic-project", "funding", "three-public"):
        for value, fill, background, x, bar_end in _svg_bars(html, key):
            assert contrast(fill, background) >= 4.5, (key, value.text, fill, background)
            if value["text-anchor"] == "start":
                assert x > bar_end  # after the bar, on the white card
                seen_outside += 1
            else:
                seen_inside += 1
            assert "dx" not in value.attrs
    assert seen_inside and seen_outside


def test_every_palette_colour_holds_white_text():
    from disclosures.charts.build import PALETTE
    from tests.support.contrast import contrast

    for colour in PALETTE:
        assert contrast(colour, "#ffffff") >= 4.5, colour


def test_long_labels_are_cut_to_the_chart_width():
    from disclosures.charts.build import BAR_WIDTH, Bar, text_width

    bar = Bar("合成市第0007号人力资源和社会保障局及其所属二级预算单位合计", Decimal(1))
    assert bar.label_text.endswith("…") and text_width(bar.label_text) <= BAR_WIDTH
