"""Chinese wording for figures in running text: amounts, shares and year-over-year changes."""

from dataclasses import dataclass
from decimal import Decimal

from budgets.fields import quantize
from disclosures.templatetags.amounts import format_amount


def yuan(value: Decimal) -> str:
    """An amount in running text: ``2,297.34 万元``; zero is ``0.00 万元``."""
    return f"{format_amount(value, blank_zero=False)} 万元"


def pct(value: Decimal) -> str:
    return f"{quantize(value)}%"


@dataclass(frozen=True)
class Change:
    """This year's figure against last year's (万元)."""

    current: Decimal
    prior: Decimal | None  # None: last year's figure is not known

    @property
    def difference(self) -> Decimal:
        return quantize(self.current - (self.prior or 0))

    @property
    def known(self) -> bool:
        return self.prior is not None

    @property
    def changed(self) -> bool:
        return self.known and self.difference != 0

    @property
    def rate(self) -> Decimal | None:
        """Change in percent of last year's figure (two decimals), None if last year was 0."""
        if not self.prior:
            return None
        return quantize(abs(self.difference) * 100 / self.prior)

    def phrase(self, noun: str = "") -> str:
        """``收入增加 215.94 万元，增长 10.37%`` / ``减少 …，下降 …%`` / ``与上年持平``."""
        if not self.changed:
            return f"{noun}与上年持平"
        verb, trend = ("增加", "增长") if self.difference > 0 else ("减少", "下降")
        text = f"{noun}{verb} {yuan(abs(self.difference))}"
        if self.rate is not None:
            text += f"，{trend} {pct(self.rate)}"
        return text


def with_reason(text: str, reason: str) -> str:
    """Append the clerk's 主要原因 when there is one."""
    return f"{text}，主要原因：{reason}" if reason else text
