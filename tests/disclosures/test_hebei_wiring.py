"""The Hebei forms wired into the document: a frozen snapshot keeps them in their sections,
the XLSX/CSV/JSON downloads carry them after the nine tables, and ``check_budget`` runs the
forms' own checks (``forms.form_checks``) on a Hebei budget."""

import io
import zipfile

import pytest
from openpyxl import load_workbook

from disclosures.document import disclosure_from_dict, disclosure_to_dict
from disclosures.exports.csvfiles import csv_zip_bytes
from disclosures.exports.xlsx import workbook_bytes
from tests.support.database import migrated_database

pytestmark = pytest.mark.django_db

# 003: nine tables; forms 机构设置 1 + 8 projects × 5 + 政府采购 1 + 固定资产 1.
FORMS = 1 + 8 * 5 + 1 + 1


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """003's disclosure, and the findings of check_budget with one project's plan removed."""
    from django.db import transaction

    from budgets.services.demo import demo_budget_load, demo_files
    from disclosures.checks import check_budget
    from disclosures.document import disclosure_build
    from disclosures.tables import budget_data

    with migrated_database(django_db_blocker), transaction.atomic():
        path = next(p for p in demo_files() if p.name.startswith("003"))
        budget = demo_budget_load(path=path)
        disclosure = disclosure_build(budget_id=budget.pk)
        clean = check_budget(budget_id=budget.pk)
        data = budget_data(budget_id=budget.pk)
        project = next(p for p in data.projects if p.code == "13062524P00001510302M")
        project.plan_march = project.plan_june = project.plan_october = None
        project.plan_december = None
        broken = check_budget(budget_id=budget.pk, data=data)
        transaction.set_rollback(True)
    return disclosure, clean, broken


def test_forms_follow_the_tables_numbered_on(built):
    disclosure = built[0]
    assert len(disclosure.tables) == 9 + FORMS
    assert [t.number for t in disclosure.tables] == list(range(1, 10 + FORMS))
    assert all(not t.section for t in disclosure.tables[:9])
    assert [n for n, _ in disclosure.toc()] == list(range(1, 10))  # forms not in the 目录
    parts = dict((s.title[0], len(forms)) for s, forms in disclosure.explanation_parts)
    assert (parts["一"], parts["七"], parts["八"], parts["九"]) == (1, 40, 1, 1)
    assert sum(parts.values()) == FORMS


def test_snapshot_round_trip_keeps_the_forms_in_their_sections(built):
    disclosure = built[0]
    stored = disclosure_to_dict(disclosure)
    again = disclosure_from_dict(stored)
    assert disclosure_to_dict(again) == stored
    before = [(s.title, [t.title for t in f]) for s, f in disclosure.explanation_parts]
    after = [(s.title, [t.title for t in f]) for s, f in again.explanation_parts]
    assert after == before
    assert again.table(10 + 8 * 5).header_line == disclosure.table(50).header_line


def test_downloads_carry_every_form_with_a_unique_name(built):
    disclosure = built[0]
    workbook = load_workbook(io.BytesIO(workbook_bytes(disclosure)))
    names = workbook.sheetnames
    assert len(names) == len(set(names)) == 9 + FORMS
    assert "部门政府采购预算" in names and "1、资金支出计划（%）" in names
    assert all(len(name) <= 31 for name in names)
    with zipfile.ZipFile(io.BytesIO(csv_zip_bytes(disclosure))) as archive:
        files = archive.namelist()
    assert len(files) == len(set(files)) == 9 + FORMS
    assert "保定市徐水区医疗保障局2024年部门固定资产占用情况表.csv" in files


def test_check_budget_runs_the_forms_checks(built):
    _, clean, broken = built
    codes = {f.rule for f in broken} - {f.rule for f in clean}
    assert codes == {"hebei-spending-plan-missing"}
    message = next(f.message for f in broken if f.rule == "hebei-spending-plan-missing")
    assert "劳务派遣人员经费" in message


def test_last_years_basic_and_project_read_one_source():
    """上年数 wins over 近两年收支金额; without it, last year's 近两年 row is read."""
    from copy import copy
    from dataclasses import replace
    from decimal import Decimal

    from budgets.models import PriorYearTotals
    from disclosures.formats.hebei.explanation import explanation_sections
    from disclosures.keyfigures import key_figures
    from tests.disclosures.hebei_003 import data_003

    def overall(data) -> str:
        return "".join(explanation_sections(data, key_figures(data))[1].paragraphs)

    data = data_003()
    totals = {2023: PriorYearTotals(year=2023, basic=Decimal("400.00"), project=Decimal("80"))}
    both = replace(data, prior_totals=totals)
    assert "基本支出减少18.69万元" in overall(both)  # 436.13 − 417.44 (上年数)
    prior = copy(data.prior_year)
    prior.basic_total = prior.project_total = None
    only_totals = replace(data, prior_year=prior, prior_totals=totals)
    text = overall(only_totals)
    assert "基本支出增加17.44万元" in text and "项目支出增加54.68万元" in text
