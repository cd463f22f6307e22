"""A region's departments side by side (issue 16): the region page, its downloads and API.

Every figure comes from the publications' denormalised columns (filled at publication by
``publication_fields``), never from a snapshot, so a region of any size costs the same
few queries: the years published, this year's current publications, last year's (for
the change), and one aggregate for the “三公” history. Sorting, totals, shares, medians
and ranks are worked out in Python over those rows.
"""

from bisect import bisect_right
from dataclasses import dataclass, field
from decimal import Decimal
from statistics import median

from django.db.models import Sum
from django.http import Http404

from budgets.fields import ZERO, quantize
from disclosures.models import Publication

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Column:
    """A sortable column: its key in the URL (``?sort=``), heading, and model field."""

    key: str
    label: str
    field: str = ""
    kind: str = "amount"  # amount (万元), percent, text


# The amount columns, in the order of the page, the downloads and the API.
AMOUNTS = (
    Column("income", "收入总计", "income_total"),
    Column("basic", "基本支出", "basic_total"),
    Column("project", "项目支出", "project_total"),
    Column("three_public", "“三公”经费", "three_public_total"),
    Column("outbound", "因公出国（境）费", "outbound_total"),
    Column("vehicle_purchase", "公务用车购置费", "vehicle_purchase_total"),
    Column("vehicle_operation", "公务用车运行费", "vehicle_operation_total"),
    Column("reception", "公务接待费", "reception_total"),
    Column("operating", "机关运行经费", "operating_costs"),
)
DERIVED = (
    Column("change", "收入总计比上年增减（万元）"),
    Column("change_percent", "收入总计比上年增减（%）", kind="percent"),
    Column("share", "占本地区收入总计（%）", kind="percent"),
    Column("three_public_share", "占本地区“三公”经费（%）", kind="percent"),
)
NAME = Column("name", "部门", "department_name", kind="text")
COLUMNS = (NAME, *AMOUNTS, *DERIVED)
THREE_PUBLIC_KEYS = (
    "three_public",
    "outbound",
    "vehicle_purchase",
    "vehicle_operation",
    "reception",
)
# ``code`` (the API's order) is no column of the page but sorts too.
SORT_KEYS = {column.key for column in COLUMNS} | {"code"}
DEFAULT_SORT = "income"
FIELDS = (
    "region_code",
    "region_name",
    "year",
    "department_code",
    "department_name",
    "version",
    *(column.field for column in AMOUNTS),
)


def share(part: Decimal | None, whole: Decimal) -> Decimal | None:
    """``part`` as a percentage of ``whole`` (two decimals), None when undefined."""
    if part is None or not whole:
        return None
    return quantize(part * HUNDRED / whole)


@dataclass
class Row:
    """One department's current disclosure of the year, with its derived figures."""

    department_code: str
    department_name: str
    version: int
    values: dict[str, Decimal | None]  # by column key, amounts and derived figures

    @property
    def name(self) -> str:
        return self.department_name

    def value(self, key: str):
        if key == "code":
            return self.department_code
        return self.department_name if key == NAME.key else self.values.get(key)

    @property
    def cells(self) -> list[tuple[Column, Decimal | None]]:
        """The figures after the name, in column order (for the page's table)."""
        return [(column, self.values.get(column.key)) for column in COLUMNS[1:]]


@dataclass
class Comparison:
    """The comparison of one region's departments in one year (amounts in 万元)."""

    region_code: str
    region_name: str
    year: int
    years: list[int]
    rows: list[Row]
    totals: dict[str, Decimal | None]
    sort: str = DEFAULT_SORT
    descending: bool = True
    history: list[dict[str, object]] = field(default_factory=list)

    @property
    def columns(self) -> tuple[Column, ...]:
        return COLUMNS

    @property
    def total_cells(self) -> list[tuple[Column, Decimal | None]]:
        return [(column, self.totals.get(column.key)) for column in COLUMNS[1:]]


def region_years(*, region: str) -> list[int]:
    """The years in which the region has a current publication, newest first (one query)."""
    years = (
        Publication.objects.filter(is_current=True, region_code=region)
        .order_by("-year")
        .values_list("year", flat=True)
        .distinct()
    )
    return list(years)


def region_name(*, region: str, year: int) -> str:
    """The region's name as its publications of ``year`` state it, else 404 (one query)."""
    name = _current(region, year).values_list("region_name", flat=True).first()
    if name is None:
        raise Http404("该地区这一年度没有已公开的部门预算。")
    return name


def _current(region: str, year: int):
    return Publication.objects.filter(is_current=True, region_code=region, year=year)


def region_rows(*, region: str, year: int) -> tuple[str, list[Row]]:
    """The region's name and its departments' rows in ``year`` (two queries, no snapshot)."""
    this_year = list(_current(region, year).values(*FIELDS))
    last_year = dict(_current(region, year - 1).values_list("department_code", "income_total"))
    income_total = sum((p["income_total"] for p in this_year), ZERO)
    three_total = sum((p["three_public_total"] for p in this_year), ZERO)
    rows = []
    for p in this_year:
        values = {column.key: p[column.field] for column in AMOUNTS}
        previous = last_year.get(p["department_code"])
        change = None if previous is None else p["income_total"] - previous
        values["change"] = change
        values["change_percent"] = share(change, previous or ZERO)
        values["share"] = share(p["income_total"], income_total)
        values["three_public_share"] = share(p["three_public_total"], three_total)
        rows.append(Row(p["department_code"], p["department_name"], p["version"], values))
    name = this_year[0]["region_name"] if this_year else ""
    return name, rows


