"""What a Hubei clerk enters besides the Henan data: project form fields, planning years,
indicator goals and prior values, numbered department goals, two prior years, other line
kinds — through the real admin pages and the models' checks, with Chinese messages."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from budgets.models import (
    DepartmentGoal,
    DepartmentIndicator,
    ExpenditureLine,
    LineKind,
    PlanRow,
    PriorYearFigures,
    PriorYearTotals,
    Project,
    ProjectPlan,
    ProjectText,
    ProjectTextKey,
)
from tests.factories import (
    BudgetFactory,
    ProjectFactory,
    UnitFactory,
    clerk_of,
    dept_economic,
    functional,
    gov_economic,
)
from tests.html import field_errors, form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    budget = BudgetFactory()
    UnitFactory(department=budget.department, code=f"{budget.department.code}001")
    return budget


@pytest.fixture
def clerk_client(client, budget):
    client.force_login(clerk_of(budget.department))
    return client


def _other_line(budget, kind, **values):
    line = ExpenditureLine(
        budget=budget,
        unit=budget.department.units.first(),
        kind=kind,
        functional_subject=functional("2101501"),
        dept_economic=dept_economic("30201"),
        gov_economic=gov_economic("50201"),
        funding_source="gp_appropriation",
        amount=Decimal("5.00"),
        **values,
    )
    return line


def test_budget_page_offers_the_hubei_inlines_in_chinese(clerk_client, budget):
    html = clerk_client.get(reverse("admin:budgets_budget_change", args=[budget.pk])).content
    html = html.decode()
    for label in ("近两年收支金额", "其他支出明细", "整体绩效分目标", "绩效标准", "前年值"):
        assert label in html


def test_clerk_adds_a_carry_forward_line_on_the_budget_page(clerk_client, budget):
    url = reverse("admin:budgets_budget_change", args=[budget.pk])
    data = form_values(clerk_client.get(url).content.decode())
    prefix = "lines-2"  # the second inline of lines on the page (after 基本支出明细)
    assert f"{prefix}-TOTAL_FORMS" in data
    data[f"{prefix}-TOTAL_FORMS"] = "1"
    line = {
        "kind": LineKind.CARRY_FORWARD,
        "unit": budget.department.units.first().pk,
        "functional_subject": functional("2101501").pk,
        "dept_economic": dept_economic("30201").pk,
        "gov_economic": gov_economic("50201").pk,
        "funding_source": "gp_appropriation",
        "amount": "12.50",
    }
    data.update({f"{prefix}-0-{k}": v for k, v in line.items()})
    response = clerk_client.post(url, data)
    assert response.status_code == 302, field_errors(response.content.decode())
    saved = ExpenditureLine.objects.get(budget=budget)
    assert (saved.kind, saved.cost_type, saved.amount) == ("carry_forward", "", Decimal("12.50"))


@pytest.mark.parametrize("kind", [LineKind.OPERATING, LineKind.OTHER, LineKind.CARRY_FORWARD])
def test_other_kinds_have_no_project_and_no_cost_type(budget, kind):
    line = _other_line(budget, kind, cost_type_override="personnel")
    line.full_clean()
    line.save()
    assert line.cost_type == ""
    project = ProjectFactory(budget=budget, unit=line.unit)
    with pytest.raises(ValidationError) as error:
        _other_line(budget, kind, project=project).full_clean()
    assert "不能属于项目" in str(error.value)


def test_project_page_shows_form_fields_texts_and_plans(clerk_client, budget):
    project = ProjectFactory(budget=budget, unit=budget.department.units.first())
    html = clerk_client.get(reverse("admin:budgets_project_change", args=[project.pk])).content
    html = html.decode()
    for label in ("项目负责人", "联系电话", "项目类别", "项目属性", "项目起始年度", "项目中期规划"):
        assert label in html
    assert "项目说明" in html and "目标名称" in html


def test_project_years_must_be_ordered(budget):
    project = ProjectFactory.build(
        budget=budget, unit=budget.department.units.first(), start_year=2023, end_year=2022
    )
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "项目终止年度不能早于起始年度" in str(error.value)


def test_planning_years_are_the_two_after_the_budget_year(budget):
    project = ProjectFactory(budget=budget, unit=budget.department.units.first())
    for year in (budget.year + 1, budget.year + 2):
        ProjectPlan(project=project, year=year, row=PlanRow.FUNDING, amount="1.00").full_clean()
    with pytest.raises(ValidationError) as error:
        ProjectPlan(project=project, year=budget.year, row=PlanRow.FUNDING, amount="1").full_clean()
    assert f"{budget.year + 1} 或 {budget.year + 2} 年" in str(error.value)


def test_one_text_per_key(budget):
    project = ProjectFactory(budget=budget, unit=budget.department.units.first())
    ProjectText.objects.create(project=project, key=ProjectTextKey.BASIS, text="文件")
    with pytest.raises(ValidationError) as error:
        ProjectText(project=project, key=ProjectTextKey.BASIS, text="又一份").full_clean()
    assert "每项说明只能填写一次" in str(error.value)


def test_prior_totals_are_the_two_years_before_and_start_unknown(budget):
    totals = PriorYearTotals(budget=budget, year=budget.year - 2)
    totals.full_clean()
    assert (totals.appropriation, totals.other_funds, totals.basic, totals.project) == (None,) * 4
    with pytest.raises(ValidationError) as error:
        PriorYearTotals(budget=budget, year=budget.year).full_clean()
    assert "之前的两个年度" in str(error.value)


def test_previous_year_figures_start_unknown_not_zero(budget):
    prior = PriorYearFigures(budget=budget)
    prior.full_clean()
    prior.save()
    prior.refresh_from_db()
    assert prior.income_total is None and prior.three_public_reception is None
    assert prior.three_public_total is None


def test_department_indicator_goal_must_be_of_its_budget(budget):
    other = BudgetFactory()
    goal = DepartmentGoal.objects.create(budget=other, horizon="annual", number=1, text="目标")
    indicator = DepartmentIndicator(budget=budget, goal=goal, level1="产出指标", level3="x")
    with pytest.raises(ValidationError) as error:
        indicator.full_clean()
    assert "所属分目标必须是本预算的目标" in str(error.value)


def test_goal_numbers_are_unique_per_horizon(budget):
    DepartmentGoal.objects.create(budget=budget, horizon="long", number=1, text="长期目标一")
    DepartmentGoal(budget=budget, horizon="annual", number=1, text="年度目标一").full_clean()
    with pytest.raises(ValidationError) as error:
        DepartmentGoal(budget=budget, horizon="long", number=1, text="又一个").full_clean()
    assert "目标序号不能重复" in str(error.value)


def test_project_fields_default_empty(budget):
    project = ProjectFactory(budget=budget, unit=budget.department.units.first())
    project = Project.objects.get(pk=project.pk)
    assert (project.manager, project.start_year, project.total_budget) == ("", None, None)
