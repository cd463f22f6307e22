"""Loading one official edition file of one year: a classification or the correspondence.

The admin's 导入年度目录 and the ``catalogue_diff``/``load_catalogues`` commands read,
compare and apply through these three functions, whatever the file holds.
"""

from budgets.catalogue_diff import LABELS, EditionDiff, edition_diff
from budgets.catalogue_files import edition_file_read
from budgets.correspondence_editions import KIND as CORRESPONDENCE
from budgets.correspondence_editions import (
    correspondence_diff,
    correspondence_edition_apply,
    correspondence_file_read,
)
from budgets.services.catalogue_editions import catalogue_edition_apply

# Every kind of edition file: key → label (the admin's choices, the commands' --kind).
EDITION_KINDS = LABELS


def edition_read(*, data: bytes, kind: str, year: int) -> list:
    """The entries (or pairs) of the file; EditionFileRefused with the reasons in Chinese."""
    if kind == CORRESPONDENCE:
        return correspondence_file_read(data=data, year=year)
    return edition_file_read(data=data, kind=kind)


def edition_compare(*, kind: str, year: int, entries: list) -> EditionDiff:
    """What loading the entries as the ``year`` edition would change (writes nothing)."""
    if kind == CORRESPONDENCE:
        return correspondence_diff(year=year, pairs=entries)
    return edition_diff(kind=kind, year=year, entries=entries)


def edition_load(*, kind: str, year: int, entries: list, digest: str | None = None) -> EditionDiff:
    """Apply the entries as the ``year`` edition (atomic); refused if ``digest`` is stale."""
    if kind == CORRESPONDENCE:
        return correspondence_edition_apply(year=year, pairs=entries, digest=digest)
    return catalogue_edition_apply(kind=kind, year=year, entries=entries, digest=digest)
