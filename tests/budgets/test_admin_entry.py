"""A clerk enters data through the real admin pages and sees field-level Chinese messages."""

import pytest
from django.urls import reverse

from budgets.models import ExpenditureLine
from tests.support.factories import (
    BudgetFactory,
    ProjectFactory,
    UnitFactory,
    clerk_of,
    dept_economic,
    functional,
    gov_economic,
)
from tests.support.html import field_errors, form_values

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


def add_basic_line(client, budget, **values):
    """Submit the budget page with one new basic line, as a browser would."""
    url = reverse("admin:budgets_budget_change", args=[budget.pk])
    data = form_values(client.get(url).content.decode())
    n = int(data["lines-TOTAL_FORMS"])
    data["lines-TOTAL_FORMS"] = str(n + 1)
    unit = budget.department.units.first()
    line = {
        "unit": unit.pk,
        "functional_subject": functional("2101501").pk,
        "dept_economic": dept_economic("30101").pk,
        "gov_economic": gov_economic("50101").pk,
        "funding_source": "gp_appropriation",
        "amount": "42.29",
        "cost_type_override": "",
    }
    line.update(values)
    data.update({f"lines-{n}-{k}": v for k, v in line.items()})
    return client.post(url, data)


def test_clerk_adds_a_basic_line(clerk_client, budget):
    response = add_basic_line(clerk_client, budget, amount="1,234.50")  # pasted from Excel
    assert response.status_code == 302, field_errors(response.content.decode())
    line = ExpenditureLine.objects.get(budget=budget)
    assert str(line.amount) == "1234.50"
    assert line.cost_type == "personnel"


def test_full_width_digits_are_accepted(clerk_client, budget):
    response = add_basic_line(clerk_client, budget, amount="１２．５０")
    assert response.status_code == 302
    assert str(ExpenditureLine.objects.get(budget=budget).amount) == "12.50"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (lambda: {"amount": "-5.00"}, "金额不能为负数。"),
        (lambda: {"amount": "1.234"}, "金额最多保留两位小数（单位：万元）。"),
        (lambda: {"amount": "一百"}, "请输入数字金额（单位：万元），例如 1234.56。"),
        (
            lambda: {"functional_subject": functional("21015").pk},
            "功能分类科目 210 卫生健康支出 › 21015 医疗保障管理事务 不是 2022 年度有效的“项”级科目，请选择 7 位的“项”级科目。",
        ),
        (
            lambda: {"gov_economic": gov_economic("50201").pk},
            "部门经济分类 301 工资福利支出 › 30101 基本工资 与政府经济分类 "
            "502 机关商品和服务支出 › 50201 办公经费 不存在对应关系。",
        ),
    ],
)
def test_bad_basic_line_gets_a_field_message(clerk_client, budget, values, message):
    response = add_basic_line(clerk_client, budget, **values())
    assert response.status_code == 200
    assert message in field_errors(response.content.decode())
    assert not ExpenditureLine.objects.filter(budget=budget).exists()


def post_project(client, project, lines, declared_total=""):
    url = reverse("admin:budgets_project_change", args=[project.pk])
    data = form_values(client.get(url).content.decode())
    data["declared_total"] = declared_total
    data["lines-TOTAL_FORMS"] = str(len(lines))
    for i, line in enumerate(lines):
        data.update({f"lines-{i}-{k}": v for k, v in line.items()})
    return client.post(url, data)


def project_line(unit, amount):
    return {
        "unit": unit.pk,
        "functional_subject": functional("2101599").pk,
        "dept_economic": dept_economic("30201").pk,
        "gov_economic": gov_economic("50201").pk,
        "funding_source": "gp_appropriation",
        "amount": amount,
    }


def test_project_lines_must_add_up_to_declared_total(clerk_client, budget):
    project = ProjectFactory(budget=budget, unit=budget.department.units.first())
    lines = [project_line(project.unit, "2.00"), project_line(project.unit, "3.00")]
    response = post_project(clerk_client, project, lines, declared_total="8.00")
    assert response.status_code == 200
    assert "项目支出明细合计 5.00 万元与项目总额 8.00 万元不一致，相差 3.00 万元。" in field_errors(
        response.content.decode()
    )
    assert not project.lines.exists()
    response = post_project(clerk_client, project, lines, declared_total="5.00")
    assert response.status_code == 302
    assert project.lines.count() == 2


def test_project_line_unit_must_match(clerk_client, budget):
    project = ProjectFactory(budget=budget, unit=budget.department.units.first())
    other = UnitFactory(department=budget.department, name="医保中心")
    response = post_project(clerk_client, project, [project_line(other, "2.00")])
    assert response.status_code == 200
    assert (
        f"项目支出明细的预算单位（医保中心）与所属项目的预算单位（{project.unit.name}）不一致。"
        in field_errors(response.content.decode())
    )
