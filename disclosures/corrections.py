"""更正说明: what changed between consecutive published versions of a disclosure.

Only frozen snapshots are compared (``Publication.content``), never live data. Rows are
matched by their code and label cells (a repeated label is matched by occurrence), columns
by leaf key; every amount that differs is one ``FigureChange`` (old → new, ``None`` for a
row that appeared or disappeared).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from disclosures.models import Publication
from disclosures.tables.base import ColumnKind, ReportTable, Row


@dataclass(frozen=True)
class FigureChange:
    table_number: int
    table_label: str  # 预算03表 in the publication's format
    table_title: str
    row_label: str
    column_path: tuple[str, ...]
    old: Decimal | None
    new: Decimal | None


@dataclass
class Correction:
    version: int
    published_at: datetime
    reason: str
    changes: list[FigureChange] = field(default_factory=list)


RowKey = tuple[tuple[str, ...], int]


def _keyed_rows(table: ReportTable) -> dict[RowKey, tuple[str, Row]]:
    """Rows by (code and label cells, occurrence), with a readable label (``2013699 名称``)."""
    labels = [leaf for leaf in table.leaves() if leaf.kind != ColumnKind.AMOUNT]
    seen: Counter[tuple[str, ...]] = Counter()
    rows: dict[RowKey, tuple[str, Row]] = {}
    for row in table.rows:
        cells = [(leaf.kind, row.cells.get(leaf.key)) for leaf in labels]
        values = [(kind, value) for kind, value in cells if isinstance(value, str) and value]
        label = tuple(value for _, value in values)
        codes = "".join(value for kind, value in values if kind == ColumnKind.CODE)
        names = " ".join(value for kind, value in values if kind != ColumnKind.CODE)
        readable = " ".join(part for part in (codes, names) if part) or "（无名称行）"
        rows[(label, seen[label])] = (readable, row)
        seen[label] += 1
    return rows


def _amounts(row: Row | None) -> dict[str, Decimal]:
    if row is None:
        return {}
    return {key: value for key, value in row.cells.items() if isinstance(value, Decimal)}


def _column_path(new: ReportTable | None, old: ReportTable | None, key: str) -> tuple[str, ...]:
    for table in (new, old):
        if table is not None:
            try:
                return tuple(label for label in table.header_path(key) if label)
            except KeyError:
                continue
    return (key,)


def table_changes(old: ReportTable | None, new: ReportTable | None) -> list[FigureChange]:
    """Every amount that differs between two versions of one table, in row order."""
    reference = new or old
    if reference is None:
        return []  # the table is in neither version: nothing changed
    old_rows = _keyed_rows(old) if old else {}
    new_rows = _keyed_rows(new) if new else {}
    keys = list(new_rows) + [key for key in old_rows if key not in new_rows]
    order = {leaf.key: i for i, leaf in enumerate(reference.leaves())}
    changes = []
    for row_key in keys:
        label, before_row = old_rows.get(row_key, ("", None))
        label, after_row = new_rows.get(row_key, (label, None))
        before, after = _amounts(before_row), _amounts(after_row)
        columns = sorted(set(before) | set(after), key=lambda k: order.get(k, len(order)))
        for column in columns:
            if before.get(column) != after.get(column):
                changes.append(
                    FigureChange(
                        table_number=reference.number,
                        table_label=reference.label,
                        table_title=reference.title,
                        row_label=label,
                        column_path=_column_path(new, old, column),
                        old=before.get(column),
                        new=after.get(column),
                    )
                )
    return changes


def snapshot_changes(old: dict, new: dict) -> list[FigureChange]:
    """Every changed figure between two ``Publication.content`` snapshots."""
    from disclosures.tables.serialize import table_from_dict

    old_tables = {t["number"]: table_from_dict(t) for t in old["tables"]}
    new_tables = {t["number"]: table_from_dict(t) for t in new["tables"]}
    changes = []
    for number in sorted(set(old_tables) | set(new_tables)):
        changes += table_changes(old_tables.get(number), new_tables.get(number))
    return changes


def publication_corrections(*, publication: Publication) -> list[Correction]:
    """The 更正说明 of a version: every correction up to it, newest first."""
    versions = list(
        Publication.objects.filter(
            budget_id=publication.budget_id, version__lte=publication.version
        )
        .order_by("version")
        .only("version", "published_at", "reason", "content")
    )
    corrections = [
        Correction(
            version=new.version,
            published_at=new.published_at,
            reason=new.reason,
            changes=snapshot_changes(old.content, new.content),
        )
        for old, new in zip(versions, versions[1:], strict=False)
    ]
    return corrections[::-1]
