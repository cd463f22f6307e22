"""Chinese numbering for headings and dates of the report (一、二、…; 二〇二二年五月)."""

from datetime import date

from django import template

from disclosures.tables.common import chinese_number

register = template.Library()

DIGITS = "〇一二三四五六七八九"


@register.filter
def chinese_numeral(value: int) -> str:
    """3 → 三, 12 → 十二 (the numbering of parts and tables)."""
    return chinese_number(int(value))


@register.filter
def chinese_month(value: str) -> str:
    """``2022-05-20`` → ``二〇二二年五月``, as on the examples' covers."""
    if not value:
        return ""
    day = date.fromisoformat(value)
    year = "".join(DIGITS[int(digit)] for digit in str(day.year))
    return f"{year}年{chinese_number(day.month)}月"
