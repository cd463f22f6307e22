"""The 部门↔政府经济分类 correspondence of one year, from the official file: read, compare, apply.

The file lists every allowed pair of a 部门预算支出经济分类款 and a 政府预算支出经济分类款,
with the unit kind it is for (行政 = 行政单位及参公事业单位, 事业 = 事业单位): a header row
with 部门经济分类科目编码, 政府经济分类科目编码 and 适用单位 (title rows above it are skipped).

Against the pairs valid in year Y, a pair is *added* (in the file only) or *removed*
(loaded only); a pair has no name to rename. Every cell is checked before anything is
compared: both codes are 5-digit 款 of their classification and of the year's loaded
edition, the scope is 行政 or 事业, no pair twice. Applying (atomic) ends a removed pair
in Y−1 (a pair that starts in Y is deleted) and starts an added one in Y. Lines of year Y
or later that use a removed pair are named in the preview and left as they are: the
checks then ask their department for a pair of the year's edition.
"""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count

from budgets.catalogue_diff import BudgetUse, EditionDiff
from budgets.catalogue_files import EditionFileRefused, edition_header, edition_rows
from budgets.models import EconomicCorrespondence, EconomicSubject, ExpenditureLine
from budgets.models.catalogues import CorrespondenceScope, correspondence_scope

KIND = "correspondence"
HEADERS = {
    "dept": {"dept_code", "部门经济分类科目编码", "部门经济分类编码", "部门经济分类"},
    "gov": {"gov_code", "政府经济分类科目编码", "政府经济分类编码", "政府经济分类"},
    "scope": {"applies_to", "适用单位", "单位类型", "单位性质"},
}
SCOPES = {
    "行政": CorrespondenceScope.ADMINISTRATIVE,
    "行政单位": CorrespondenceScope.ADMINISTRATIVE,
    "事业": CorrespondenceScope.INSTITUTION,
    "事业单位": CorrespondenceScope.INSTITUTION,
}
STALE = "对应关系在预览之后已被修改，未写入任何内容：请重新上传文件并核对差异。"


@dataclass(frozen=True, order=True)
class Pair:
    """One allowed pair; ``code`` and ``name`` are what the preview prints."""

    dept: str
    gov: str
    scope: str
    dept_name: str = ""
    gov_name: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.dept, self.gov, self.scope)

    @property
    def code(self) -> str:
        return f"{self.dept} ↔ {self.gov}（{self.scope}）"

    @property
    def name(self) -> str:
        return f"{self.dept_name} ↔ {self.gov_name}"


def _code(value, *, first: str, label: str) -> str:
    if value is not None and not isinstance(value, (str, int)):
        raise ValueError(f"{label}编码单元格应为 5 位数字（不能是日期、小数或逻辑值）")
    code = str(value or "").strip()
    if code.startswith("="):
        raise ValueError(f"{label}编码单元格是公式：请直接填写数字编码")
    if not (code.isascii() and code.isdigit() and len(code) == 5 and code.startswith(first)):
        raise ValueError(f"{label}编码“{code[:30]}”应为以 {first} 开头的 5 位数字（款）")
    return code


def _pair(row: tuple, columns: dict[str, int], names: dict[str, dict[str, str]]) -> Pair:
    def cell(field: str):
        return row[columns[field]] if columns[field] < len(row) else None

    dept = _code(cell("dept"), first="3", label="部门经济分类")
    gov = _code(cell("gov"), first="5", label="政府经济分类")
    scope = SCOPES.get(str(cell("scope") or "").strip())
    if scope is None:
        raise ValueError(f"适用单位“{str(cell('scope') or '')[:20]}”应为“行政”或“事业”")
    for code, scheme, label in ((dept, "dept", "部门经济分类"), (gov, "gov", "政府经济分类")):
        if code not in names[scheme]:
            raise ValueError(
                f"{label}科目 {code} 不在该年度已加载的目录中：请先导入该年度的分类目录"
            )
    return Pair(dept, gov, str(scope), names["dept"][dept], names["gov"][gov])


def _names(year: int) -> dict[str, dict[str, str]]:
    """The year's national 款 of both economic classifications, code → name."""
    names: dict[str, dict[str, str]] = {"dept": {}, "gov": {}}
    rows = EconomicSubject.objects.valid_in(year).filter(level="section", province="")
    for scheme, code, name in rows.values_list("scheme", "code", "name"):
        names[scheme][code] = name
    return names


