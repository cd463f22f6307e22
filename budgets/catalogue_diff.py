"""Compare an edition file with the catalogue loaded for its year (a read: nothing written).

The loaded edition of year Y is every national entry valid in Y. Against the file's
entries, a code is *added* (in the file only), *removed* (loaded only) or *renamed* (both,
another name). Budgets of year Y or later whose lines use a removed or renamed entry are
named (region, department, year), since a line points at the row valid in its year.
"""

import hashlib
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from django.db.models import Count

from budgets.catalogue_files import KINDS, EditionEntry
from budgets.models import EconomicSubject, ExpenditureLine, FunctionalSubject

# The line's foreign key for each catalogue kind.
LINE_FIELDS = {
    "functional": "functional_subject",
    "dept_economic": "dept_economic",
    "gov_economic": "gov_economic",
}
SCHEMES = {"dept_economic": "dept", "gov_economic": "gov"}


@dataclass(frozen=True)
class Renamed:
    code: str
    old_name: str
    new_name: str


@dataclass(frozen=True)
class BudgetUse:
    region: str
    department: str
    year: int
    lines: int

    def __str__(self):
        return f"{self.region} {self.department} {self.year} 年度（{self.lines} 条支出明细）"


# An entry of an edition: a catalogue entry, or a pair of the economic correspondence.
class Entry(Protocol):
    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


E = TypeVar("E", bound=Entry)
LABELS = {kind.key: kind.label for kind in KINDS.values()} | {
    "correspondence": "部门↔政府经济分类对应关系"
}


@dataclass
class EditionDiff(Generic[E]):
    kind: str
    year: int
    added: list[E] = field(default_factory=list)
    renamed: list[Renamed] = field(default_factory=list)
    removed: list[E] = field(default_factory=list)
    unchanged: int = 0
    uses: dict[str, list[BudgetUse]] = field(default_factory=dict)  # code → budgets

    @property
    def label(self) -> str:
        return LABELS[self.kind]

    @property
    def changed(self) -> bool:
        return bool(self.added or self.renamed or self.removed)

    def digest(self) -> str:
        """A fingerprint of the changes, so a confirmation applies what was previewed."""
        text = repr((self.kind, self.year, self.added, self.renamed, self.removed))
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    def removed_uses(self) -> list[tuple[E, list[BudgetUse]]]:
        return [(e, self.uses[e.code]) for e in self.removed if e.code in self.uses]

    def renamed_uses(self) -> list[tuple[Renamed, list[BudgetUse]]]:
        return [(entry, self.uses[entry.code]) for entry in self.renamed if entry.code in self.uses]


def catalogue_model(kind: str):
    return FunctionalSubject if kind == "functional" else EconomicSubject


def loaded_edition(*, kind: str, year: int):
    """The national rows of the kind valid in ``year``."""
    if kind == "functional":
        return FunctionalSubject.objects.valid_in(year)
    return EconomicSubject.objects.valid_in(year).filter(scheme=SCHEMES[kind])


def budget_uses(*, kind: str, year: int, subject_ids: list[int]) -> dict[str, list[BudgetUse]]:
    """Budgets of ``year`` or later with lines on these rows, by code (one query)."""
    if not subject_ids:
        return {}
    fk = LINE_FIELDS[kind]
    rows = (
        ExpenditureLine.objects.filter(
            **{f"{fk}_id__in": subject_ids}, budget__fiscal_year__year__gte=year
        )
        .values(
            f"{fk}__code",
            "budget__department__region__name",
            "budget__department__name",
            "budget__fiscal_year__year",
        )
        .annotate(lines=Count("id"))
        .order_by(
            f"{fk}__code",
            "budget__fiscal_year__year",
            "budget__department__region__code",
            "budget__department__code",
        )
    )
    uses: dict[str, list[BudgetUse]] = {}
    for row in rows:
        uses.setdefault(row[f"{fk}__code"], []).append(
            BudgetUse(
                region=row["budget__department__region__name"],
                department=row["budget__department__name"],
                year=row["budget__fiscal_year__year"],
                lines=row["lines"],
            )
        )
    return uses


def edition_diff(*, kind: str, year: int, entries: list[EditionEntry]) -> EditionDiff[EditionEntry]:
    """What loading ``entries`` as the ``year`` edition of ``kind`` would change."""
    loaded = {row.code: row for row in loaded_edition(kind=kind, year=year)}
    wanted = {entry.code: entry for entry in entries}
    diff: EditionDiff[EditionEntry] = EditionDiff(kind=kind, year=year)
    for code in sorted(wanted.keys() | loaded.keys()):
        entry, row = wanted.get(code), loaded.get(code)
        if row is None and entry is not None:
            diff.added.append(entry)
        elif entry is None and row is not None:
            diff.removed.append(EditionEntry(code, row.name))
        elif entry is not None and row is not None and entry.name != row.name:
            diff.renamed.append(Renamed(code, row.name, entry.name))
        else:
            diff.unchanged += 1
    affected = [loaded[e.code].pk for e in diff.removed] + [loaded[e.code].pk for e in diff.renamed]
    diff.uses = budget_uses(kind=kind, year=year, subject_ids=affected)
    return diff


def diff_report(diff: EditionDiff) -> list[str]:
    """The diff as lines of text (the management commands print it)."""
    lines = [
        f"{diff.year} 年度{diff.label}：新增 {len(diff.added)} 项，更名 {len(diff.renamed)} 项，"
        f"删除 {len(diff.removed)} 项，未变 {diff.unchanged} 项。"
    ]
    lines += [f"新增 {entry.code} {entry.name}" for entry in diff.added]
    lines += [f"更名 {r.code} {r.old_name} → {r.new_name}" for r in diff.renamed]
    lines += [f"删除 {entry.code} {entry.name}" for entry in diff.removed]
    for entry, uses in diff.removed_uses():
        lines += [f"使用已删除科目 {entry.code} 的预算：{use}" for use in uses]
    for renamed, uses in diff.renamed_uses():
        lines += [f"使用更名科目 {renamed.code} 的预算：{use}" for use in uses]
    return lines
