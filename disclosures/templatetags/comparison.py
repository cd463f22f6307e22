"""The region page's table body, made in Python (issue 16: 1,000 departments and more).

Through the template engine, 1,000 rows × 13 figures (a loop, an ``if``, a filter and a
``{% url %}`` each) took about a second per render; this makes the same HTML in tens of
milliseconds, with the same filters.
"""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from disclosures.region import Comparison
from disclosures.templatetags.amounts import amount_or_zero, percent

register = template.Library()


def figure(kind: str, value) -> str:
    """A figure of the table as the page prints it: — for none, a share or an amount."""
    if value is None:
        return "—"
    return percent(value) if kind == "percent" else amount_or_zero(value)  # digits, , . - %


@register.simple_tag
def comparison_rows(comparison: Comparison) -> SafeString:
    """Each department's ``<tr>`` (name linking to its disclosure, then the figures)."""
    # One reverse: the disclosure URLs of the year differ only in the department's code.
    marker = "0"
    url = reverse("disclosures:disclosure", args=[comparison.region_code, comparison.year, marker])
    prefix = url[: -len(marker) - 1]
    lines = []
    for row in comparison.rows:
        cells = "".join(
            f'<td class="amount">{figure(column.kind, value)}</td>' for column, value in row.cells
        )
        href = escape(f"{prefix}{row.department_code}/")
        name = escape(row.department_name)
        lines.append(
            f'<tr><th scope="row" class="text"><a href="{href}">{name}</a></th>{cells}</tr>\n  '
        )
    return mark_safe("".join(lines))
