"""How amounts (万元) and shares print, for every table, page, chart, narrative and admin list.

One module, so that a format's choice (zero as an empty cell or ``0.00``, a thousands
separator or none) is applied the same way everywhere.
"""

from decimal import Decimal, InvalidOperation

from budgets.fields import quantize


def format_amount(value, *, blank_zero: bool = True, thousands: bool = True) -> str:
    """``2297.34`` → ``2,297.34`` (or ``2297.34``); zero → empty or ``0.00``; signs kept."""
    if value is None or value == "":
        return ""
    try:
        number = quantize(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return str(value)
    if blank_zero and number == 0:
        return ""
    return f"{number:,.2f}" if thousands else f"{number:.2f}"


def format_percent(value, *, decimals: int = 2) -> str:
    """A share (``Decimal('7.64')`` meaning 7.64 %) with its decimals and ``%``."""
    if value is None:
        return ""
    exponent = Decimal(1).scaleb(-decimals)
    return f"{Decimal(str(value)).quantize(exponent)}%"


def format_trimmed(value, *, places: int = 2) -> str:
    """A number to ``places`` decimals without trailing zeros or separator: ``8.10`` → ``8.1``,
    ``7.00`` → ``7``, ``0`` → ``0`` (Hebei running text, quantities, percentages)."""
    if value is None or value == "":
        return ""
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places))
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
