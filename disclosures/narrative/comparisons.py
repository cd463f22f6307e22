"""This year against last year: which figures the explanation compares, and their reasons."""

from dataclasses import dataclass

from budgets.models import NarrativeKey as K
from disclosures.keyfigures import KeyFigures
from disclosures.narrative.wording import Change
from disclosures.tables.data import BudgetData


@dataclass(frozen=True)
class Comparison:
    """A compared figure, the clerk's reason keys that may explain its change."""

    key: str
    label: str
    change: Change
    reason_keys: tuple[str, ...]

    def reason(self, texts: dict[str, str]) -> str:
        """The clerk's 主要原因 for a change; empty when nothing changed or none was given."""
        if not self.change.changed:
            return ""
        return next((texts[k].strip() for k in self.reason_keys if texts.get(k, "").strip()), "")

    def missing_reason(self, texts: dict[str, str]) -> bool:
        return self.change.changed and not self.reason(texts)


# (key, label, Figures → current value, PriorYearFigures field, reason keys)
THREE_PUBLIC = "“三公”经费中"
SPECS = (
    ("income", "收入总计", lambda f: f.income_total, "income_total", (K.REASON_INCOME,)),
    (
        "expenditure",
        "支出总计",
        lambda f: f.expenditure_total,
        "expenditure_total",
        (K.REASON_EXPENDITURE,),
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
        (K.REASON_OUTBOUND, K.REASON_THREE_PUBLIC),
    ),
    (
        "vehicle_purchase",
        f"{THREE_PUBLIC}公务用车购置费",
        lambda f: f.three_public.get("vehicle_purchase"),
        "three_public_vehicle_purchase",
        (K.REASON_VEHICLE, K.REASON_THREE_PUBLIC),
    ),
    (
        "vehicle_operation",
        f"{THREE_PUBLIC}公务用车运行维护费",
        lambda f: f.three_public.get("vehicle_operation"),
        "three_public_vehicle_operation",
        (K.REASON_VEHICLE, K.REASON_THREE_PUBLIC),
    ),
    (
        "reception",
        f"{THREE_PUBLIC}公务接待费",
        lambda f: f.three_public.get("reception"),
        "three_public_reception",
        (K.REASON_RECEPTION, K.REASON_THREE_PUBLIC),
    ),
    (
        "operating_costs",
        "机关运行经费",
        lambda f: f.operating_costs,
        "operating_costs",
        (K.REASON_OPERATING_COSTS,),
    ),
)


def comparisons(data: BudgetData, figures: KeyFigures) -> dict[str, Comparison]:
    """Every compared figure by key; last year's value is None when it is not known."""
    prior = data.prior_year
    out = {}
    for key, label, current, field, reasons in SPECS:
        before = getattr(prior, field, None) if prior is not None else None
        out[key] = Comparison(key, label, Change(current(figures) or 0, before), reasons)
    return out
