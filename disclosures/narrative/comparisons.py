"""This year against last year: which figures the explanation compares, and their reasons."""

from dataclasses import dataclass

from budgets.fields import ZERO
from budgets.models import NarrativeKey as K
from disclosures.keyfigures import KeyFigures
from disclosures.narrative.wording import Change, reason_text
from disclosures.tables.data import BudgetData


@dataclass(frozen=True)
class Comparison:
    """A compared figure and the clerk's reason keys that may explain its change.

    ``reason_keys`` are printed with the figure (the first one given wins);
    ``shared_keys`` are reasons given once for several figures that moved together
    (收入 and 支出, the whole of “三公”, both 公务用车 items): they explain this figure too
    but are printed once, where the writer states the figures together.
    """

    key: str
    label: str
    change: Change
    reason_keys: tuple[str, ...]
    shared_keys: tuple[str, ...] = ()

    def reason(self, texts: dict[str, str]) -> str:
        """The clerk's own 主要原因 for a change; empty when nothing changed or none given."""
        if not self.change.changed:
            return ""
        return _first_text(texts, self.reason_keys)

    def shared_reason(self, texts: dict[str, str]) -> str:
        """The reason given once for this figure and others, if any."""
        return _first_text(texts, self.shared_keys) if self.change.changed else ""

    def missing_reason(self, texts: dict[str, str]) -> bool:
        return self.change.changed and not (self.reason(texts) or self.shared_reason(texts))


def _first_text(texts: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((texts[k] for k in keys if reason_text(texts.get(k, ""))), "")


# (key, label, key figures → current value, PriorYearFigures field, reason keys, shared)
THREE_PUBLIC = "“三公”经费中"
TOGETHER = (K.REASON_INCOME_EXPENDITURE,)
SPECS = (
    (
        "income",
        "收入总计",
        lambda f: f.income_total,
        "income_total",
        (K.REASON_INCOME,),
        TOGETHER,
    ),
    (
        "expenditure",
        "支出总计",
        lambda f: f.expenditure_total,
        "expenditure_total",
        (K.REASON_EXPENDITURE,),
        TOGETHER,
    ),
    (
        "general_public",
        "一般公共预算收支预算",
        lambda f: f.appropriation.get("gp"),
        "general_public_total",
        (K.REASON_APPROPRIATION, K.REASON_GENERAL_PUBLIC),
    ),
    (
        "gov_fund",
        "政府性基金收支预算",
        lambda f: f.gov_fund,
        "gov_fund_total",
        (K.REASON_GOV_FUND,),
    ),
    (
        "three_public",
        "“三公”经费",
        lambda f: f.three_public.get("total"),
        "three_public_total",
        (K.REASON_THREE_PUBLIC,),
    ),
    (
        "outbound",
        f"{THREE_PUBLIC}因公出国（境）费",
        lambda f: f.three_public.get("outbound"),
        "three_public_outbound",
        (K.REASON_OUTBOUND,),
        (K.REASON_THREE_PUBLIC,),
    ),
    (
        "vehicle_purchase",
        f"{THREE_PUBLIC}公务用车购置费",
        lambda f: f.three_public.get("vehicle_purchase"),
        "three_public_vehicle_purchase",
        (K.REASON_VEHICLE_PURCHASE,),
        (K.REASON_VEHICLE, K.REASON_THREE_PUBLIC),
    ),
    (
        "vehicle_operation",
        f"{THREE_PUBLIC}公务用车运行维护费",
        lambda f: f.three_public.get("vehicle_operation"),
        "three_public_vehicle_operation",
        (K.REASON_VEHICLE_OPERATION,),
        (K.REASON_VEHICLE, K.REASON_THREE_PUBLIC),
    ),
    (
        "reception",
        f"{THREE_PUBLIC}公务接待费",
        lambda f: f.three_public.get("reception"),
        "three_public_reception",
        (K.REASON_RECEPTION,),
        (K.REASON_THREE_PUBLIC,),
    ),
    # Last year's 基本支出 and 项目支出 (Hebei 二（三）); unknown unless entered.
    ("basic", "基本支出", lambda f: f.basic, "basic_total", (K.REASON_BASIC,)),
    ("project", "项目支出", lambda f: f.project, "project_total", (K.REASON_PROJECT,)),
    (
        "operating_costs",
        "机关运行经费",
        lambda f: f.operating_costs,
        "operating_costs",
        (K.REASON_OPERATING_COSTS,),
    ),
)


# Last year's 基本/项目支出 are entered in two places: 上年数 (``PriorYearFigures.basic_total``
# / ``project_total``, Hebei 二（三）) and 近两年收支金额 (``PriorYearTotals`` of year − 1, Hubei
# （十）). The 上年数 wins; without it the comparison reads the 近两年 row of last year.
LAST_YEAR_TOTALS = {"basic_total": "basic", "project_total": "project"}


def comparisons(data: BudgetData, figures: KeyFigures) -> dict[str, Comparison]:
    """Every compared figure by key; last year's value is None when it is not known."""
    prior = data.prior_year
    out = {}
    for key, label, current, field, reasons, *shared in SPECS:
        before = getattr(prior, field, None) if prior is not None else None
        if before is None and field in LAST_YEAR_TOTALS:
            before = getattr(data.prior_totals.get(data.year - 1), LAST_YEAR_TOTALS[field], None)
        change = Change(current(figures) or ZERO, before)
        out[key] = Comparison(key, label, change, reasons, tuple(shared[0]) if shared else ())
    return out
