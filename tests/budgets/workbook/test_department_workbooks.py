"""Budgets beyond health care, end to end: five kinds of department (issue 13 item 6).

Each synthetic workbook (``tests/support/department_workbooks.py``) imports, passes the
checks with no error, and renders all twelve tables; table 1 of the Henan format lists
every 类 of the edition, and each department's money sits in its own 类.
"""

from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from budgets.models import FunctionalSubject
from budgets.workbook.importing import budget_workbook_import
from disclosures.checks import Level, check_budget
from disclosures.tables import build_all
from tests.support.database import migrated_database
from tests.support.department_workbooks import DEPARTMENTS, YEAR, department_workbook

pytestmark = pytest.mark.django_db

# Hand arithmetic over the rows of department_workbooks.py. Basic lines are the same in
# every department: 机关 96 + 64.80 + 8 + 21.36 + 9.60 + 13.44 + 6 + 4.20 + 2.70 = 226.10;
# 事业 unit 120 + 30 + 72 + 26.70 + 12 + 16.80 + 9 + 3.30 = 289.80, plus 事业收入 15.00.
BASIC = Decimal("530.90")
# key: (project lines total, of which 政府性基金)
EXPECTED = {
    "education": (Decimal("152.00"), Decimal("35.00")),  # 86.40 + 35 + 18.60 + 12; fund 35
    "public_security": (Decimal("220.50"), Decimal("20.00")),  # 64 + 16.50 + 120 + 20
    "water": (Decimal("405.00"), Decimal("210.00")),  # 45 + 150 + 210
    "transport": (Decimal("468.50"), Decimal("96.00")),  # 320 + 40 + 96 + 8 + 4.50
    "urban": (Decimal("738.00"), Decimal("630.00")),  # 38 + 500 + 130 + 70; fund 500 + 130
}
# Per 类 the basic lines give 208: 21.36 + 26.70 = 48.06, 210: 9.60 + 12 = 21.60,
# 221: 13.44 + 16.80 = 30.24, and the department's own 类 the rest: 530.90 - 99.90 = 431.00.
OWN_BASIC = Decimal("431.00")
# The department's own 类 in table 1: own basic + its projects outside 229 and fund 款
# of the same 类 (212 and 213 and 214 funds are in their 类; 229 lottery funds are not).
OWN_CATEGORY = {
    "education": OWN_BASIC + Decimal("117.00"),  # 86.40 + 18.60 + 12
    "public_security": OWN_BASIC + Decimal("200.50"),  # 64 + 16.50 + 120
    "water": OWN_BASIC + Decimal("405.00"),
    "transport": OWN_BASIC + Decimal("468.50"),
    "urban": OWN_BASIC + Decimal("738.00"),
}


@pytest.fixture(scope="module")
def workbooks(django_db_setup, django_db_blocker):
    # The writer reads the year's catalogue for the template's 科目目录 sheet (read only).
    with migrated_database(django_db_blocker):
        return {spec.key: department_workbook(spec) for spec in DEPARTMENTS}


def _amount(text: str) -> Decimal:
    return Decimal(text.replace(",", "") or "0")


@pytest.mark.parametrize("spec", DEPARTMENTS, ids=lambda spec: spec.key)
def test_department_workbook_imports_passes_checks_and_renders(spec, workbooks, admin_client):
    budget = budget_workbook_import(data=workbooks[spec.key], create_missing=True)
    assert budget.year == YEAR and budget.department.name == spec.name
    errors = [f.message for f in check_budget(budget_id=budget.pk) if f.level == Level.ERROR]
    assert errors == []
    project_total, fund = EXPECTED[spec.key]
    tables = {t.number: t for t in build_all(budget_id=budget.pk)}
    assert len(tables) == 12
    args = [budget.department.region.code, budget.year, budget.department.code]
    page = admin_client.get(reverse("disclosures:preview", args=args)).content.decode()
    soup = BeautifulSoup(page, "html.parser")
    assert [t["data-table"] for t in soup.select("table.disclosure")] == [
        str(n) for n in range(1, 13)
    ]
    table1 = soup.select_one("table.disclosure[data-table='1']").get_text(" ")
    # Every 类 of the edition is a row of table 1, by its short name or name.
    for category in FunctionalSubject.objects.valid_in(YEAR).filter(level="category"):
        assert (category.short_name or category.name) in table1, category.code
    t1 = tables[1]
    amounts = {
        row.cells.get("out_code"): row.cells.get("out_amount")
        for row in t1.rows
        if row.cells.get("out_code")
    }
    categories = FunctionalSubject.objects.valid_in(YEAR).filter(level="category")
    assert sorted(amounts) == sorted(c.code for c in categories)  # all 30, in table 1's rows
    assert amounts[spec.category] == OWN_CATEGORY[spec.key]
    assert amounts["208"] == Decimal("48.06")
    assert amounts["210"] == Decimal("21.60")
    assert amounts["221"] == Decimal("30.24")
    assert sum(amounts.values()) == BASIC + project_total
    gov_fund_rows = [r for r in tables[9].rows if r.cells.get("total")]
    assert max(r.cells["total"] for r in gov_fund_rows) == fund  # table 9's 合计 row
