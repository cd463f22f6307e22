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
# procurement, assets, transfer payments. Stated in the README.
TABLE_QUERIES = 14


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


@pytest.mark.parametrize(("format_key", "count"), [("henan", 12), ("hubei", 8), ("hebei", 9)])
def test_query_count_is_the_same_in_every_format(format_key, count):
    """The same fetch serves every format (Hubei reads the province's economic names in the
    query that reads the 类 names): constant in the budget's size, equal across formats."""
    for scale, code in ((1, "921"), (10, "922")):
        budget = synthetic_budget(scale=scale, department_code=f"{code}{count}")
        with CaptureQueriesContext(connection) as captured:
            tables = build_all(budget_id=budget.pk, format_key=format_key)
        assert len(tables) == count
        assert len(captured.captured_queries) == TABLE_QUERIES
