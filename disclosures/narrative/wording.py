"""Chinese wording for figures in running text: amounts, shares and year-over-year changes,
and the one normalisation every clerk text goes through before it is built into a sentence."""

import re
from dataclasses import dataclass
from decimal import Decimal

from budgets.fields import quantize
from budgets.formatting import format_amount, format_percent

# Punctuation a clerk may end (or start) a clause with; the generator adds its own.
CLAUSE_PUNCTUATION = "。，；、：！？,.;:!? \t\r\n\u3000"
# What a clerk often types before the reason itself, which the generator already says.
REASON_PREFIX = re.compile(r"^(主要|减少|增加|变化)?(的)?原因(是|为)?[：:，,]?\s*")


def yuan(value: Decimal) -> str:
    """An amount in running text: ``2,297.34 万元``; zero is ``0.00 万元``."""
    return f"{format_amount(value, blank_zero=False)} 万元"


def pct(value: Decimal) -> str:
    return format_percent(value)


def clause(text: str) -> str:
    """A clerk's text as one clause of a generated sentence: lines and runs of spaces
    folded into one, no punctuation at either end (the sentence supplies its own), so
    that whatever was typed (``…增加。``, ``…增加；``, trailing spaces or line breaks) the
    explanation never doubles or mixes punctuation."""
    folded = re.sub(r"\s+", " ", text or "").strip()
    folded = re.sub(r"\s+(?=[。，；、：！？）」”])", "", folded)
    folded = re.sub(r"([。，；、：！？])\s+", r"\1", folded)
    folded = folded.strip(CLAUSE_PUNCTUATION)
    # Runs of clause punctuation inside the text (“。；”, “，。”, “。。”) keep their last mark.
    return re.sub(r"[。，；、：]{2,}", lambda m: m.group(0)[-1], folded)


def sentence(text: str) -> str:
    """A clerk's text as a whole sentence: :func:`clause` ended by one 。 (or the ！/？ the
    clerk ended it with); empty stays empty."""
    body = clause(text)
    if not body:
        return ""
    typed = (text or "").rstrip(CLAUSE_PUNCTUATION.replace("！", "").replace("？", ""))
    return body + (typed[-1] if typed.endswith(("！", "？")) else "。")


def paragraphs(text: str) -> str:
    """A clerk's text of several paragraphs (one per line), each a :func:`sentence`."""
    return "\n".join(sentence(line) for line in (text or "").splitlines() if clause(line))


def reason_text(text: str) -> str:
    """A 主要原因 as a clause, without the “主要原因是：” the clerk may have typed."""
    return clause(REASON_PREFIX.sub("", clause(text)))


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


def with_reason(text: str, reason: str, *, lead: str = "主要原因") -> str:
    """Append the clerk's 主要原因 (normalised) when there is one: ``…，主要原因：…``."""
    reason = reason_text(reason)
    return f"{text}，{lead}：{reason}" if reason else text
