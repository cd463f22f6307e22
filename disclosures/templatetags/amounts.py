"""Amount and percentage formatting for every table, page and PDF (one place only)."""

from decimal import Decimal

from django import template

from budgets.formatting import format_amount, format_percent

register = template.Library()


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
    return format_percent(value)


@register.filter
def cell(value):
    """A table cell of any kind: amounts formatted (even in text columns), text as is."""
    if isinstance(value, Decimal):
        return format_amount(value)
    return "" if value is None else value


@register.filter
def in_style(value, table):
    """A cell of ``table`` printed in the table's own style (its format's zero and separator)."""
    return table.format_value(value)
