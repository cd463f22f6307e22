"""The registry of disclosure formats (see ``disclosures/formats/base.py``).

A region's finance bureau chooses its format (``Region.disclosure_format``); a budget
keeps the format it was created with, and a publication records the one it was
published in. Adding a format: a package beside ``henan/`` that defines a
``DisclosureFormat``, and one line in ``FORMATS`` below (README: "Disclosure formats").
"""

from disclosures.formats.base import DisclosureFormat, DocumentKind, Style, TableSpec
from disclosures.formats.hebei import HEBEI
from disclosures.formats.henan import HENAN
from disclosures.formats.hubei import HUBEI

FORMATS: dict[str, DisclosureFormat] = {fmt.key: fmt for fmt in (HENAN, HUBEI, HEBEI)}
DEFAULT_FORMAT = HENAN.key


def format_get(key: str | None) -> DisclosureFormat:
    """The registered format ``key``; snapshots from before formats existed are Henan."""
    if not key:
        return FORMATS[DEFAULT_FORMAT]
    try:
        return FORMATS[key]
    except KeyError:
        raise LookupError(f"未知的公开格式：{key}") from None


def format_for_region(region_code: str) -> str:
    """The default format of a region: the one its province digits name, else Henan."""
    for fmt in FORMATS.values():
        if region_code[:2] in fmt.province_prefixes:
            return fmt.key
    return DEFAULT_FORMAT


__all__ = [
    "DEFAULT_FORMAT",
    "FORMATS",
    "DisclosureFormat",
    "DocumentKind",
    "Style",
    "TableSpec",
    "format_for_region",
    "format_get",
]
