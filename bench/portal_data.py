"""A synthetic region of published disclosures, fast: 1,000 departments × 3 years by default.

Usage (migrates the database ``DATABASE_URL`` names, default the project's SQLite file,
loads the demo budgets if they are missing, then adds what is missing of the region):

    .venv/bin/python bench/portal_data.py                       # 1,000 × 3 (2022–2024)
    .venv/bin/python bench/portal_data.py --departments 20      # smaller, e.g. on SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_portal .venv/bin/python bench/portal_data.py

Nothing is rebuilt from budget lines: the two published demo disclosures are read once
and each synthetic department-year is a copy of one of them (odd departments copy
新乡市红旗区医疗保障局 2022, even ones 三门峡市医疗保障局 2023) with the region, the
department's code and name, and the year changed, and every amount (table cells and the
``… 万元`` figures of the narrative) multiplied by a whole number, ``scale_for(n, i)``, so
sums still add up and each department-year shows different figures. Departments,
budgets (status 已发布), publications (version 1, current, with the denormalised columns
of ``publication_fields``) and their search entries (``search_entries``) are written with
``bulk_create``. The snapshot and columns are worked out once for each source, year and
scale (``Template``, twenty for two years) and only the department's name and code put in
for each department, its snapshot written as JSON text. Running it again adds only what is
missing (idempotent); it prints how long generation took.
"""

import json
import re
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

REGION_CODE = "419800"
REGION_NAME = "合成市"
YEARS = (2022, 2023, 2024)
# Department kinds; a department's name is 合成市第0007号审计局 (number, kind).
KINDS = (
    "医疗保障局",
    "教育局",
    "民政局",
    "财政局",
    "审计局",
    "卫生健康委员会",
    "交通运输局",
    "农业农村局",
    "水利局",
    "文化广电和旅游局",
    "自然资源和规划局",
    "住房和城乡建设局",
    "生态环境局",
    "人力资源和社会保障局",
    "市场监督管理局",
    "应急管理局",
    "统计局",
    "司法局",
    "商务局",
    "退役军人事务局",
)
BATCH = 200  # publications per transaction (each snapshot is about 100 kB of JSON)
YEAR_TEXT = re.compile(r"(?<!\d)(20\d\d)( ?年)")
WAN_YUAN = re.compile(r"(?<![\d.])(\d[\d,]*\.\d{2})( ?万元)")


def department_code(n: int) -> str:
    return f"{n:04d}"


def department_name(n: int) -> str:
    return f"{REGION_NAME}第{n:04d}号{KINDS[n % len(KINDS)]}"


def scale_for(n: int, year_index: int) -> int:
    """The whole number department ``n``'s amounts in its ``year_index``-th year are multiplied by."""
    return n % 5 + 1 + year_index


@dataclass
class Source:
    """A published demo disclosure, as JSON text, that synthetic ones are copied from."""

    year: int
    region_name: str
    department_name: str
    text: str  # json.dumps of the snapshot

    def for_year(self, year: int) -> str:
        """The snapshot text in region 合成市 with every ``YYYY年`` moved to ``year``'s."""
        shift = year - self.year
        text = self.text.replace(self.department_name, "\0")
        text = text.replace(self.region_name, REGION_NAME).replace("\0", self.department_name)
        return YEAR_TEXT.sub(lambda m: f"{int(m.group(1)) + shift}{m.group(2)}", text)


def _scaled(value: str, scale: int) -> str:
    return str(Decimal(value) * scale)


def _scaled_text(text: str, scale: int) -> str:
    def replace(match):
        amount = Decimal(match.group(1).replace(",", "")) * scale
        return f"{amount:,.2f}{match.group(2)}"

    return WAN_YUAN.sub(replace, text)


def synthetic_content(source: Source, year_text: str, *, n: int, year: int, scale: int) -> dict:
    """The snapshot of department ``n`` in ``year``: ``year_text`` (see ``Source.for_year``)
    renamed, amounts multiplied by ``scale``."""
    return _content(
        source, year_text, name=department_name(n), code=department_code(n), year=year, scale=scale
    )


