"""The demo budgets: loaded through the model layer, idempotent, and equal to the examples."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from budgets.models import Budget, ExpenditureLine, NarrativeSection, Project, ProjectIndicator
from budgets.selectors import budget_totals

pytestmark = pytest.mark.django_db


def snapshot() -> list[tuple]:
    """Every demo record as comparable data (primary keys left out)."""
    lines = ExpenditureLine.objects.values_list(
        "budget__department__code",
        "unit__code",
        "kind",
        "project__code",
        "functional_subject__code",
        "dept_economic__code",
        "gov_economic__code",
        "funding_source",
        "amount",
        "cost_type",
    )
    projects = Project.objects.values_list("budget__department__code", "code", "name", "kind")
    indicators = ProjectIndicator.objects.values_list("project__code", "level1", "level3", "value")
    budgets = Budget.objects.values_list(
        "department__region__code", "department__code", "fiscal_year__year", "cover_date", "status"
    )
    narrative = NarrativeSection.objects.values_list("budget__department__code", "key", "text")
    return [sorted(q) for q in (lines, projects, indicators, budgets, narrative)]


def test_load_demo_twice_gives_the_same_data(demo_budgets):
    first = snapshot()
    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == first
    assert Budget.objects.count() == 4


# Expected totals as printed in the examples (万元).
EXPECTED = {
    # 000 新乡市红旗区医疗保障局 2022: 表一 本年收入合计, 表六 人员/公用, 表三 项目支出.
    "000": {
        "total": "2297.34",
        "basic": "175.53",
        "personnel": "163.85",
        "public": "11.68",
        "project": "2121.81",
    },
    # 001 三门峡市医疗保障局 2023: 表一 1,728.90; 表三 基本 1,483.80, 项目 245.10;
    # 表六 人员 1,433.75, 公用 50.05.
    "001": {
        "total": "1728.90",
        "basic": "1483.80",
        "personnel": "1433.75",
        "public": "50.05",
        "project": "245.10",
    },
    # 002 竹山县医疗保障局 2022 (Hubei): （一） 收入合计 2582.46; （三） 基本 672.82, 项目 1909.64;
    # 公用经费 52.88 as （六） prints it; 人员经费 619.94, not the printed 619.93: （六） 合计
    # 672.81 is 0.01 short of （三）'s 672.82 and the demo puts the cent on 30119 (spec H-5).
    "002": {
        "total": "2582.46",
        "basic": "672.82",
        "personnel": "619.94",
        "public": "52.88",
        "project": "1909.64",
    },
    # 003 保定市徐水区医疗保障局 2024 (Hebei): 本年收入合计 552.12. By line kind (what the
    # budget stores): the two 运转类 公用经费项目 (6.26 + 5.80 = 12.06) are project lines, so
    # basic lines 417.44 − 12.06 = 405.38 and project lines 134.68 + 12.06 = 146.74; 公用经费
    # of basic lines 26.73 − 12.06 = 14.67, 人员经费 390.71. The Hebei tables count the 12.06
    # as basic (417.44; test_golden_003).
    "003": {
        "total": "552.12",
        "basic": "405.38",
        "personnel": "390.71",
        "public": "14.67",
        "project": "146.74",
    },
}


@pytest.mark.parametrize("example", ["000", "001", "002", "003"])
def test_demo_totals_equal_the_examples(demo_budgets, example):
    totals = budget_totals(budget=demo_budgets[example])
    for name, expected in EXPECTED[example].items():
        assert getattr(totals, name) == Decimal(expected), name


def test_001_special_revenue_is_general_public_but_not_appropriation(demo_budgets):
    # 表一: 一般公共预算 1,728.90, 其中：财政拨款 1,558.90 → 专项收入 170.00.
    lines = ExpenditureLine.objects.filter(budget=demo_budgets["001"])
    special = sum(line.amount for line in lines if line.funding_source == "gp_special_revenue")
    appropriation = sum(line.amount for line in lines if line.funding_source == "gp_appropriation")
    assert special == Decimal("170.00")
    assert appropriation == Decimal("1558.90")


def test_000_project_split_over_two_functional_items(demo_budgets):
    # Spec: 行政事业单位医疗补助 940.00 is split 470.00 on 2019999 and 470.00 on 2059999.
    project = Project.objects.get(budget=demo_budgets["000"], name="行政事业单位医疗补助")
    split = sorted(project.lines.values_list("functional_subject__code", "amount"))
    assert split == [("2019999", Decimal("470.00")), ("2059999", Decimal("470.00"))]


@pytest.mark.parametrize(
    ("example", "three_public"),
    # 表八 “三公”经费合计; 002 （七） 合计 9.6 = 公务接待费 6.5 + 公务用车运行维护费 3.1
    # 003 table 9 合计 2.43 = 30231 公务用车运行维护费
    [
        ("000", Decimal("0.00")),
        ("001", Decimal("2.00")),
        ("002", Decimal("9.60")),
        ("003", Decimal("2.43")),
    ],
)
def test_three_public_from_economic_sections(demo_budgets, example, three_public):
    lines = ExpenditureLine.objects.filter(
        budget=demo_budgets[example], dept_economic__code__in=["30212", "31013", "30231", "30217"]
    )
    assert sum((line.amount for line in lines), Decimal("0.00")) == three_public


def test_every_demo_line_passes_validation(demo_budgets):
    for line in ExpenditureLine.objects.select_related("budget__fiscal_year", "unit", "project"):
        line.full_clean()


def test_load_demo_publishes_version_1_idempotently(demo_budgets):
    from budgets.models import BudgetStatus

    call_command("load_demo", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    for budget in demo_budgets.values():
        budget.refresh_from_db()
        assert budget.status == BudgetStatus.PUBLISHED
        assert list(budget.publications.values_list("version", flat=True)) == [1]
        assert list(budget.transitions.values_list("action", flat=True)) == ["publish", "submit"]


def test_002_hubei_subitems_are_scoped_to_its_province(demo_budgets):
    """002's 7-digit 子目 load for a Hubei budget; a Henan budget's catalogue never has them."""
    from budgets.models import EconomicSubject

    lines = ExpenditureLine.objects.filter(
        budget=demo_budgets["002"], dept_economic__code="3010201"
    )
    assert [line.dept_economic.province for line in lines] == ["42"]
    assert not EconomicSubject.objects.valid_in(2022).filter(code="3010201").exists()
    assert not EconomicSubject.objects.valid_in(2022, "410702").filter(code="3010201").exists()
    names = dict(
        EconomicSubject.objects.valid_in(2022, "410702")
        .filter(code="30112")
        .values_list("code", "name")
    )
    assert names == {"30112": "其他社会保障缴费"}  # the national name, not Hubei's 社会保障缴费
