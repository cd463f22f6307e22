"""The figures behind each chart (万元): the publication's key figures, never recomputed."""

from dataclasses import dataclass, field
from decimal import Decimal

from budgets.fields import ZERO
from disclosures.document import Disclosure
from disclosures.narrative.shares import shares
from disclosures.templatetags.amounts import amount_or_zero, percent

# Bar colours: each has at least 4.5:1 contrast with white, so a bar shows on the white
# card (WCAG non-text contrast, 3:1) and a white value label on the bar is AA text.
PALETTE = ("#8b1a1a", "#1a5fb4", "#2e6b30", "#6a3d9a", "#8f4400")
TEXT, LIGHT_TEXT = "#1a1a1a", "#ffffff"
# One row per bar: its label on a line of its own, the bar below at the full width of the
# chart, so a phone (about 330 px of card at 375 px) draws the 15-unit text at 12 px.
CHART_WIDTH, PAD, FONT_SIZE = 400, 4, 15
BAR_WIDTH = CHART_WIDTH - 2 * PAD
LABEL_BASELINE, BAR_TOP, BAR_HEIGHT, VALUE_BASELINE = 15, 21, 22, 37
ROW_HEIGHT, GROUP_GAP, TOP = 50, 12, 4
VALUE_GAP = 6  # between a bar's end and its value label


def text_width(text: str, size: int = FONT_SIZE) -> float:
    """The drawn width of ``text`` (SVG units), a little over the real one: a CJK or
    full-width character is one em, a digit or a Latin character about 0.6 em."""
    return sum(size if ord(ch) > 0x2E7F else size * 0.62 for ch in text)


def fitted(text: str, width: float) -> str:
    """``text`` cut with ``…`` to fit ``width`` (the full text stays in ``<desc>``)."""
    if text_width(text) <= width:
        return text
    while text and text_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


@dataclass
class Bar:
    """One bar: its label, amount (万元), share of the chart's whole (%, or None)."""

    label: str
    value: Decimal
    share: Decimal | None = None
    series: int = 0
    group: str = ""
    # Geometry, filled by ``Chart.lay_out`` (SVG user units).
    y: int = 0
    width: float = 0.0
    inside: bool = False  # value label drawn on the bar (light) rather than after it

    @property
    def colour(self) -> str:
        return PALETTE[self.series % len(PALETTE)]

    @property
    def value_text(self) -> str:
        share = f"（{percent(self.share)}）" if self.share is not None else ""
        return f"{amount_or_zero(self.value)}{share}"

    @property
    def label_text(self) -> str:
        return fitted(self.label, BAR_WIDTH)

    @property
    def value_x(self) -> float:
        end = PAD + self.width
        return round(end - VALUE_GAP if self.inside else end + VALUE_GAP, 1)

    @property
    def value_anchor(self) -> str:
        return "end" if self.inside else "start"

    @property
    def value_fill(self) -> str:
        return LIGHT_TEXT if self.inside else TEXT

    def place_value(self) -> None:
        """After the bar when it fits there, else on the bar in white (never dark on dark)."""
        room_after = CHART_WIDTH - PAD - (PAD + self.width) - VALUE_GAP
        self.inside = text_width(self.value_text) > room_after


