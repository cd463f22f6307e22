"""Amount and percentage formatting for every table, page and PDF (one place only)."""

from decimal import Decimal, InvalidOperation

from django import template

from budgets.fields import quantize

register = template.Library()


def format_amount(value, blank_zero: bool = True) -> str:
    """``2297.34`` → ``2,297.34``; zero → empty (Henan convention); negatives keep their sign."""
    if value is None or value == "":
        return ""
    try:
        number = quantize(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)
    if blank_zero and number == 0:
        return ""
    return f"{number:,.2f}"


@register.filter
def amount(value):
    """An amount in 万元 with thousands separators; zero prints as an empty cell."""
    return format_amount(value)


@register.filter
def amount_or_zero(value):
    """An amount in 万元 with thousands separators; zero prints as ``0.00``."""
    return format_amount(value, blank_zero=False) or "0.00"


@register.filter
def percent(value):
    """A share (``Decimal('7.64')`` meaning 7.64 %) printed with two decimals and ``%``."""
    if value is None:
        return ""
    return f"{quantize(Decimal(str(value)))}%"


@register.filter
def cell(value):
    """A table cell of any kind: amounts formatted (even in text columns), text as is."""
    if isinstance(value, Decimal):
        return format_amount(value)
    return "" if value is None else value
