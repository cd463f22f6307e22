"""Amounts print as 2,297.34 everywhere: Django's locale formatting and our template tags."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from budgets.fields import normalise_amount_text


def test_locale_prints_thousands_separator():
    with translation.override("zh-hans"):
        assert (
            formats.number_format(Decimal("2297.34"), 2, use_l10n=True, force_grouping=True)
            == "2,297.34"
        )
        assert formats.number_format(Decimal("1728.9"), 2, force_grouping=True) == "1,728.90"
        assert formats.localize(2022) == "2022"  # years are never grouped


def test_amount_filters():
    template = Template(
        "{% load amounts %}{{ a|amount }}|{{ z|amount }}|{{ z|amount_or_zero }}|{{ n|amount }}|{{ p|percent }}"
    )
    rendered = template.render(
        Context(
            {
                "a": Decimal("2297.34"),
                "z": Decimal("0"),
                "n": Decimal("-1234.5"),
                "p": Decimal("7.6"),
            }
        )
    )
    assert rendered == "2,297.34||0.00|-1,234.50|7.60%"


def test_pasted_amount_text_is_normalised():
    assert normalise_amount_text("１，２３４．５０") == "1234.50"
    assert normalise_amount_text(" 2,297.34 ") == "2297.34"


@pytest.mark.django_db
def test_home_page_prints_years_plainly_and_amounts_grouped(client, demo_budgets):
    html = client.get("/").content.decode()
    assert ">2022<" in html and "2,022" not in html
    assert "2,297.34" in html
