"""Building all twelve tables takes a fixed number of queries, whatever the budget's size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.synthetic import synthetic_budget
from disclosures.document import disclosure_build
from disclosures.tables import build_all

pytestmark = pytest.mark.django_db

# Budget (with prior-year figures), units, line cube, catalogue 功能分类, economic 类 names,
# projects, project indicators, goal, tasks, department indicators, narrative texts,
# procurement, assets, transfer payments, project texts, project planning years, department
# goals, the two prior years' totals. Stated in the README.
TABLE_QUERIES = 18


def queries_to_build(budget) -> int:
    with CaptureQueriesContext(connection) as captured:
        tables = build_all(budget_id=budget.pk)
    assert len(tables) == 12
    return len(captured.captured_queries)


def test_query_count_is_constant_in_budget_size():
    small = synthetic_budget(scale=1, department_code="901")
    large = synthetic_budget(scale=10, department_code="910")  # ten times a demo budget
    assert large.lines.count() == 10 * small.lines.count()
    assert queries_to_build(small) == TABLE_QUERIES
    assert queries_to_build(large) == TABLE_QUERIES


def test_whole_disclosure_needs_no_more_queries_than_the_tables():
    budget = synthetic_budget(scale=10, department_code="911")
    with CaptureQueriesContext(connection) as captured:
        disclosure = disclosure_build(budget_id=budget.pk)
    assert len(disclosure.tables) == 12
    assert len(captured.captured_queries) == TABLE_QUERIES


def _with_form_data(budget, goals: int):
    """Texts, planning years and indicators for every project, ``goals`` department goals."""
    from budgets.models import DepartmentGoal, DepartmentIndicator, ProjectPlan, ProjectText

    for project in budget.projects.all():
        ProjectText.objects.create(project=project, key="basis", text="依据")
        ProjectPlan.objects.create(project=project, year=budget.year + 1, row="funding", amount=1)
    for number in range(1, goals + 1):
        goal = DepartmentGoal.objects.create(
            budget=budget, horizon="annual", number=number, text="目标"
        )
        DepartmentIndicator.objects.create(
            budget=budget, goal=goal, level1="产出指标", level3="指标"
        )
    return budget


def _expected_tables(format_key: str, budget) -> int:
    if format_key == "henan":
        return 12
    if format_key == "hebei":
        return 9  # its forms are part of the 情况说明, not tables
    # （一）–（八）, nine small tables per project form, five of （十） plus one per goal
    return 8 + 9 * budget.projects.count() + 5 + budget.department_goals.count()


@pytest.mark.parametrize("format_key", ["henan", "hubei", "hebei"])
def test_query_count_is_the_same_in_every_format(format_key):
    """The same fetch serves every format (Hubei reads the province's economic names in the
    query that reads the 类 names; its forms read texts, plans and goals): constant in the
    budget's size, equal across formats."""
    for scale, code in ((1, "921"), (10, "922")):
        budget = synthetic_budget(scale=scale, department_code=f"{code}{len(format_key)}")
        _with_form_data(budget, goals=scale * 3)
        with CaptureQueriesContext(connection) as captured:
            tables = build_all(budget_id=budget.pk, format_key=format_key)
        assert len(tables) == _expected_tables(format_key, budget)
        assert len(captured.captured_queries) == TABLE_QUERIES
