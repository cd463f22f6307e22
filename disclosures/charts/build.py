"""The figures behind each chart (万元): the publication's key figures, never recomputed."""

from dataclasses import dataclass, field
from decimal import Decimal

from budgets.fields import ZERO
from disclosures.document import Disclosure
from disclosures.narrative.shares import shares
from disclosures.templatetags.amounts import amount_or_zero, percent

# Bar colours: each has at least 3:1 contrast on white (WCAG non-text contrast).
PALETTE = ("#8b1a1a", "#1a5fb4", "#2e7d32", "#6a3d9a", "#9c4a00")
LABEL_WIDTH, BAR_WIDTH, VALUE_WIDTH = 200, 300, 140
ROW_HEIGHT, GROUP_GAP, TOP = 26, 10, 8


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

    @property
    def colour(self) -> str:
        return PALETTE[self.series % len(PALETTE)]


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
        return LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH

    @property
    def bar_x(self) -> int:
        return LABEL_WIDTH

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