def _content(source: Source, year_text: str, *, name: str, code: str, year: int, scale: int):
    content = json.loads(year_text.replace(source.department_name, name))
    content.update(
        region_code=REGION_CODE,
        region_name=REGION_NAME,
        year=year,
        department_code=code,
        department_name=name,
    )
    for table in content["tables"]:
        table["department_name"] = name
        for row in table["rows"]:
            cells = row["cells"]
            for key in row.get("amounts", ()):
                if cells[key] is not None:
                    cells[key] = _scaled(cells[key], scale)
    for part in ("overview", "explanation", "glossary"):
        for section in content[part]:
            section["paragraphs"] = [_scaled_text(p, scale) for p in section["paragraphs"]]
    if "key_figures" in content:
        _scale_key_figures(content["key_figures"], scale)
    return content


# Stand-ins for a department's name and code in a ``Template`` (characters no demo uses and
# that JSON writes as they are).
NAME_MARK = "〇合成部门名称〇"
CODE_MARK = "〇合成部门代码〇"


@dataclass
class Template:
    """What ``publication_fields`` and ``search_entries`` give for one source, year and
    scale, worked out once with ``NAME_MARK`` and ``CODE_MARK`` for the department: every
    department with that source, year and scale differs only where its name and code stand
    (``synthetic_content``), so its snapshot is the JSON text with them put in."""

    content: str  # JSON text of the snapshot
    fields: dict  # the denormalised columns
    entries: list[tuple[str, str, str]]  # kind, name, code of each search entry

    @classmethod
    def build(cls, source: Source, year_text: str, *, year: int, scale: int) -> "Template":
        from disclosures.document import disclosure_from_dict
        from disclosures.services.publishing import publication_fields, search_entries

        content = _content(
            source, year_text, name=NAME_MARK, code=CODE_MARK, year=year, scale=scale
        )
        disclosure = disclosure_from_dict(content)
        fields = publication_fields(disclosure)
        text = json.dumps(fields.pop("content"), ensure_ascii=False)
        entries = [(e.kind, e.name, e.code) for e in search_entries(disclosure)]
        return cls(text, fields, entries)

    def content_for(self, n: int) -> str:
        return self.content.replace(NAME_MARK, department_name(n)).replace(
            CODE_MARK, department_code(n)
        )

    def fields_for(self, n: int) -> dict:
        return {key: _put(value, n) for key, value in self.fields.items()}

    def entries_for(self, n: int) -> list:
        from disclosures.models import SearchEntry

        return [
            SearchEntry(kind=kind, name=_put(name, n), code=_put(code, n))
            for kind, name, code in self.entries
        ]


def _put(value, n: int):
    if not isinstance(value, str):
        return value
    return value.replace(NAME_MARK, department_name(n)).replace(CODE_MARK, department_code(n))


# Key figures (``disclosures/keyfigures.py``) that are amounts, by how they are stored.
FIGURE_AMOUNTS = (
    "income_total",
    "expenditure_total",
    "current_income",
    "carried_over",
    "basic",
    "project",
    "gov_fund",
    "operating_costs",
)
FIGURE_AMOUNT_DICTS = ("appropriation", "general_public", "general_public_basic", "three_public")


def _scale_key_figures(figures: dict, scale: int) -> None:
    for key in FIGURE_AMOUNTS:
        if figures.get(key) is not None:
            figures[key] = _scaled(figures[key], scale)
    for key in FIGURE_AMOUNT_DICTS:
        figures[key] = {k: _scaled(v, scale) for k, v in figures[key].items()}
    for source in figures["sources"]:
        source["amount"] = _scaled(source["amount"], scale)
    for category in figures["categories"]:
        category["amount"] = _scaled(category["amount"], scale)
        category["general_public"] = _scaled(category["general_public"], scale)
    figures["projects_with_goals"] = [_scaled(v, scale) for v in figures["projects_with_goals"]]


def demo_sources() -> list[Source]:
    """The current publications of the two demo budgets (loaded first if missing)."""
    from django.core.management import call_command

    from disclosures.models import Publication

    demos = Publication.objects.filter(is_current=True).exclude(region_code=REGION_CODE)
    if not demos.filter(department_code__in=["060", "707"]).exists():
        call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    publications = demos.filter(department_code__in=["060", "707"]).order_by("department_code")
    return [
        Source(
            year=p.year,
            region_name=p.region_name,
            department_name=p.department_name,
            text=json.dumps(p.content, ensure_ascii=False),
        )
        for p in publications
    ]


