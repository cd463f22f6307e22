"""The region page (``/disclosures/<region>/``), its downloads and its API endpoint.

Thin views over ``disclosures.region``: the page is cached like home (its key moves with
every publication), the downloads and JSON are made from the same comparison.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.urls import reverse

from disclosures.caching import cached_listing, cached_listing_value
from disclosures.charts.region import region_charts
from disclosures.exports.names import attachment
from disclosures.exports.region import comparison_csv, comparison_xlsx
from disclosures.region import (
    AMOUNTS,
    COLUMNS,
    DEFAULT_SORT,
    DERIVED,
    SORT_KEYS,
    Comparison,
    region_comparison,
    region_name,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV = "text/csv; charset=utf-8"


def _params(request) -> dict[str, str]:
    """The page's own parameters, normalised (anything else names no new cache entry)."""
    year = request.GET.get("year", "")
    sort = request.GET.get("sort", "")
    return {
        "year": year if year.isdigit() and len(year) == 4 else "",
        "sort": sort if sort in SORT_KEYS else DEFAULT_SORT,
        "order": "asc" if request.GET.get("order") == "asc" else "desc",
    }


def _comparison(region: str, params: dict[str, str]) -> Comparison:
    return region_comparison(
        region=region,
        year=int(params["year"]) if params["year"] else None,
        sort=params["sort"],
        descending=params["order"] == "desc",
    )


def _headers(comparison: Comparison, base: str) -> list[dict]:
    """Each column's heading with its sort link: a second click reverses the order."""
    headers = []
    for column in COLUMNS:
        current = column.key == comparison.sort
        # Names sort A→Z first, figures largest first.
        order = "asc" if column.kind == "text" else "desc"
        if current:
            order = "asc" if comparison.descending else "desc"
        headers.append(
            {
                "column": column,
                "href": f"{base}?year={comparison.year}&sort={column.key}&order={order}",
                "aria_sort": ("descending" if comparison.descending else "ascending")
                if current
                else "",
            }
        )
    return headers


def region(request, region: str):
    """Every department's current disclosure of a year side by side, sortable by links."""
    params = _params(request)

    def context():
        comparison = _comparison(region, params)
        base = reverse("disclosures:region", args=[region])
        return {
            "comparison": comparison,
            "headers": _headers(comparison, base),
            "charts": region_charts(comparison),
        }

    # The region is one of the hashed parameters: a typed URL never names a raw cache key.
    return cached_listing(
        request, "region", "disclosures/region.html", context, {**params, "region": region}
    )


def _download(region: str, year: int, kind: str, make) -> bytes:
    """The bytes of one download of the comparison, cached until the next publication."""

    def build() -> bytes:
        comparison = region_comparison(region=region, year=year, strict=True)
        return make(comparison)

    return cached_listing_value(f"region-{kind}", {"region": region, "year": str(year)}, build)


def _filename(region: str, year: int, extension: str) -> str:
    name = region_name(region=region, year=year)
    return f"{name}{year}年各部门预算对比.{extension}"


def region_csv(request, region: str, year: int):
    """The comparison of ``year`` as CSV (UTF-8 with BOM)."""
    data = _download(region, year, "csv", comparison_csv)
    return attachment(data, filename=_filename(region, year, "csv"), content_type=CSV)


def region_xlsx(request, region: str, year: int):
    """The comparison of ``year`` as an XLSX workbook."""
    data = _download(region, year, "xlsx", comparison_xlsx)
    return attachment(data, filename=_filename(region, year, "xlsx"), content_type=XLSX)


def comparison_to_dict(comparison: Comparison) -> dict:
    """The API form: amounts and percentages as two-decimal strings (or null)."""

    def figures(values: dict) -> dict:
        return {c.key: values.get(c.key) for c in AMOUNTS + DERIVED}

    return {
        "region_code": comparison.region_code,
        "region_name": comparison.region_name,
        "year": comparison.year,
        "years": comparison.years,
        "departments": [
            {
                "department_code": r.department_code,
                "department_name": r.department_name,
                "version": r.version,
                **figures(r.values),
                "url": reverse(
                    "api:disclosure",
                    args=[comparison.region_code, comparison.year, r.department_code],
                ),
            }
            for r in comparison.rows
        ],
        "totals": figures(comparison.totals),
        "three_public_history": comparison.history,
    }


def region_api(request, region: str, year: int):
    """JSON of the comparison (``/api/regions/<region>/<year>/``), sorted by department code."""

    def body() -> bytes:
        comparison = region_comparison(
            region=region, year=year, sort="code", descending=False, strict=True
        )
        data = comparison_to_dict(comparison)
        return json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).encode()

    content = cached_listing_value("region-api", {"region": region, "year": str(year)}, body)
    return HttpResponse(content, content_type="application/json")
