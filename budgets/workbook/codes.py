"""Choice values ↔ the Chinese labels the workbook shows (both are accepted on import)."""

from budgets.funding import FundingSource
from budgets.models import AssetCategory, CostType, NarrativeKey, PriorYearFigures

PRIOR_FIELDS = [
    f.name for f in PriorYearFigures._meta.get_fields() if f.name not in {"id", "budget"}
]


def _both_ways(pairs):
    labels = dict(pairs)
    values = {label: value for value, label in labels.items()} | {v: v for v in labels}
    return labels, values


SOURCE_LABEL, SOURCE_VALUE = _both_ways(FundingSource.choices)
COST_LABEL, COST_VALUE = _both_ways(CostType.choices)
NARRATIVE_LABEL, NARRATIVE_VALUE = _both_ways(NarrativeKey.choices)
ASSET_LABEL, ASSET_VALUE = _both_ways(AssetCategory.choices)
PRIOR_LABEL, PRIOR_VALUE = _both_ways(
    (f.name, str(f.verbose_name)) for f in PriorYearFigures._meta.fields if f.name in PRIOR_FIELDS
)
