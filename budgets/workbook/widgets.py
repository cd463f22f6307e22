"""django-import-export widgets for budget workbook cells (codes, 万元 amounts, choices).

Every ``clean`` raises ``ValueError`` with the Chinese reason a clerk sees next to the
cell; ``render`` returns the native value the workbook writes (text for codes, Decimal
for amounts), so one resource serves the workbook, the admin export and the template.
"""

from decimal import Decimal

from django.db.models import Model
from import_export.widgets import ForeignKeyWidget, Widget

from budgets.fields import normalise_amount_text
from budgets.workbook.reading import parse_amount, parse_percent, parse_price


class AmountWidget(Widget):
    """An amount in 万元: ``1,234.50`` and full-width digits accepted; ≥ 0, ≤ 2 decimals."""

    def __init__(self):
        super().__init__(coerce_to_string=False)

    def clean(self, value, row=None, **kwargs) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return parse_amount(value)

    def render(self, value, obj=None, **kwargs) -> Decimal | None:
        return value


class PercentWidget(AmountWidget):
    """A percentage 0–100: ``24`` or ``24%`` (a 资金支出计划 checkpoint)."""

    def clean(self, value, row=None, **kwargs) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return parse_percent(value)


class PriceWidget(AmountWidget):
    """A unit price in 万元 with up to six decimals (``0.022``)."""

    def clean(self, value, row=None, **kwargs) -> Decimal | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        return parse_price(value)


class BoolWidget(Widget):
    """是 / 否 (also 1 / 0, true / false); blank is 否."""

    TRUE, FALSE = ("是", "1", "true", "y", "yes", "√"), ("否", "0", "false", "n", "no", "")

    def __init__(self):
        super().__init__(coerce_to_string=False)

    def clean(self, value, row=None, **kwargs) -> bool:
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().lower().removesuffix(".0")
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(f"“{value}”应填写“是”或“否”")

    def render(self, value, obj=None, **kwargs) -> str:
        return "是" if value else "否"


class YearWidget(Widget):
    """A whole number such as the budget year (``2022``, ``2022.0`` or full-width digits)."""

    def __init__(self):
        super().__init__(coerce_to_string=False)

    def clean(self, value, row=None, **kwargs) -> int:
        try:
            return int(normalise_amount_text(str(value)).removesuffix(".0"))
        except ValueError:
            raise ValueError(f"“{value}”不是整数") from None

    def render(self, value, obj=None, **kwargs):
        return value


class TextWidget(Widget):
    """Text or a code as typed: a code typed as a number loses its ``.0``, a date its time."""

    def __init__(self, *, dates: bool = True):
        super().__init__(coerce_to_string=True)
        self.dates = dates

    def clean(self, value, row=None, **kwargs) -> str:
        if value is None:
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # a code typed as a number
        if self.dates and hasattr(value, "date"):
            return value.date().isoformat()
        return str(value).strip()

    def render(self, value, obj=None, **kwargs) -> str:
        if value is None:
            return ""
        return value.isoformat() if hasattr(value, "isoformat") else str(value)


class ChoiceWidget(TextWidget):
    """A choice shown by its Chinese label; the label or the stored value is accepted.

    ``labels`` maps stored value → label; ``what`` names the choice in the message.
    With ``show_labels=False`` the stored value itself is written (单位性质, 项目类型).
    """

    def __init__(self, labels: dict, what: str, *, show_labels: bool = True):
        super().__init__(dates=False)
        self.labels, self.what, self.show_labels = dict(labels), what, show_labels
        labels = {label: value for value, label in self.labels.items()} if show_labels else {}
        self.values = labels | {value: value for value in self.labels}

    def clean(self, value, row=None, **kwargs) -> str:
        text = super().clean(value, row, **kwargs)
        if text not in self.values:
            raise ValueError(f"“{text}”不是有效的{self.what}")
        return self.values[text]

    def render(self, value, obj=None, **kwargs) -> str:
        if not self.show_labels:
            return super().render(value)
        return str(self.labels.get(value, value or ""))


class CodeLookupWidget(ForeignKeyWidget):
    """A foreign key written as the related row's code, resolved from a dict, not per row.

    ``lookup`` is a callable returning ``{code: instance}`` (the resource sets it from its
    ``BudgetLookups`` table named ``source``); it is called once, on the first cell, and its
    dict serves every later row: one query per related model per import, whatever the
    number of rows. ``missing`` is the message for an unknown code (``{code}``, ``{year}``).
    """

    def __init__(self, model: type[Model], *, source: str, missing: str, lookup=None):
        super().__init__(model, field="code")
        self.source, self.missing, self.lookup = source, missing, lookup
        self._table: dict | None = None

    def table(self) -> dict:
        """The ``{code: instance}`` dict, loaded on first use."""
        if self._table is None:
            if self.lookup is None:
                raise ValueError("没有可供查找的代码表")
            self._table = self.lookup()
        return self._table

    def clean(self, value, row=None, **kwargs):
        code = TextWidget(dates=False).clean(value)
        if not code:
            return None
        try:
            return self.table()[code]
        except KeyError:
            raise ValueError(self.missing_message(code)) from None

    def missing_message(self, code: str) -> str:
        return self.missing.format(code=code)

    def render(self, value, obj=None, **kwargs) -> str:
        return "" if value is None else str(value.code)


class SubjectLookupWidget(CodeLookupWidget):
    """A catalogue code: an unknown one gets the shared message (catalogue_messages.py)
    naming the edition that lacks it and the editions that have it.

    ``year`` is set by the resource with the lookups; the editions of every code are read
    once, on the first unknown code, not once per bad row.
    """

    def __init__(self, model: type[Model], *, source: str, label: str, scheme: str = ""):
        super().__init__(model, source=source, missing="")
        self.label, self.scheme = label, scheme
        self.year: int | None = None
        self._editions: dict | None = None

    def missing_message(self, code: str) -> str:
        from budgets.catalogue_messages import code_editions_table, unknown_code_message

        if self._editions is None:
            self._editions = code_editions_table(self.model, scheme=self.scheme)
        editions = self._editions.get(code, [])
        if self.year is None:  # no budget year known (基本信息 unreadable): no edition to name
            return f"{self.label}科目 {code} 在科目目录中不存在：请核对编码。"
        return unknown_code_message(label=self.label, code=code, year=self.year, editions=editions)
