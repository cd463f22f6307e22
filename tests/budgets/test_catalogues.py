"""The shipped catalogues: every code the examples print, with the printed name."""

import csv
from pathlib import Path

import pytest
from django.core.management import call_command

from budgets.models import (
    ClassificationLevel,
    EconomicCorrespondence,
    EconomicScheme,
    EconomicSubject,
    FunctionalSubject,
)

pytestmark = pytest.mark.django_db

SEED_CODES = Path(__file__).parent / "data" / "seed_codes.csv"


def seed_codes():
    with SEED_CODES.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize(
    "row", seed_codes(), ids=lambda r: f"{r['seed']}-{r['scheme']}-{r['code']}"
)
def test_every_example_code_is_in_the_catalogue_with_its_printed_name(row):
    year = int(row["year"])
    if row["scheme"] in {"functional", "functional_short"}:
        entry = FunctionalSubject.objects.valid_in(year).get(code=row["code"])
        printed = entry.short_name if row["scheme"] == "functional_short" else entry.name
    else:
        scheme = (
            EconomicScheme.DEPARTMENT
            if row["scheme"] == "dept_economic"
            else EconomicScheme.GOVERNMENT
        )
        printed = EconomicSubject.objects.valid_in(year).get(scheme=scheme, code=row["code"]).name
    assert printed == row["name"]


@pytest.mark.parametrize("year", [2022, 2023, 2024])
def test_all_functional_categories_of_table_one(year):
    categories = FunctionalSubject.objects.valid_in(year).filter(level=ClassificationLevel.CATEGORY)
    codes = set(categories.values_list("code", flat=True))
    # Table 1 of the examples numbers 类 201…234 by code, skipping 218, 225, 226, 228.
    expected = {str(c) for c in range(201, 235)} - {"218", "225", "226", "228"}
    assert expected <= codes
    assert categories.get(code="210").short_name == "卫生健康"
    assert categories.get(code="212").short_name == "城乡社区事务"


def test_levels_and_parents_are_consistent():
    items = FunctionalSubject.objects.filter(level=ClassificationLevel.ITEM)
    sections = set(FunctionalSubject.objects.filter(level="section").values_list("code", flat=True))
    assert items.count() > 50
    for item in items:
        assert len(item.code) == 7
        assert item.code[:5] in sections, item.code


@pytest.mark.parametrize(
    ("dept", "gov", "scope"),
    [
        ("30101", "50101", "行政"),  # 基本工资 → 工资奖金津补贴 (表六 of 000)
        ("30101", "50501", "事业"),  # 基本工资 → 工资福利支出 (表六 of 001, 事业单位)
        ("30107", "50501", "事业"),  # 绩效工资 (000 uses it in a 行政 unit: a warning)
        ("30113", "50103", "行政"),  # 住房公积金
        ("30201", "50201", "行政"),  # 办公费 → 办公经费
        ("30201", "50502", "事业"),  # 办公费 → 商品和服务支出
        ("30217", "50206", "行政"),  # 公务接待费
        ("30231", "50208", "行政"),  # 公务用车运行维护费
        ("30231", "50502", "事业"),
        ("30302", "50905", "行政"),  # 退休费 → 离退休费
        ("30302", "50905", "事业"),
        ("30307", "50901", "行政"),  # 医疗费补助 → 社会福利和救助
    ],
)
def test_correspondence(dept, gov, scope):
    assert (
        EconomicCorrespondence.objects.valid_in(2023)
        .filter(dept_code=dept, gov_code=gov, applies_to=scope)
        .exists()
    )


def test_no_correspondence_for_nonsense_pair():
    assert not EconomicCorrespondence.objects.filter(dept_code="30101", gov_code="50201").exists()


def test_every_correspondence_names_catalogue_entries():
    dept = set(EconomicSubject.objects.filter(scheme="dept").values_list("code", flat=True))
    gov = set(EconomicSubject.objects.filter(scheme="gov").values_list("code", flat=True))
    for pair in EconomicCorrespondence.objects.all():
        assert pair.dept_code in dept and pair.gov_code in gov, pair


def test_load_catalogues_is_idempotent():
    before = (FunctionalSubject.objects.count(), EconomicSubject.objects.count())
    call_command("load_catalogues", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (FunctionalSubject.objects.count(), EconomicSubject.objects.count()) == before


def test_edition_ranges_choose_the_years_name():
    FunctionalSubject.objects.filter(code="2101599").update(valid_to=2023)
    FunctionalSubject.objects.create(
        code="2101599", name="其他医疗保障管理事务支出（新）", valid_from=2024
    )
    assert (
        FunctionalSubject.objects.valid_in(2023).get(code="2101599").name
        == "其他医疗保障管理事务支出"
    )
    assert FunctionalSubject.objects.valid_in(2024).get(code="2101599").name.endswith("（新）")


def exceptions():
    with (Path(__file__).parent / "data" / "seed_code_exceptions.csv").open(
        encoding="utf-8"
    ) as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", exceptions(), ids=lambda r: f"{r['seed']}-{r['code']}")
def test_example_misprints_and_local_codes_are_not_in_the_catalogue_as_printed(row):
    """Codes an example prints wrongly, or Hubei-local codes, are deliberately not copied:
    the catalogue holds the official name (or no entry), and the reason is written down."""
    scheme = row["scheme"]
    year = int(row["year"])
    if scheme == "functional":
        entries = FunctionalSubject.objects.valid_in(year).filter(code=row["code"])
    else:
        kind = EconomicScheme.DEPARTMENT if scheme == "dept_economic" else EconomicScheme.GOVERNMENT
        entries = EconomicSubject.objects.valid_in(year).filter(scheme=kind, code=row["code"])
    assert row["reason"]
    assert list(entries.values_list("name", flat=True)) == (
        [row["catalogue_name"]] if row["catalogue_name"] else []
    )
