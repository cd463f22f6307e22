"""Money fields: every amount of the product is a Decimal in 万元 with two places."""

import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.core.validators import MinValueValidator
from django.db import models

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

CENT = Decimal("0.01")
ZERO = Decimal("0.00")

# Typed like Field.default_error_messages (which also admits lazy strings).
MONEY_ERROR_MESSAGES: "dict[str, str | _StrPromise]" = {
    "invalid": "请输入数字金额（单位：万元），例如 1234.56。",
    "max_decimal_places": "金额最多保留两位小数（单位：万元）。",
    "max_digits": "金额位数过多（最多 16 位整数、2 位小数）。",
    "max_whole_digits": "金额过大（最多 16 位整数）。",
}
NEGATIVE_AMOUNT_MESSAGE = "金额不能为负数。"


def normalise_amount_text(value: str) -> str:
    """Accept what clerks paste from Excel: full-width digits, thousands separators, spaces."""
    text = unicodedata.normalize("NFKC", value).strip()
    return text.replace(",", "").replace(" ", "")


class MoneyFormField(forms.DecimalField):
    """Form field for an amount in 万元, with Chinese messages and pasted-text normalisation."""

    default_error_messages = MONEY_ERROR_MESSAGES

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 2)
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("step", "0.01")

    def to_python(self, value):
        if isinstance(value, str):
            value = normalise_amount_text(value)
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # A text input accepts "1,234.50" and full-width digits; a number input would not.
        attrs.pop("step", None)
        attrs["inputmode"] = "decimal"
        return attrs


class MoneyField(models.DecimalField):
    """A non-negative amount in 万元 with exactly two decimal places."""

    default_error_messages = MONEY_ERROR_MESSAGES

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", 18)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("validators", [MinValueValidator(ZERO, message=NEGATIVE_AMOUNT_MESSAGE)])
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        defaults = {"form_class": MoneyFormField, "widget": forms.TextInput}
        defaults.update(kwargs)
        return super().formfield(**defaults)


def quantize(value) -> Decimal:
    """Round an aggregate to the cent (SQLite sums decimals as floats)."""
    if value is None:
        return ZERO
    return Decimal(str(value)).quantize(CENT)
