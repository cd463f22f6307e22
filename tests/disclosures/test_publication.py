"""Frozen publications: the snapshot round-trips exactly and does not follow later edits."""

from decimal import Decimal

import pytest
from django.http import Http404

from budgets.models import ExpenditureLine
from disclosures.document import disclosure_build, disclosure_from_dict, disclosure_to_dict
from disclosures.selectors import publication_get, publications_current
from disclosures.services.publishing import publication_create


@pytest.mark.parametrize("key", ["000", "001"])
def test_snapshot_round_trip_gives_the_same_disclosure(demo_drafts, key):
    built = disclosure_build(budget_id=demo_drafts[key].pk)
    stored = disclosure_to_dict(built)
    assert disclosure_from_dict(stored) == built
    # Amounts travel as two-decimal strings, never floats.
    summary = stored["tables"][0]
    total_row = next(r for r in summary["rows"] if r["cells"]["in_label"] == "收入总计")
    expected = {"000": "2297.34", "001": "1728.90"}[key]
    assert total_row["cells"]["in_amount"] == expected


def test_headline_figures_come_from_the_tables(demo_drafts):
    headline = disclosure_build(budget_id=demo_drafts["000"].pk).headline()
    assert headline["income_total"] == Decimal("2297.34")
    assert headline["basic"] == Decimal("175.53")
    assert headline["project"] == Decimal("2121.81")


def test_publication_freezes_figures_and_numbers_versions(demo_drafts):
    budget = demo_drafts["000"]
    first = publication_create(budget=budget)
    line = ExpenditureLine.objects.filter(budget=budget, kind="project").first()
    line.amount += Decimal("100.00")
    line.save()
    first.refresh_from_db()
    frozen = first.disclosure().headline()
    assert frozen["income_total"] == Decimal("2297.34")  # not 2,397.34
    budget.refresh_from_db()
    assert budget.status == "published"

    second = publication_create(budget=budget, reason="更正项目金额")
    assert (first.version, second.version) == (1, 2)
    assert second.disclosure().headline()["income_total"] == Decimal("2397.34")
    current = publication_get(region="410702", year=2022, department="060")
    assert current.pk == second.pk
    assert publication_get(region="410702", year=2022, department="060", version=1).pk == first.pk
    assert [p.pk for p in publications_current()] == [second.pk]


def test_unpublished_budget_is_not_found(demo_drafts):
    with pytest.raises(Http404):
        publication_get(region="411200", year=2023, department="707")
