"""The whole disclosure of one budget as one object: cover, parts, explanation, tables.

``Disclosure`` is what the web page, the PDF and the frozen publication share. It is
built once from the database (:func:`disclosure_build`) and can be stored as JSON
(:func:`disclosure_to_dict`) and read back (:func:`disclosure_from_dict`) without
touching the budget again, so a published version never changes when data is edited.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from budgets.models import NarrativeKey
from disclosures.formats import DEFAULT_FORMAT, format_get
from disclosures.keyfigures import (
    KeyFigures,
    key_figures,
    key_figures_from_dict,
    key_figures_to_dict,
)
from disclosures.tables import budget_data
from disclosures.tables.base import ReportTable
from disclosures.tables.serialize import table_from_dict, table_to_dict

# Version of the snapshot layout (``disclosure_to_dict``). 1: Henan tables only, no
# format and no key figures (publications before formats existed); 2: format + key figures.
SCHEMA_VERSION = 2

# The parts of 第一部分 概况, in the order the examples print them.
OVERVIEW_KEYS = (NarrativeKey.MAIN_DUTIES, NarrativeKey.ORGANISATION, NarrativeKey.UNIT_COMPOSITION)


@dataclass
class Section:
    """A titled piece of text; ``paragraphs`` are plain text (escaped when rendered)."""

    title: str
    paragraphs: list[str] = field(default_factory=list)


@dataclass
class Disclosure:
    """Everything one department-year disclosure shows, amounts in 万元."""

    region_code: str
    region_name: str
    year: int
    department_code: str
    department_name: str
    cover_date: str  # ISO date or ""
    overview: list[Section]
    explanation: list[Section]
    glossary: list[Section]
    tables: list[ReportTable]
    key_figures: KeyFigures
    format_key: str = DEFAULT_FORMAT

    @property
    def title(self) -> str:
        return f"{self.department_name}{self.year}年部门预算"

    @property
    def format(self):
        return format_get(self.format_key)

    @property
    def is_full_document(self) -> bool:
        """Cover, 目录 and parts before the tables (Henan), or the tables only (Hubei)."""
        from disclosures.formats import DocumentKind

        return self.format.document == DocumentKind.FULL

    @property
    def explanation_after_tables(self) -> bool:
        """The tables first, then the 情况说明 in numbered sections (Hebei)."""
        from disclosures.formats import DocumentKind

        return self.format.document == DocumentKind.TABLES_THEN_EXPLANATION

    @property
    def explanation_title(self) -> str:
        """The heading of a 情况说明 printed after the tables (the format's wording)."""
        title = self.format.explanation_title or "{department}{year}年部门预算情况说明"
        return title.format(department=self.department_name, year=self.year)

    def toc(self) -> list[tuple[int, str]]:
        """(table number, title) of each table, a form's small tables listed once by its
        heading (the 目录 of the page and the PDF); forms inside the 情况说明 not listed."""
        return [
            (table.number, table.group if table.group else table.title)
            for table in self.table_part
            if not table.group or table.group_first
        ]

    @property
    def table_part(self) -> list[ReportTable]:
        """The tables printed as tables (not the forms inside the 情况说明)."""
        return [table for table in self.tables if not table.section]

    @property
    def explanation_parts(self) -> list[tuple[Section, list[ReportTable]]]:
        """Each section of the 情况说明 with the forms printed after its paragraphs: the
        tables whose ``section`` is the number its title starts with (``七、…``)."""
        forms = [table for table in self.tables if table.section]
        return [
            (s, [t for t in forms if s.title.startswith(f"{t.section}、")])
            for s in self.explanation
        ]

    def table(self, number: int) -> ReportTable:
        """The table at position ``number`` of the format (1-based)."""
        return next(table for table in self.tables if table.number == number)

    def table_label(self, number: int) -> str:
        """The label of table ``number`` in the disclosure's format (``预算03表``)."""
        return self.table(number).label

    def headline(self) -> dict[str, Decimal]:
        """收入/支出总计, 基本/项目支出 and the “三公” total, from the key figures."""
        return self.key_figures.headline


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _narrative_sections(texts: dict[str, str], keys) -> list[Section]:
    return [
        Section(title=NarrativeKey(key).label, paragraphs=_paragraphs(texts[key]))
        for key in keys
        if texts.get(key, "").strip()
    ]


def disclosure_build(*, budget_id: int, format_key: str | None = None) -> Disclosure:
    """Build the whole disclosure of a budget from the database (fixed query count).

    ``format_key`` defaults to the budget's own format; a staff preview may name another.
    """
    data = budget_data(budget_id=budget_id)
    budget, department = data.budget, data.budget.department
    fmt = format_get(format_key or data.format_key)
    data = fmt.classify(data)  # 基本/项目 as the format counts them (Hebei: 人员类/运转类 basic)
    figures = key_figures(data)
    tables = fmt.build_tables(data)
    return Disclosure(
        region_code=department.region.code,
        region_name=department.region.name,
        year=data.year,
        department_code=department.code,
        department_name=department.name,
        cover_date=budget.cover_date.isoformat() if budget.cover_date else "",
        overview=_narrative_sections(data.narrative, OVERVIEW_KEYS),
        explanation=fmt.explanation(data, figures),
        glossary=_narrative_sections(data.narrative, [NarrativeKey.GLOSSARY]),
        tables=tables + fmt.build_forms(data, len(tables)),
        key_figures=figures,
        format_key=fmt.key,
    )


def _sections_to_list(sections: list[Section]) -> list[dict]:
    return [{"title": s.title, "paragraphs": list(s.paragraphs)} for s in sections]


def _sections_from_list(items: list[dict]) -> list[Section]:
    return [Section(title=i["title"], paragraphs=list(i["paragraphs"])) for i in items]


def disclosure_to_dict(disclosure: Disclosure) -> dict:
    """JSON-able form of a disclosure (amounts as two-decimal strings)."""
    return {
        "schema": SCHEMA_VERSION,
        "format": disclosure.format_key,
        "key_figures": key_figures_to_dict(disclosure.key_figures),
        "region_code": disclosure.region_code,
        "region_name": disclosure.region_name,
        "year": disclosure.year,
        "department_code": disclosure.department_code,
        "department_name": disclosure.department_name,
        "cover_date": disclosure.cover_date,
        "overview": _sections_to_list(disclosure.overview),
        "explanation": _sections_to_list(disclosure.explanation),
        "glossary": _sections_to_list(disclosure.glossary),
        "tables": [table_to_dict(table) for table in disclosure.tables],
    }


def disclosure_from_dict(data: dict) -> Disclosure:
    """The inverse of :func:`disclosure_to_dict`; reads schema-1 snapshots too."""
    tables = [table_from_dict(table) for table in data["tables"]]
    if "key_figures" in data:
        figures = key_figures_from_dict(data["key_figures"])
    else:  # schema 1: published as Henan tables before key figures existed
        from disclosures.formats.henan.legacy import key_figures_from_tables

        figures = key_figures_from_tables(tables)
    return Disclosure(
        region_code=data["region_code"],
        region_name=data["region_name"],
        year=data["year"],
        department_code=data["department_code"],
        department_name=data["department_name"],
        cover_date=data.get("cover_date", ""),
        overview=_sections_from_list(data["overview"]),
        explanation=_sections_from_list(data["explanation"]),
        glossary=_sections_from_list(data["glossary"]),
        tables=tables,
        key_figures=figures,
        format_key=data.get("format") or DEFAULT_FORMAT,
    )
