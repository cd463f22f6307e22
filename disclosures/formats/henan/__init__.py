"""The Henan format (examples 000 and 001): cover, 目录, three parts and 预算01表 … 预算12表.

Files of this format: this module (its tables and style), ``explanation.py`` and
``other.py`` (the nine sections of its 情况说明), ``across.py``, ``within.py`` and
``checks.py`` (its rules between and inside tables), ``progress.py`` (its 填报进度), ``legacy.py`` (key figures of
snapshots published before formats existed).
"""

from disclosures.formats.base import DisclosureFormat, DocumentKind, Style, TableSpec
from disclosures.formats.henan.checks import henan_checks
from disclosures.formats.henan.explanation import explanation_sections
from disclosures.formats.henan.progress import henan_progress
from disclosures.tables.t01_summary import build_summary
from disclosures.tables.t02_income import build_income
from disclosures.tables.t03_expenditure import build_expenditure
from disclosures.tables.t04_appropriation import build_appropriation
from disclosures.tables.t05_general_public import build_general_public
from disclosures.tables.t06_basic import build_basic
from disclosures.tables.t07_economic import build_economic
from disclosures.tables.t08_three_public import build_three_public
from disclosures.tables.t09_gov_fund import build_gov_fund
from disclosures.tables.t10_projects import build_projects
from disclosures.tables.t11_department_goals import build_department_goals
from disclosures.tables.t12_project_goals import build_project_goals

TABLES = (
    ("summary", build_summary),
    ("income", build_income),
    ("expenditure", build_expenditure),
    ("appropriation", build_appropriation),
    ("general-public", build_general_public),
    ("basic", build_basic),
    ("economic", build_economic),
    ("three-public", build_three_public),
    ("gov-fund", build_gov_fund),
    ("projects", build_projects),
    ("department-goals", build_department_goals),
    ("project-goals", build_project_goals),
)

HENAN = DisclosureFormat(
    key="henan",
    label="河南格式（封面、三部分、十二张表）",
    tables=tuple(
        TableSpec(slug, f"预算{n:02d}表", build) for n, (slug, build) in enumerate(TABLES, start=1)
    ),
    style=Style(blank_zero=True, thousands=True, percent_decimals=2),
    document=DocumentKind.FULL,
    explanation=explanation_sections,
    checks=henan_checks,
    province_prefixes=("41",),
    progress=henan_progress,
)
