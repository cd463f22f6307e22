"""The Hebei format (example 003): nine tables, then the 情况说明 in eleven sections.

Files of this format: this module (its tables, style, document parts and semantics),
``tables.py`` (the nine tables as configurations of the builder families), ``checks.py``
(its own rules), and — hook points below — ``explanation.py`` (the writer of the 情况说明,
Hebei wording) and ``forms.py`` (the forms the 情况说明 embeds: 绩效目标表, 政府采购预算,
固定资产占用, 机构设置).

Semantics (名词解释 7 of 003): 人员类 projects and 运转类 (公用经费) projects count as
基本支出 in Hebei, of 人员经费 and 公用经费 respectively; 其他运转类 and 特定目标类 are
项目支出. ``DisclosureFormat.classify`` applies this before key figures, tables and
checks, so the same lines give Hebei's split here and Henan's in Henan.
"""

from budgets.models import CostType, ProjectKind
from disclosures.formats.base import DisclosureFormat, DocumentKind, Style, TableSpec
from disclosures.formats.hebei import explanation as writer
from disclosures.formats.hebei import forms
from disclosures.formats.hebei import tables as t
from disclosures.formats.hebei.checks import hebei_checks
from disclosures.tables.base import HeaderLine

# (slug, builder) in 003's order. The label is the title (003 prints no number); it names
# the downloaded files: 保定市徐水区医疗保障局2024年部门预算收支总表.csv.
TABLES = (
    ("summary", t.build_summary, t.SUMMARY.title),
    ("income", t.build_income, t.INCOME.title),
    ("expenditure", t.build_expenditure, t.EXPENDITURE.title),
    ("appropriation", t.build_appropriation, t.APPROPRIATION.title),
    ("general-public", t.build_general_public, t.GENERAL_PUBLIC.title),
    ("basic", t.build_basic, t.BASIC.title),
    ("gov-fund", t.build_gov_fund, t.GOV_FUND.title),
    ("state-capital", t.build_state_capital, t.STATE_CAPITAL.title),
    ("three-public", t.build_three_public, t.THREE_PUBLIC.title),
)

# Project kinds Hebei counts as 基本支出, with the 人员/公用 type their lines take.
BASIC_PROJECT_KINDS = {
    ProjectKind.PERSONNEL.value: CostType.PERSONNEL.value,
    ProjectKind.OPERATING.value: CostType.PUBLIC.value,
}

# The document in 003's order: the nine tables, then 第一部分 情况说明 (sections 一–十一;
# 七–九 embed the project forms, 政府采购 and 国有资产; 一 the 机构设置 table).
DOCUMENT_PARTS = ("tables", "explanation")


def explanation(data, figures) -> list:
    """Hook: the 情况说明 sections, written by ``explanation.py``."""
    return writer.explanation_sections(data, figures)


def explanation_forms(data) -> list:
    """Hook: the forms of ``forms.py`` as tables, each marked with the section of the
    情况说明 it is printed in (一, 七, 八, 九) and labelled for the downloads' file and
    sheet names: its title, a project's small tables (whose titles repeat) the project's
    number before theirs (``1、资金支出计划（%）``)."""
    groups = forms.hebei_forms(data)
    tables = forms.form_tables(groups)
    sections = {id(f.table): g.section for g in groups for f in g.forms}
    for table in tables:
        table.section = sections[id(table)]
        parts = table.slug.split("-")  # form-project-1-plan: part of project form 1
        partial = table.slug.startswith("form-project-") and len(parts) > 3
        table.label = f"{parts[2]}、{table.title}" if partial else table.title
    return tables


HEBEI = DisclosureFormat(
    key="hebei",
    label="河北格式（九张表及情况说明）",
    tables=tuple(TableSpec(slug, label, build) for slug, build, label in TABLES),
    style=Style(
        blank_zero=True,
        thousands=True,  # 003 has no amount ≥ 1,000, so the separator cannot be told
        percent_decimals=0,  # 003's narrative prints no percentage
        header_line=HeaderLine.CELLS,
        row_numbers=True,
    ),
    document=DocumentKind.TABLES_THEN_EXPLANATION,
    explanation=explanation,
    checks=hebei_checks,
    forms=explanation_forms,
    data_checks=forms.form_checks,
    province_prefixes=("13",),
    basic_project_kinds=BASIC_PROJECT_KINDS,
    explanation_title="第一部分  {department}{year}年部门预算信息公开情况说明",
)