@dataclass
class Chart:
    """A horizontal bar chart with its title and text alternative."""

    key: str
    title: str
    bars: list[Bar] = field(default_factory=list)
    empty_message: str = "本年度没有这项支出。"
    unit: str = "万元"

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)

    @property
    def width(self) -> int:
        return CHART_WIDTH

    @property
    def bar_x(self) -> int:
        return PAD

    @property
    def font_size(self) -> int:
        return FONT_SIZE

    @property
    def text_colour(self) -> str:
        return TEXT

    @property
    def height(self) -> int:
        if not self.bars:
            return TOP * 2
        return self.bars[-1].y + ROW_HEIGHT + TOP

    @property
    def description(self) -> str:
        """Every figure the chart shows, as one sentence (the SVG's ``<desc>``)."""
        if self.is_empty:
            return self.empty_message
        parts = [f"{bar.label}{amount_or_zero(bar.value)}万元{_share(bar)}" for bar in self.bars]
        return f"{self.title}（单位：{self.unit}）：" + "；".join(parts) + "。"

    def lay_out(self) -> "Chart":
        """Place the bars: widths proportional to the largest value, gaps between groups."""
        largest = max((bar.value for bar in self.bars), default=ZERO)
        y, group = TOP, None
        for index, bar in enumerate(self.bars):
            if index and bar.group != group:
                y += GROUP_GAP
            group = bar.group
            bar.y = y
            bar.width = float(bar.value / largest * BAR_WIDTH) if largest > 0 else 0.0
            bar.place_value()
            y += ROW_HEIGHT
        return self


def _share(bar: Bar) -> str:
    return f"，占{percent(bar.share)}" if bar.share is not None else ""


def _with_shares(chart: Chart) -> Chart:
    for bar, value in zip(chart.bars, shares([bar.value for bar in chart.bars]), strict=True):
        bar.share = value
    return chart.lay_out()


def functional_chart(disclosure: Disclosure) -> Chart:
    """Expenditure by 功能分类 类 (every source), from the key figures."""
    bars = [
        Bar(category.short_name or category.name, category.amount)
        for category in disclosure.key_figures.categories
        if category.amount
    ]
    return _with_shares(Chart("functional", "支出按功能分类（类）", bars))


def basic_project_chart(disclosure: Disclosure) -> Chart:
    """基本支出 vs 项目支出."""
    figures = disclosure.key_figures
    bars = [
        Bar("基本支出", figures.basic, series=0),
        Bar("项目支出", figures.project, series=1),
    ]
    return _with_shares(Chart("basic-project", "基本支出与项目支出", bars))


def funding_chart(disclosure: Disclosure) -> Chart:
    """Income by funding source, 上年结转结余 as one source."""
    figures = disclosure.key_figures
    named = [(source.label, source.amount) for source in figures.sources]
    named.append(("上年结转结余", figures.carried_over))
    bars = [
        Bar(label, value, series=n) for n, (label, value) in enumerate(v for v in named if v[1])
    ]
    return _with_shares(Chart("funding", "收入按资金来源", bars))


THREE_PUBLIC_ITEMS = (
    ("outbound", "因公出国（境）费"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运行费"),
    ("reception", "公务接待费"),
)


def three_public_chart(disclosure: Disclosure) -> Chart:
    """“三公”经费 by item."""
    figures = disclosure.key_figures.three_public
    bars = [Bar(label, figures.get(key) or ZERO) for key, label in THREE_PUBLIC_ITEMS]
    chart = _with_shares(Chart("three-public", "“三公”经费按项目", bars))
    chart.empty_message = "本年度“三公”经费预算为零。"
    return chart


def disclosure_charts(disclosure: Disclosure) -> list[Chart]:
    """The four charts of a disclosure page (and the PDF)."""
    return [
        functional_chart(disclosure),
        basic_project_chart(disclosure),
        funding_chart(disclosure),
        three_public_chart(disclosure),
    ]


def department_charts(publications) -> list[Chart]:
    """Year over year for one department, oldest year first, from the denormalised headline."""
    ordered = sorted(publications, key=lambda p: p.year)
    totals = Chart("years-totals", "历年收支总计、基本支出和项目支出")
    three = Chart("years-three-public", "历年“三公”经费")
    for publication in ordered:
        year = f"{publication.year}年"
        for series, (label, value) in enumerate(
            (
                ("收支总计", publication.income_total),
                ("基本支出", publication.basic_total),
                ("项目支出", publication.project_total),
            )
        ):
            totals.bars.append(Bar(f"{year}{label}", value, series=series, group=year))
        three.bars.append(Bar(year, publication.three_public_total, group=year))
    three.empty_message = "历年“三公”经费预算均为零。"
    return [totals.lay_out(), three.lay_out()]
