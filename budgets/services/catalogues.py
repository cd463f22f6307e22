"""Load the classification catalogues shipped in ``budgets/catalogue_data/``.

Idempotent: rows are matched on their natural key and updated in place, so running it
again after editing a CSV applies the edit and creates nothing twice.
"""

import csv
from pathlib import Path

from django.apps import apps as global_apps
from django.db import transaction

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "catalogue_data"

FUNCTIONAL_LEVELS = {3: "category", 5: "section", 7: "item"}
ECONOMIC_LEVELS = {3: "category", 5: "section"}
CORRESPONDENCE_LEVELS = {5: "section"}  # 部门/政府经济分类 款 pair


def catalogue_code_clean(value, *, lengths) -> str:
    """A catalogue code as text: digits only, as long as one of its levels (3/5/7).

    A spreadsheet turns some cells into dates, fractions or formula results: a code must
    be typed as digits (a whole number cell is accepted), never read from such a cell.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError("科目编码为空")
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"科目编码“{value}”应为数字（单元格不能是日期、小数或公式）")
    code = value.strip()
    if not code:
        raise ValueError("科目编码为空")
    wanted = "/".join(str(n) for n in sorted(lengths))
    if not (code.isascii() and code.isdigit()) or len(code) not in lengths:
        raise ValueError(f"科目编码“{code[:30]}”应为 {wanted} 位数字")
    return code


def catalogue_name_clean(value) -> str:
    """A catalogue name: non-empty text (a formula cell without a stored result is empty)."""
    name = "" if value is None else str(value).strip()
    if not name:
        raise ValueError("科目名称不能为空（公式单元格请先转为数值）")
    return name


def _year(value: str | None) -> int | None:
    value = (value or "").strip()
    return int(value) if value else None


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)
        ]


def _upsert(model, rows: list[dict], key_fields: tuple[str, ...]) -> int:
    """Create or update ``rows`` keyed on ``key_fields``; returns how many rows changed."""
    # A historical model (migration 0002) may predate a column such as ``source``: drop it.
    names = {f.name for f in model._meta.concrete_fields}
    rows = [{k: v for k, v in row.items() if k in names} for row in rows]
    existing = {tuple(getattr(obj, f) for f in key_fields): obj for obj in model.objects.all()}
    to_create, to_update, fields = [], [], set()
    for row in rows:
        obj = existing.get(tuple(row[f] for f in key_fields))
        if obj is None:
            to_create.append(model(**row))
            continue
        changed = [f for f, v in row.items() if getattr(obj, f) != v]
        if changed:
            for f in changed:
                setattr(obj, f, row[f])
            fields.update(changed)
            to_update.append(obj)
    model.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        model.objects.bulk_update(to_update, sorted(fields), batch_size=500)
    return len(to_create) + len(to_update)


def _functional_rows(directory: Path) -> list[dict]:
    return [
        {
            "code": catalogue_code_clean(r["code"], lengths=FUNCTIONAL_LEVELS),
            "name": catalogue_name_clean(r["name"]),
            "short_name": r.get("short_name", ""),
            "level": FUNCTIONAL_LEVELS[len(r["code"])],
            "valid_from": _year(r["valid_from"]),
            "valid_to": _year(r.get("valid_to")),
            "source": r.get("source", ""),
        }
        for r in _read(directory / "functional.csv")
    ]


def _economic_rows(directory: Path) -> list[dict]:
    rows = []
    for scheme, filename in (("dept", "dept_economic.csv"), ("gov", "gov_economic.csv")):
        rows += [
            {
                "scheme": scheme,
                "code": catalogue_code_clean(r["code"], lengths=ECONOMIC_LEVELS),
                "name": catalogue_name_clean(r["name"]),
                "level": ECONOMIC_LEVELS[len(r["code"])],
                "valid_from": _year(r["valid_from"]),
                "valid_to": _year(r.get("valid_to")),
                "source": r.get("source", ""),
            }
            for r in _read(directory / filename)
        ]
    return rows


def _correspondence_rows(directory: Path) -> list[dict]:
    return [
        {
            "dept_code": r["dept_code"],
            "gov_code": r["gov_code"],
            "applies_to": r["applies_to"],
            "valid_from": _year(r["valid_from"]),
            "valid_to": _year(r.get("valid_to")),
        }
        for r in _read(directory / "economic_correspondence.csv")
    ]


@transaction.atomic
def catalogues_load(*, directory: Path = CATALOGUE_DIR, apps=global_apps) -> dict[str, int]:
    """Load all four catalogue files; ``apps`` lets a data migration pass historical models."""
    functional = apps.get_model("budgets", "FunctionalSubject")
    economic = apps.get_model("budgets", "EconomicSubject")
    correspondence = apps.get_model("budgets", "EconomicCorrespondence")
    return {
        "功能分类": _upsert(functional, _functional_rows(directory), ("code", "valid_from")),
        "经济分类": _upsert(economic, _economic_rows(directory), ("scheme", "code", "valid_from")),
        "对应关系": _upsert(
            correspondence,
            _correspondence_rows(directory),
            ("dept_code", "gov_code", "applies_to", "valid_from"),
        ),
    }