def correspondence_file_read(*, data: bytes, year: int) -> list[Pair]:
    """The pairs of a correspondence file for ``year``; EditionFileRefused on any problem."""
    rows = edition_rows(data)
    start, columns = edition_header(rows, HEADERS, missing=_MISSING)
    names = _names(year)
    pairs: dict[tuple, Pair] = {}
    seen: dict[tuple, int] = {}
    problems: list[str] = []
    for number, row in enumerate(rows[start + 1 :], start=start + 2):
        if all(str(v or "").strip() == "" for v in row):
            continue
        try:
            pair = _pair(row, columns, names)
        except ValueError as error:
            problems.append(f"第 {number} 行：{error}")
            continue
        if pair.key in seen:
            problems.append(
                f"第 {number} 行：对应关系 {pair.code} 重复（第 {seen[pair.key]} 行已有）"
            )
            continue
        seen[pair.key], pairs[pair.key] = number, pair
    if problems:
        raise EditionFileRefused(problems)
    if not pairs:
        raise EditionFileRefused(["文件中没有对应关系"])
    return sorted(pairs.values())


_MISSING = "未找到表头：文件应有“部门经济分类科目编码”“政府经济分类科目编码”和“适用单位”三列"


def _uses(year: int, removed: list[Pair]) -> dict[str, list[BudgetUse]]:
    """Budgets of ``year`` or later whose lines use a removed pair in a unit of its scope."""
    if not removed:
        return {}
    wanted = {pair.key: pair.code for pair in removed}
    rows = (
        ExpenditureLine.objects.filter(
            budget__fiscal_year__year__gte=year,
            dept_economic__code__in={p.dept for p in removed},
            gov_economic__code__in={p.gov for p in removed},
        )
        .values_list(
            "dept_economic__code",
            "gov_economic__code",
            "unit__kind",
            "budget__department__region__name",
            "budget__department__name",
            "budget__fiscal_year__year",
        )
        .annotate(lines=Count("id"))
        .order_by("budget__fiscal_year__year", "budget__department__code")
    )
    uses: dict[str, list[BudgetUse]] = {}
    for dept, gov, unit_kind, region, department, budget_year, lines in rows:
        code = wanted.get((dept, gov, str(correspondence_scope(unit_kind))))
        if code is not None:
            uses.setdefault(code, []).append(BudgetUse(region, department, budget_year, lines))
    return uses


def correspondence_diff(*, year: int, pairs: list[Pair]) -> EditionDiff[Pair]:
    """What loading ``pairs`` as the ``year`` correspondence would change."""
    names = _names(year)
    loaded = {
        (dept, gov, scope): Pair(
            dept, gov, scope, names["dept"].get(dept, ""), names["gov"].get(gov, "")
        )
        for dept, gov, scope in EconomicCorrespondence.objects.valid_in(year).values_list(
            "dept_code", "gov_code", "applies_to"
        )
    }
    wanted = {pair.key: pair for pair in pairs}
    diff: EditionDiff[Pair] = EditionDiff(kind=KIND, year=year)
    diff.added = [wanted[key] for key in sorted(wanted.keys() - loaded.keys())]
    diff.removed = [loaded[key] for key in sorted(loaded.keys() - wanted.keys())]
    diff.unchanged = len(wanted.keys() & loaded.keys())
    diff.uses = _uses(year, diff.removed)
    return diff


@transaction.atomic
def correspondence_edition_apply(
    *, year: int, pairs: list[Pair], digest: str | None = None
) -> EditionDiff[Pair]:
    """Make the ``year`` correspondence equal to ``pairs``; returns the diff."""
    diff = correspondence_diff(year=year, pairs=pairs)
    if digest is not None and diff.digest() != digest:
        raise EditionFileRefused([STALE])
    valid = EconomicCorrespondence.objects.select_for_update().valid_in(year)
    removed = {pair.key for pair in diff.removed}
    ended = []
    for row in valid:
        if (row.dept_code, row.gov_code, row.applies_to) not in removed:
            continue
        if row.valid_from == year:
            row.delete()
            continue
        row.valid_to = year - 1
        ended.append(row)
    EconomicCorrespondence.objects.bulk_update(ended, ["valid_to"], batch_size=500)
    later = EconomicCorrespondence.objects.filter(valid_from__gt=year).order_by("-valid_from")
    starts = {(r.dept_code, r.gov_code, r.applies_to): r.valid_from for r in later}
    EconomicCorrespondence.objects.bulk_create(
        [
            EconomicCorrespondence(
                dept_code=pair.dept,
                gov_code=pair.gov,
                applies_to=pair.scope,
                valid_from=year,
                valid_to=starts[pair.key] - 1 if pair.key in starts else None,
            )
            for pair in diff.added
        ],
        batch_size=500,
    )
    return diff
