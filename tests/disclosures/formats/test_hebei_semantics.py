"""Hebei counts 人员类 and 运转类 (公用经费) projects as 基本支出 (名词解释 7 of 003).

One budget with such projects, rendered in Hebei and in Henan: each format gives its own
基本/项目 split in its key figures and tables, and the checks pass in both.
"""

from decimal import Decimal

import pytest

from disclosures.checks import Level, check_budget
from disclosures.document import disclosure_build
from disclosures.formats import format_get
from disclosures.tables import budget_data
from tests.factories import (
    BudgetFactory,
    DepartmentFactory,
    FiscalYearFactory,
    LineFactory,
    ProjectFactory,
    RegionFactory,
    UnitFactory,
    dept_economic,
    functional,
    gov_economic,
)

D = Decimal


def _project_line(budget, project, func, dept, gov, amount):
    return LineFactory(
        budget=budget,
        unit=project.unit,
        kind="project",
        project=project,
        functional_subject=functional(func, budget.year),
        dept_economic=dept_economic(dept, budget.year),
        gov_economic=gov_economic(gov, budget.year),
        amount=D(amount),
    )


@pytest.fixture
def budget(db):
    """Basic 100.00 (30101); 人员类 10.00 (30101); 运转类 5.00 (30201); 特定目标类 20.00;
    其他运转类 3.00. Total 138.00."""
    region = RegionFactory(code="130609", name="保定市徐水区")
    budget = BudgetFactory(
        department=DepartmentFactory(region=region, code="450"),
        fiscal_year=FiscalYearFactory(year=2024),
    )
    unit = UnitFactory(department=budget.department)
    LineFactory(budget=budget, unit=unit, amount=D("100.00"))
    kinds = (
        ("人员类", "2101501", "30101", "50101", "10.00"),
        ("运转类", "2101501", "30201", "50201", "5.00"),
        ("特定目标类", "2101599", "30299", "50299", "20.00"),
        ("其他运转类", "2101501", "30299", "50299", "3.00"),
    )
    for kind, func, dept, gov, amount in kinds:
        project = ProjectFactory(budget=budget, unit=unit, kind=kind, name=f"{kind}项目")
        _project_line(budget, project, func, dept, gov, amount)
    return budget


def test_the_budget_takes_the_hebei_format_from_its_province(budget):
    assert budget.disclosure_format == "hebei"


def test_hebei_counts_personnel_and_operating_projects_as_basic(budget):
    disclosure = disclosure_build(budget_id=budget.pk, format_key="hebei")
    figures = disclosure.key_figures
    # 100.00 + 10.00 (人员类) + 5.00 (运转类) = 115.00; 20.00 + 3.00 = 23.00
    assert (figures.basic, figures.project) == (D("115.00"), D("23.00"))
    assert figures.general_public_basic == {
        "total": D("115.00"),
        "personnel": D("110.00"),  # 人员类 → 人员经费
        "public": D("5.00"),  # 运转类 → 公用经费
    }
    by_slug = {t.slug: t for t in disclosure.tables}
    total_row = by_slug["expenditure"].rows[0].cells
    assert (total_row["basic"], total_row["project"]) == (D("115.00"), D("23.00"))
    basic = {r.cells.get("dept_code"): r.cells for r in by_slug["basic"].rows}
    assert basic["302"]["public"] == D("5.00")  # the 运转类 project's 30201 is basic 公用经费
    assert basic["30101"]["personnel"] == D("110.00")


def test_henan_counts_the_same_lines_as_project_spending(budget):
    disclosure = disclosure_build(budget_id=budget.pk, format_key="henan")
    figures = disclosure.key_figures
    assert (figures.basic, figures.project) == (D("100.00"), D("38.00"))
    assert figures.general_public_basic["total"] == D("100.00")
    table3 = next(t for t in disclosure.tables if t.slug == "expenditure").rows[0].cells
    # 其他运转类 (人员类, 运转类 and 其他运转类 projects) 18.00; 特定目标类 20.00
    assert (table3["other_operating"], table3["specific"]) == (D("18.00"), D("20.00"))


@pytest.mark.parametrize("format_key", ["hebei", "henan"])
def test_checks_pass_in_both_formats(budget, format_key):
    errors = [
        f
        for f in check_budget(budget_id=budget.pk, format_key=format_key)
        if f.level == Level.ERROR
    ]
    assert errors == []


def test_a_hebei_basic_project_needs_no_indicators(budget):
    warned = {
        f.message
        for f in check_budget(budget_id=budget.pk, format_key="hebei")
        if f.rule == "data-project-goals"
    }
    assert not any("人员类项目" in m or "“运转类项目" in m for m in warned)
    assert any("特定目标类项目" in m for m in warned)


def test_classify_leaves_data_alone_in_formats_without_basic_projects(budget):
    data = budget_data(budget_id=budget.pk)
    assert format_get("henan").classify(data) is data
    hebei = format_get("hebei").classify(data)
    assert sum(1 for c in hebei.cells if c.kind == "basic") == 3
    assert sum(1 for c in data.cells if c.kind == "basic") == 1  # the original is unchanged
