"""Apply an official edition file of one classification for one year (atomic).

An edition of year Y holds from Y on, so each change splits the row valid in Y:

- *added*: a new row from Y (up to the year before a later row of the code, if any);
- *renamed*: the old row ends in Y-1 and a new row with the new name starts in Y (keeping
  the old row's end); lines of budgets of year Y or later move to the new row, so each
  line keeps pointing at the row valid in its year. A row that starts in Y itself (an
  earlier load of the same edition) is renamed in place;
- *removed*: the row ends in Y-1. Lines of year Y or later that still use it are left as
  they are (the preview names their budgets): the data-entry forms then ask for a code of
  the year's edition. A row that starts in Y is deleted, unless lines use it: then the
  whole file is refused.

Moving lines is a catalogue correction, not a clerk's edit: it is an ``update()``, without
a history record or a new lock version.
"""

from django.db import transaction

from budgets.catalogue_diff import (
    LINE_FIELDS,
    SCHEMES,
    EditionDiff,
    budget_uses,
    catalogue_model,
    edition_diff,
    loaded_edition,
)
from budgets.catalogue_files import EditionEntry, EditionFileRefused
from budgets.models import ExpenditureLine

STALE = "目录在预览之后已被修改，未写入任何内容：请重新上传文件并核对差异。"


def _new_row(model, kind: str, *, entry: EditionEntry, year: int, valid_to: int | None):
    fields = {
        "code": entry.code,
        "name": entry.name,
        "level": entry.level,
        "valid_from": year,
        "valid_to": valid_to,
        "source": f"file:{year}",
    }
    if kind == "functional":
        fields["short_name"] = entry.short_name
    else:
        fields["scheme"] = SCHEMES[kind]
    return model(**fields)


def _next_starts(model, kind: str, codes: list[str], year: int) -> dict[str, int]:
    """For each code, the first year after ``year`` that a row of it starts in."""
    rows = model.objects.filter(code__in=codes, valid_from__gt=year)
    if kind != "functional":
        rows = rows.filter(scheme=SCHEMES[kind], province="")
    starts: dict[str, int] = {}
    for code, start in rows.order_by("-valid_from").values_list("code", "valid_from"):
        starts[code] = start
    return starts


def _remove(kind: str, year: int, diff: EditionDiff, loaded: dict) -> None:
    rows = [loaded[entry.code] for entry in diff.removed]
    same_year = [row for row in rows if row.valid_from == year]
    # Any line on such a row blocks its deletion (lines are protected), whatever its year.
    uses = budget_uses(kind=kind, year=0, subject_ids=[row.pk for row in same_year])
    if uses:
        raise EditionFileRefused(
            [
                f"科目 {code} 自 {year} 年度起才有，文件中已删除，但仍被使用："
                + "；".join(str(use) for use in found)
                + "。请先修改这些支出明细，或在文件中保留该科目。"
                for code, found in uses.items()
            ]
        )
    catalogue_model(kind).objects.filter(pk__in=[row.pk for row in same_year]).delete()
    ended = [row for row in rows if row.valid_from < year]
    for row in ended:
        row.valid_to = year - 1
    catalogue_model(kind).objects.bulk_update(ended, ["valid_to"])


def _rename(kind: str, year: int, diff: EditionDiff, loaded: dict) -> None:
    model, fk = catalogue_model(kind), LINE_FIELDS[kind]
    ended, new_rows = [], []
    for renamed in diff.renamed:
        row = loaded[renamed.code]
        if row.valid_from == year:
            model.objects.filter(pk=row.pk).update(name=renamed.new_name, source=f"file:{year}")
            continue
        entry = EditionEntry(renamed.code, renamed.new_name, getattr(row, "short_name", ""))
        new_rows.append(_new_row(model, kind, entry=entry, year=year, valid_to=row.valid_to))
        row.valid_to = year - 1
        ended.append(row)
    model.objects.bulk_update(ended, ["valid_to"], batch_size=500)
    model.objects.bulk_create(new_rows, batch_size=500)
    # Lines move only where the diff found some (one statement per code in use).
    new_ids = dict(_new_ids(model, kind, [r.code for r in new_rows], year)) if new_rows else {}
    for row in ended:
        if row.code in diff.uses:
            ExpenditureLine.objects.filter(
                **{f"{fk}_id": row.pk}, budget__fiscal_year__year__gte=year
            ).update(**{f"{fk}_id": new_ids[row.code]})


def _new_ids(model, kind: str, codes: list[str], year: int):
    """(code, pk) of the rows just created from ``year`` (bulk_create may not set pks)."""
    rows = model.objects.filter(code__in=codes, valid_from=year)
    if kind != "functional":
        rows = rows.filter(scheme=SCHEMES[kind], province="")
    return rows.values_list("code", "pk")


def _add(kind: str, year: int, diff: EditionDiff) -> None:
    model = catalogue_model(kind)
    starts = _next_starts(model, kind, [entry.code for entry in diff.added], year)
    rows = [
        _new_row(
            model,
            kind,
            entry=entry,
            year=year,
            valid_to=starts[entry.code] - 1 if entry.code in starts else None,
        )
        for entry in diff.added
    ]
    model.objects.bulk_create(rows, batch_size=500)


@transaction.atomic
def catalogue_edition_apply(
    *, kind: str, year: int, entries: list[EditionEntry], digest: str | None = None
) -> EditionDiff:
    """Make the loaded ``year`` edition of ``kind`` equal to ``entries``; returns the diff.

    With ``digest`` (from the preview), the file is refused when the changes are no
    longer the ones previewed. Nothing is written when anything is refused.
    """
    diff = edition_diff(kind=kind, year=year, entries=entries)
    if digest is not None and diff.digest() != digest:
        raise EditionFileRefused([STALE])
    loaded = {row.code: row for row in loaded_edition(kind=kind, year=year)}
    _remove(kind, year, diff, loaded)
    _rename(kind, year, diff, loaded)
    _add(kind, year, diff)
    return diff
