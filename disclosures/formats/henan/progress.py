"""What the Henan document prints that a clerk enters (填报进度)."""

from budgets.models import NarrativeKey as K
from disclosures.places import ProgressItem
from disclosures.progress import (
    department_items,
    lines_item,
    narrative_items,
    prior_year_item,
    project_items,
    reason_items,
)
from disclosures.tables.data import BudgetData

# 第一部分 概况 and 第三部分 名词解释 print these texts; without them the part is empty.
PRINTED_TEXTS = (K.MAIN_DUTIES, K.ORGANISATION, K.GLOSSARY)


def henan_progress(data: BudgetData) -> list[ProgressItem]:
    """Texts, lines, last year's figures and the reason of each change (情况说明), the
    department's goals (预算11表) and each project's indicators (预算12表)."""
    return [
        *narrative_items(data, PRINTED_TEXTS),
        lines_item(data),
        prior_year_item(data),
        *reason_items(data),
        *department_items(data),
        *project_items(data),
    ]