def region_totals(rows: list[Row], *, last_year_income: Decimal | None) -> dict:
    """Column sums; the change is that of the departments published in both years."""
    totals: dict[str, Decimal | None] = {}
    for column in AMOUNTS:
        known = [v for r in rows if (v := r.values[column.key]) is not None]
        totals[column.key] = sum(known, ZERO) if known else None
    changes = [v for r in rows if (v := r.values["change"]) is not None]
    totals["change"] = sum(changes, ZERO) if changes else None
    totals["change_percent"] = share(totals["change"], last_year_income or ZERO)
    totals["share"] = share(totals["income"], totals["income"] or ZERO)
    totals["three_public_share"] = share(totals["three_public"], totals["three_public"] or ZERO)
    return totals


def rows_sorted(rows: list[Row], *, sort: str, descending: bool) -> list[Row]:
    """Rows by ``sort`` (ties by department code); empty figures always last."""
    known = [r for r in rows if r.value(sort) is not None]
    empty = [r for r in rows if r.value(sort) is None]
    known.sort(key=lambda r: r.department_code)
    known.sort(key=lambda r: r.value(sort), reverse=descending)
    return known + sorted(empty, key=lambda r: r.department_code)


def three_public_history(*, region: str) -> list[dict[str, object]]:
    """The region's “三公” total and items per published year, oldest first (one query)."""
    sums = {c.key: Sum(c.field) for c in AMOUNTS if c.key in THREE_PUBLIC_KEYS}
    years = (
        Publication.objects.filter(is_current=True, region_code=region)
        .order_by("year")
        .values("year")
        .annotate(**sums)
    )
    return [dict(entry) for entry in years]


def region_comparison(
    *,
    region: str,
    year: int | None = None,
    sort: str = DEFAULT_SORT,
    descending: bool = True,
    strict: bool = False,
) -> Comparison:
    """The comparison of ``region`` in ``year``, else 404.

    A year without publications is a 404 when ``strict`` (downloads, API: the URL names
    the year); the page falls back to the latest year instead.
    """
    years = region_years(region=region)
    if not years:
        raise Http404("该地区没有已公开的部门预算。")
    if year not in years:
        if strict:
            raise Http404("该地区这一年度没有已公开的部门预算。")
        year = years[0]
    if sort not in SORT_KEYS:
        sort, descending = DEFAULT_SORT, True
    name, rows = region_rows(region=region, year=year)
    last_year_income = sum(
        (
            income - change
            for r in rows
            if (income := r.values["income"]) is not None
            and (change := r.values["change"]) is not None
        ),
        ZERO,
    )
    return Comparison(
        region_code=region,
        region_name=name,
        year=year,
        years=years,
        rows=rows_sorted(rows, sort=sort, descending=descending),
        totals=region_totals(rows, last_year_income=last_year_income),
        sort=sort,
        descending=descending,
        history=three_public_history(region=region),
    )


@dataclass
class Standing:
    """One figure of a department beside its region: median, rank (1 = largest) of count."""

    label: str
    value: Decimal | None
    median: Decimal | None
    rank: int | None
    count: int


STANDING = AMOUNTS[:4] + AMOUNTS[8:]  # 收入总计, 基本, 项目, “三公”, 机关运行经费


def _cents(value: Decimal) -> int:
    return int(value * HUNDRED)


def region_standing_table(*, region: str, year: int) -> dict:
    """What every department's standing needs (two queries): per ``STANDING`` column the
    region's known values in cents, ascending, and their median; each department's own
    values in cents. Whole cents pickle far faster than 5,000 Decimals."""
    _, rows = region_rows(region=region, year=year)
    columns = {}
    for column in STANDING:
        values = sorted(v for r in rows if (v := r.values[column.key]) is not None)
        columns[column.key] = (
            [_cents(v) for v in values],
            quantize(median(values)) if values else None,
        )
    own = {
        r.department_code: [None if (v := r.values[c.key]) is None else _cents(v) for c in STANDING]
        for r in rows
    }
    return {"columns": columns, "own": own}


def department_standing(*, region: str, year: int, department: str) -> list[Standing]:
    """A department's figures beside the region's median and its rank.

    The region's table is cached until the next publication (``cached_listing_value``), so
    its 1,000 departments' pages read it once: one query on a hit, three on a miss.
    """
    from disclosures.caching import cached_listing_value

    table = cached_listing_value(
        "region-standing",
        {"region": region, "year": str(year)},
        lambda: region_standing_table(region=region, year=year),
    )
    own = table["own"].get(department)
    if own is None:
        return []
    standings = []
    for column, mine in zip(STANDING, own, strict=True):
        values, middle = table["columns"][column.key]
        # 1 + the number of departments with more (ties share the better rank).
        rank = None if mine is None else 1 + len(values) - bisect_right(values, mine)
        standings.append(
            Standing(
                label=column.label,
                value=None if mine is None else quantize(Decimal(mine) / HUNDRED),
                median=middle,
                rank=rank,
                count=len(values),
            )
        )
    return standings