def synthetic_region(*, departments: int = 1000, years=YEARS, verbose: bool = True) -> dict:
    """Add what is missing of the region: departments 1…``departments``, each published in
    every year of ``years``. Returns counts and seconds."""
    from django.db import transaction

    from budgets.models import Budget, BudgetStatus, Department, FiscalYear, Region
    from disclosures.models import Publication, SearchEntry

    start = time.perf_counter()
    sources = demo_sources()
    region, _ = Region.objects.get_or_create(code=REGION_CODE, defaults={"name": REGION_NAME})
    fiscal_years = {y: FiscalYear.objects.get_or_create(year=y)[0] for y in years}
    existing = set(region.departments.values_list("code", flat=True))
    Department.objects.bulk_create(
        [
            Department(region=region, code=department_code(n), name=department_name(n))
            for n in range(1, departments + 1)
            if department_code(n) not in existing
        ],
        batch_size=1000,
    )
    by_code = {d.code: d for d in region.departments.all()}
    have = set(
        Budget.objects.filter(department__region=region).values_list(
            "department__code", "fiscal_year__year"
        )
    )
    Budget.objects.bulk_create(
        [
            Budget(
                department=by_code[department_code(n)],
                fiscal_year=fiscal_years[y],
                status=BudgetStatus.PUBLISHED,
            )
            for n in range(1, departments + 1)
            for y in years
            if (department_code(n), y) not in have
        ],
        batch_size=1000,
    )
    budgets = {
        (b.department.code, b.fiscal_year.year): b
        for b in Budget.objects.filter(department__region=region)
        .select_related("department", "fiscal_year")
        .filter(publications__isnull=True)
    }
    texts = {(i, y): s.for_year(y) for i, s in enumerate(sources) for y in years}
    todo = [
        (n, i, y)
        for n in range(1, departments + 1)
        for i, y in enumerate(years)
        if (department_code(n), y) in budgets
    ]
    created = entries_created = 0
    templates: dict[tuple[int, int, int], Template] = {}
    for offset in range(0, len(todo), BATCH):
        publications, entries, contents = [], [], []
        for n, i, y in todo[offset : offset + BATCH]:
            source = (n + 1) % 2  # odd n: 060 (first by code), even n: 707
            key = (source, y, scale_for(n, i))
            if key not in templates:
                templates[key] = Template.build(
                    sources[source], texts[source, y], year=y, scale=key[2]
                )
            template = templates[key]
            publications.append(
                Publication(
                    budget=budgets[department_code(n), y],
                    version=1,
                    is_current=True,
                    content={},
                    **template.fields_for(n),
                )
            )
            entries.append(template.entries_for(n))
            contents.append(template.content_for(n))
        with transaction.atomic():
            Publication.objects.bulk_create(publications)
            _contents_store(zip(contents, (p.pk for p in publications), strict=True))
            for publication, rows in zip(publications, entries, strict=True):
                for entry in rows:
                    entry.publication = publication
            SearchEntry.objects.bulk_create([e for rows in entries for e in rows])
        created += len(publications)
        entries_created += sum(len(rows) for rows in entries)
    seconds = time.perf_counter() - start
    result = {
        "departments": departments,
        "years": len(years),
        "publications_created": created,
        "search_entries_created": entries_created,
        "current_publications": Publication.objects.filter(
            region_code=REGION_CODE, is_current=True
        ).count(),
        "seconds": seconds,
    }
    if verbose:
        print(
            f"合成区 {REGION_CODE} {REGION_NAME}：{departments} 个部门 × {len(years)} 年，"
            f"新建 {created} 个公开版本、{entries_created} 条检索条目，"
            f"共 {result['current_publications']} 个当前版本；用时 {seconds:.1f} 秒"
        )
    return result


def _contents_store(rows) -> None:
    """Write each publication's snapshot as the JSON text it already is (``rows``: text,
    key): no dict to encode again, and on PostgreSQL no 100 kB snapshots escaped into the
    array literal of a multi-row insert."""
    from django.db import connection

    from disclosures.models import Publication

    quote = connection.ops.quote_name
    table = quote(Publication._meta.db_table)
    column = quote(Publication._meta.get_field("content").column)
    value = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {table} SET {column} = {value} WHERE id = %s", list(rows))


def main() -> None:
    import argparse
    import os

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--departments", type=int, default=1000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    synthetic_region(departments=args.departments)


if __name__ == "__main__":
    main()
