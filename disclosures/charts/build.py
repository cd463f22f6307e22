"""The figures behind each chart (万元), read off the frozen tables; never recomputed."""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from budgets.fields import ZERO
from disclosures.document import Disclosure
from disclosures.narrative.shares import shares
from disclosures.tables.base import RowKind
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


def _strip_numbering(label: str) -> str:
    """``八、社会保障和就业`` → ``社会保障和就业``."""
    return re.sub(r"^[一二三四五六七八九十百]+、", "", label)


def functional_chart(disclosure: Disclosure) -> Chart:
    """Expenditure by 功能分类 类 (table 1's right side, every source)."""
    bars = [
        Bar(_strip_numbering(row.cells.get("out_label") or ""), row.cells["out_amount"])
        for row in disclosure.table(1).rows
        if row.cells.get("out_code") and row.cells.get("out_amount")
    ]
    return _with_shares(Chart("functional", "支出按功能分类（类）", bars))


def basic_project_chart(disclosure: Disclosure) -> Chart:
    """基本支出 vs 项目支出 (table 3's total row)."""
    total = next((r.cells for r in disclosure.table(3).rows if r.kind == RowKind.TOTAL), {})
    bars = [
        Bar("基本支出", total.get("basic") or ZERO, series=0),
        Bar("项目支出", total.get("project") or ZERO, series=1),
    ]
    return _with_shares(Chart("basic-project", "基本支出与项目支出", bars))


# Table 2's income columns that are sources (其中 columns would count twice).
SOURCE_KEYS = (
    "gp",
    "gf",
    "sc",
    "special",
    "unit_service",
    "unit_operating",
    "unit_subsidy",
    "unit_subordinate",
    "unit_other",
    "carry_total",
)


def funding_chart(disclosure: Disclosure) -> Chart:
    """Income by funding source (table 2's total row), 上年结转 as one source."""
    table = disclosure.table(2)
    total = next((r.cells for r in table.rows if r.kind == RowKind.TOTAL), {})
    bars = []
    for key in SOURCE_KEYS:
        if total.get(key):
            path = table.header_path(key)
            # 一般公共预算 has 小计 and 其中 columns under it: name the group, not 小计.
            label = path[-2] if path[-1] in ("小计", "合计") else path[-1]
            label = "上年结转结余" if key == "carry_total" else label
            bars.append(Bar(label, total[key], series=len(bars)))
    return _with_shares(Chart("funding", "收入按资金来源", bars))


THREE_PUBLIC_ITEMS = (
    ("outbound", "因公出国（境）费"),
    ("vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "公务用车运行费"),
    ("reception", "公务接待费"),
)


def three_public_chart(disclosure: Disclosure) -> Chart:
    """“三公”经费 by item (table 8)."""
    total = disclosure.table(8).rows[0].cells if disclosure.table(8).rows else {}
    bars = [Bar(label, total.get(key) or ZERO) for key, label in THREE_PUBLIC_ITEMS]
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
