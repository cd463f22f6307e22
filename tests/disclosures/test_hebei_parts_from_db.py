"""The Hebei forms and explanation on a budget read from the database: the builders run on
``budget_data`` without a query of their own, whatever the budget's size."""

from dataclasses import replace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from budgets.services.demo import budget_load
from disclosures.formats.hebei.explanation import explanation_sections
from disclosures.formats.hebei.forms import form_tables, hebei_forms
from disclosures.keyfigures import key_figures
from disclosures.tables import budget_data
from tests.budgets.workbook.test_hebei_columns import HEBEI

pytestmark = pytest.mark.django_db


def classified(data):
    """运转类 project lines as 公用经费, as the Hebei format's ``classify`` counts them
    (名词解释 7 of 003; the format package is built on another branch)."""
    basic = {p.pk for p in data.projects if p.kind == "运转类"}
    cells = [
        replace(c, kind="basic", cost_type="public") if c.project_id in basic else c
        for c in data.cells
    ]
    return replace(data, cells=cells)


def test_forms_and_explanation_from_the_database():
    budget = budget_load(data=HEBEI)
    data = classified(budget_data(budget_id=budget.pk))
    with CaptureQueriesContext(connection) as queries:
        groups = hebei_forms(data)
        sections = explanation_sections(data, key_figures(data))
    assert len(queries) == 0
    tables = form_tables(groups)
    # One project of 项目支出 (the 运转类 公用经费 project is basic): 1 + 5 + 1 + 1 tables.
    assert [t.slug for t in tables][:2] == ["form-organisation", "form-project-1"]
    assert len(tables) == 8
    organisation = tables[0].rows[0].cells
    assert (organisation["grade"], organisation["funding_form"]) == ("正科级", "财政拨款")
    procurement = next(t for t in tables if t.slug == "form-procurement")
    paper = procurement.rows[2].cells
    # Source 公用经费项目一（三保） with its 6.26 of (basic) lines; 单价 0.022 prints 0.02.
    assert (paper["source"], str(paper["source_budget"]), str(paper["unit_price"])) == (
        "公用经费项目一（三保）",
        "6.26",
        "0.02",
    )
    by_title = {s.title: s.paragraphs for s in sections}
    # 基本支出 1.84 + 6.26 = 8.1; 项目支出 15; last year 436.13 and 72.40.
    assert by_title["二、部门预算安排的总体情况"][5] == (
        "本年度预算收支安排23.1万元，较上年减少485.43万元。其中：基本支出减少428.03万元，"
        "主要原因是减少劳务派遣人员经费；项目支出减少57.4万元。"
    )
    assert by_title["五、部门整体绩效目标"][-1] == "1、加强组织领导。"
