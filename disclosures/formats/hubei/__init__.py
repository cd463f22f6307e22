"""The Hubei format (example 002): the numbered tables only, no cover, 目录 or 情况说明.

Files of this format: this module (its tables, labels and style), ``tables.py`` (tables
（一）–（八） as configurations of the builder families), ``project_form.py`` (（九）, one form
per project) and ``department_form.py`` (（十）), each form a group of small tables, and
``checks.py`` (its own rules).
"""

from disclosures.formats.base import DisclosureFormat, DocumentKind, Style, TableSpec
from disclosures.formats.hubei import tables as t
from disclosures.formats.hubei.checks import hubei_checks
from disclosures.formats.hubei.department_form import build_department_form
from disclosures.formats.hubei.project_form import build_project_forms
from disclosures.places import ProgressItem
from disclosures.progress import department_items, lines_item, project_items
from disclosures.tables.base import HeaderLine

LABELS = "一二三四五六七八九十"

# (slug, builder, header line, column-number row) in 002's order.
TABLES = (
    ("summary", t.build_summary, None, False),
    ("income", t.build_income, None, True),
    ("expenditure", t.build_expenditure, None, True),
    ("appropriation", t.build_appropriation, None, False),
    ("general-public", t.build_general_public, HeaderLine.NONE, True),  # （五）: no unit line
    ("basic", t.build_basic, HeaderLine.NONE, True),  # （六）: no unit line
    ("three-public", t.build_three_public, None, False),
    ("gov-fund", t.build_gov_fund, None, True),
)


def no_explanation(data, figures) -> list:
    """002 publishes no 情况说明 (spec §2.1)."""
    return []


def hubei_progress(data) -> list[ProgressItem]:
    """002 prints no texts and no comparison with last year: the lines, and the goals and
    indicators its forms （九） and （十） print."""
    return [lines_item(data), *department_items(data), *project_items(data)]


HUBEI = DisclosureFormat(
    key="hubei",
    label="湖北格式（仅公开表（一）至（十））",
    tables=(
        *(
            TableSpec(
                slug,
                f"（{LABELS[n]}）",
                build,
                header_line=header_line,
                column_numbers=column_numbers,
            )
            for n, (slug, build, header_line, column_numbers) in enumerate(TABLES)
        ),
        TableSpec("project-forms", "（九）", build_project_forms, group="项目绩效目标公开表"),
        TableSpec(
            "department-form", "（十）", build_department_form, group="部门整体支出绩效目标公开表"
        ),
    ),
    style=Style(
        blank_zero=False,
        thousands=False,
        percent_decimals=0,
        header_line=HeaderLine.UNIT,
        label_in_title=True,
    ),
    document=DocumentKind.TABLES,
    explanation=no_explanation,
    checks=hubei_checks,
    province_prefixes=("42",),
    progress=hubei_progress,
)
