"""Money fields: every amount of the product is a Decimal in 万元 with two places; a unit
price (``PriceField``) may have more, and a ``PercentField`` holds a share 0–100."""

import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
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


class DecimalTextFormField(forms.DecimalField):
    """A decimal typed in a text input: pasted text (``1,234.50``, full-width digits)
    normalised by ``normalise`` before parsing, a decimal keyboard on phones."""

    max_digits_default, decimal_places_default = 18, 2

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", self.max_digits_default)
        kwargs.setdefault("decimal_places", self.decimal_places_default)
        super().__init__(**kwargs)

    @staticmethod
    def normalise(value: str) -> str:
        return normalise_amount_text(value)

    def to_python(self, value):
        if isinstance(value, str):
            value = self.normalise(value)
        return super().to_python(value)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        # A text input accepts "1,234.50" and full-width digits; a number input would not.
        attrs.pop("step", None)
        attrs["inputmode"] = "decimal"
        return attrs


class MoneyFormField(DecimalTextFormField):
    """Form field for an amount in 万元, with Chinese messages and pasted-text normalisation."""

    default_error_messages = MONEY_ERROR_MESSAGES

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("step", "0.01")


class DecimalTextField(models.DecimalField):
    """A model decimal with fixed digits, its range validators and a text form field
    (``form_class``). The validators are not part of the migration state."""

    form_class: type[forms.DecimalField] = MoneyFormField
    max_digits_default, decimal_places_default = 18, 2

    def range_validators(self) -> list:
        return []

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_digits", self.max_digits_default)
        kwargs.setdefault("decimal_places", self.decimal_places_default)
        kwargs.setdefault("validators", self.range_validators())
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        defaults = {"form_class": self.form_class, "widget": forms.TextInput}
        defaults.update(kwargs)
        return super().formfield(**defaults)


class MoneyField(DecimalTextField):
    """A non-negative amount in 万元 with exactly two decimal places."""

    default_error_messages = MONEY_ERROR_MESSAGES

    def range_validators(self) -> list:
        return [MinValueValidator(ZERO, message=NEGATIVE_AMOUNT_MESSAGE)]


PERCENT_ERROR_MESSAGES: "dict[str, str | _StrPromise]" = {
    "invalid": "请输入百分比数字，例如 24 或 24%。",
    "max_decimal_places": "百分比最多保留两位小数。",
    "max_digits": "百分比应在 0—100 之间。",
    "max_whole_digits": "百分比应在 0—100 之间。",
}
PERCENT_RANGE_MESSAGE = "百分比应在 0—100 之间。"
PRICE_DECIMALS = 6
PRICE_ERROR_MESSAGES: "dict[str, str | _StrPromise]" = {
    "invalid": "请输入数字单价（单位：万元），例如 0.022。",
    "max_decimal_places": f"单价最多保留{PRICE_DECIMALS}位小数（单位：万元）。",
    "max_digits": "单价位数过多（最多 12 位整数）。",
    "max_whole_digits": "单价过大（最多 12 位整数）。",
}


def normalise_percent_text(value: str) -> str:
    """``24%``, ``２４％`` or `` 24 `` → ``24`` (the percent sign is optional)."""
    return normalise_amount_text(value).removesuffix("%")


class PercentFormField(DecimalTextFormField):
    """A percentage typed as ``24`` or ``24%`` (Excel-pasted text normalised)."""

    default_error_messages = PERCENT_ERROR_MESSAGES
    max_digits_default = 5

    @staticmethod
    def normalise(value: str) -> str:
        return normalise_percent_text(value)


class PercentField(DecimalTextField):
    """A percentage 0–100 with two decimals (``24`` means 24 %), e.g. a 资金支出计划 checkpoint."""

    default_error_messages = PERCENT_ERROR_MESSAGES
    form_class = PercentFormField
    max_digits_default = 5

    def range_validators(self) -> list:
        return [
            MinValueValidator(ZERO, message=PERCENT_RANGE_MESSAGE),
            MaxValueValidator(Decimal(100), message=PERCENT_RANGE_MESSAGE),
        ]


class PriceFormField(DecimalTextFormField):
    """A unit price in 万元 with up to six decimals (0.022 万元 = 220 元)."""

    default_error_messages = PRICE_ERROR_MESSAGES
    decimal_places_default = PRICE_DECIMALS


class PriceField(DecimalTextField):
    """A non-negative unit price (单价) in 万元 with up to six decimals: a price is often a
    few hundred 元, which two decimals of 万元 cannot hold (003: 复印纸 220 元/箱 = 0.022)."""

    default_error_messages = PRICE_ERROR_MESSAGES
    form_class = PriceFormField
    max_digits_default, decimal_places_default = 12 + PRICE_DECIMALS, PRICE_DECIMALS

    def range_validators(self) -> list:
        return [MinValueValidator(ZERO, message="单价不能为负数。")]


def quantize(value) -> Decimal:
    """Round an aggregate to the cent (SQLite sums decimals as floats)."""
    if value is None:
        return ZERO
    return Decimal(str(value)).quantize(CENT)
