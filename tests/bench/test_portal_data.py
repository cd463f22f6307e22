"""The portal benchmark's synthetic region: copies of the demo disclosures, scaled."""

from decimal import Decimal

import pytest

from bench.portal_data import (
    REGION_CODE,
    YEARS,
    demo_sources,
    scale_for,
    synthetic_content,
    synthetic_region,
)
from disclosures.document import disclosure_from_dict
from disclosures.models import Publication, SearchEntry, SearchEntryKind
from disclosures.selectors import search_publications
from disclosures.services.publishing import publication_fields, search_entries

# (department code, year): 收入总计, 基本支出, 项目支出, “三公”经费 in 万元, worked out by
# hand from the demos (060 2022: 2,297.34 / 175.53 / 2,121.81 / 0; 707 2023: 1,728.90 /
# 1,483.80 / 245.10 / 2.00) times scale_for(n, year index) = n % 5 + 1 + index.
EXPECTED = {
    ("0001", 2022): ("4594.68", "351.06", "4243.62", "0.00"),  # 060 × 2
    ("0001", 2023): ("6892.02", "526.59", "6365.43", "0.00"),  # 060 × 3
    ("0002", 2022): ("5186.70", "4451.40", "735.30", "6.00"),  # 707 × 3
    ("0002", 2023): ("6915.60", "5935.20", "980.40", "8.00"),  # 707 × 4
    ("0003", 2022): ("9189.36", "702.12", "8487.24", "0.00"),  # 060 × 4
    ("0003", 2023): ("11486.70", "877.65", "10609.05", "0.00"),  # 060 × 5
}


@pytest.fixture
def region(demo_budgets):
    return synthetic_region(departments=3, years=(2022, 2023), verbose=False)


def test_six_current_publications_with_scaled_headlines(region):
    publications = Publication.objects.filter(region_code=REGION_CODE)
    assert region["publications_created"] == 6
    assert publications.count() == 6
    for p in publications:
        assert (p.version, p.is_current, p.budget.status) == (1, True, "published")
        income, basic, project, three = (Decimal(v) for v in EXPECTED[p.department_code, p.year])
        assert (p.income_total, p.expenditure_total) == (income, income)
        assert (p.basic_total, p.project_total, p.three_public_total) == (basic, project, three)
        # The columns agree with the snapshot the pages read.
        assert p.disclosure().headline()["basic"] == basic
        assert p.content["year"] == p.year == p.budget.fiscal_year.year
        assert p.content["tables"][0]["title"] == f"{p.year}年部门收支预算表"


def test_names_and_search(region, client):
    p = Publication.objects.get(region_code=REGION_CODE, department_code="0003", year=2023)
    assert p.department_name == p.budget.department.name == "合成市第0003号财政局"
    assert p.region_name == "合成市"
    assert p.search_entries.count() == 12  # department, its unit, ten projects (as 060)
    found = list(search_publications("财政局"))
    assert {(e.publication.department_code, e.publication.year) for e in found} == {
        ("0003", 2022),
        ("0003", 2023),
    }
    assert {e.kind for e in found} == {SearchEntryKind.DEPARTMENT, SearchEntryKind.UNIT}
    response = client.get("/disclosures/", {"q": "财政局"})
    assert "合成市第0003号财政局" in response.content.decode()


def test_running_again_adds_only_what_is_missing(region):
    again = synthetic_region(departments=3, years=(2022, 2023), verbose=False)
    assert again["publications_created"] == 0
    more = synthetic_region(departments=4, years=(2022, 2023), verbose=False)
    assert more["publications_created"] == 2
    assert Publication.objects.filter(region_code=REGION_CODE).count() == 8
    assert SearchEntry.objects.filter(publication__region_code=REGION_CODE).count() == 8 * 12


def test_each_publication_is_its_own_snapshot_worked_out_in_full(region):
    """The generator works a snapshot out once per source, year and scale and puts each
    department's name and code in: the rows are what ``synthetic_content`` and
    ``publication_fields`` give for the department itself."""
    sources = demo_sources()
    for p in Publication.objects.filter(region_code=REGION_CODE):
        n, i = int(p.department_code), YEARS.index(p.year)
        source = sources[(n + 1) % 2]
        content = synthetic_content(
            source, source.for_year(p.year), n=n, year=p.year, scale=scale_for(n, i)
        )
        disclosure = disclosure_from_dict(content)
        fields = publication_fields(disclosure)
        assert p.content == fields.pop("content")
        assert {key: getattr(p, key) for key in fields} == fields
        entries = [(e.kind, e.name, e.code) for e in search_entries(disclosure)]
        assert sorted(p.search_entries.values_list("kind", "name", "code")) == sorted(entries)
