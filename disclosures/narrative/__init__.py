"""第二部分 情况说明: the explanatory text, every amount and percentage computed from the tables."""

from disclosures.narrative.explanation import explanation_sections

__all__ = ["explanation_sections"]
