"""Charts of a region's comparison: the largest departments, “三公” by department, history.

Drawn from the comparison's rows (the publications' denormalised columns), with the
same ``Chart``/``Bar`` and template as a disclosure's charts.
"""

from decimal import Decimal

from budgets.fields import ZERO
from disclosures.charts.build import THREE_PUBLIC_ITEMS, Bar, Chart
from disclosures.region import Comparison, rows_sorted, share

TOP = 10  # departments per chart


def largest_departments_chart(comparison: Comparison) -> Chart:
    """The ``TOP`` departments by 收入总计, with their share of the region's."""
    total = comparison.totals["income"] or ZERO
    rows = rows_sorted(comparison.rows, sort="income", descending=True)[:TOP]
    bars = [
        Bar(r.department_name, r.values["income"] or ZERO, share(r.values["income"], total))
        for r in rows
    ]
    chart = Chart("region-largest", f"收入总计最大的{min(TOP, len(rows))}个部门", bars)
    chart.empty_message = "本年度没有部门公开收入。"
    return chart.lay_out()


def three_public_by_department_chart(comparison: Comparison) -> Chart:
    """The ``TOP`` departments by “三公”经费, with their share of the region's."""
    total = comparison.totals["three_public"] or ZERO
    rows = [
        r
        for r in rows_sorted(comparison.rows, sort="three_public", descending=True)
        if r.values["three_public"]
    ][:TOP]
    bars = [
        Bar(
            r.department_name,
            r.values["three_public"] or ZERO,  # rows without “三公” are left out above
            share(r.values["three_public"], total),
            series=1,
        )
        for r in rows
    ]
    chart = Chart("region-three-public", "“三公”经费最多的部门", bars)
    chart.empty_message = "本年度各部门“三公”经费预算均为零。"
    return chart.lay_out()


def _amount(entry: dict[str, object], key: str) -> Decimal:
    """A summed column of the history; no publication with the item (``None``) is zero."""
    value = entry[key]
    return value if isinstance(value, Decimal) and value else ZERO


def three_public_history_chart(comparison: Comparison) -> Chart:
    """The region's “三公”经费 per published year, by item (grouped by year)."""
    chart = Chart("region-three-public-history", "本地区历年“三公”经费")
    for entry in comparison.history:
        year = f"{entry['year']}年"
        chart.bars.append(Bar(f"{year}合计", _amount(entry, "three_public"), group=year))
        for series, (key, label) in enumerate(THREE_PUBLIC_ITEMS, start=1):
            chart.bars.append(Bar(f"{year}{label}", _amount(entry, key), series=series, group=year))
    chart.empty_message = "历年“三公”经费预算均为零。"
    return chart.lay_out()


def region_charts(comparison: Comparison) -> list[Chart]:
    return [
        largest_departments_chart(comparison),
        three_public_by_department_chart(comparison),
        three_public_history_chart(comparison),
    ]
