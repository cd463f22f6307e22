"""The explanation (情况说明) generated from the built tables and the budget's prior-year figures."""

from disclosures.document import Section


def explanation_sections(data, tables) -> list[Section]:
    """Placeholder until the PDF issue's generator lands: no generated text yet."""
    return []
