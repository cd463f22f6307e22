"""A project's grid and a project in one go: the lines belong to the project's unit, add up
to its declared total, and a new project is created with its lines and indicators or not at
all; the page's message templates say what the server says."""

import json
from decimal import Decimal

import pytest
from django.urls import reverse

from budgets.entry.lookups import budget_lookups, message_templates
from budgets.entry.rows import RowChecker
from budgets.entry.selectors import grid_version
from budgets.models import ExpenditureLine, LineKind, Project, ProjectIndicator
from tests.factories import BudgetFactory, DepartmentFactory, ProjectFactory, UnitFactory, clerk_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    department = DepartmentFactory(code="060", name="测试医疗保障局")
    UnitFactory(department=department, code="060001", name="本级")
    UnitFactory(department=department, code="060002", name="服务中心", kind="事业")
    return BudgetFactory(department=department)


@pytest.fixture
def client(client, budget):
    client.force_login(clerk_of(budget.department))
    return client


def line(unit="060001", amount="10", dept="30201", gov="50201"):
    return {
        "unit": unit,
        "functional": "2101501",
        "dept": dept,
        "gov": gov,
        "source": "1",
        "amount": amount,
    }


def post(client, url, payload):
    return client.post(url, json.dumps(payload), content_type="application/json")


def test_a_projects_grid_saves_project_lines_of_its_unit(client, budget):
    project = ProjectFactory(
        budget=budget,
        unit=budget.department.units.get(code="060001"),
        declared_total=Decimal("25.00"),
    )
    url = reverse("admin:budget_entry_project", args=[budget.pk, project.pk])
    page = client.get(url)
    assert page.status_code == 200 and "项目支出" in page.content.decode()
    version = grid_version(budget=budget, project=project)
    # A line of the other unit, and 10 + 10 ≠ 25.
    response = post(client, url, {"version": version, "rows": [line(), line(unit="060002")]})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["row"], error["field"]) == (1, "unit")
    assert "与所属项目的预算单位（本级）不一致" in error["message"]
    response = post(client, url, {"version": version, "rows": [line(), line(amount="10")]})
    assert response.status_code == 400
    assert "相差 5.00 万元" in response.json()["message"]
    response = post(client, url, {"version": version, "rows": [line(), line(amount="15")]})
    assert response.status_code == 200, response.json()
    lines = ExpenditureLine.objects.filter(project=project)
    assert lines.count() == 2 and set(lines.values_list("kind", flat=True)) == {LineKind.PROJECT}
    assert set(lines.values_list("cost_type", flat=True)) == {""}


def new_project_payload(**fields):
    project = {
        "code": "P001",
        "name": "医疗救助",
        "kind": "特定目标类",
        "unit": "060002",
        "declared_total": "",
    } | fields
    return {
        "project": project,
        "rows": [line(unit="060002", dept="30201", gov="50502", amount="8.5")],
        "indicators": [
            {"level1": "产出", "level2": "数量指标", "level3": "救助人数", "value": "≥100人"}
        ],
    }


def test_a_project_in_one_go_is_created_with_its_lines_and_indicators(client, budget):
    url = reverse("admin:budget_entry_project_new", args=[budget.pk])
    assert client.get(url).status_code == 200
    response = post(client, url, new_project_payload())
    assert response.status_code == 200, response.json()
    project = Project.objects.get()
    assert response.json()["url"] == reverse(
        "admin:budget_entry_project", args=[budget.pk, project.pk]
    )
    assert (project.unit.code, project.kind) == ("060002", "特定目标类")
    assert project.lines.get().amount == Decimal("8.50")
    indicator = project.indicators.get()
    assert (indicator.level1, indicator.level3, indicator.value) == (
        "产出指标",
        "救助人数",
        "≥100人",
    )
    assert project.history.count() == 1 and indicator.history.count() == 1


def test_every_problem_of_a_new_project_is_named_and_nothing_is_written(client, budget):
    ProjectFactory(budget=budget, code="P001", unit=budget.department.units.first())
    url = reverse("admin:budget_entry_project_new", args=[budget.pk])
    payload = new_project_payload(name="", kind="没有的类型", declared_total="1.234")
    payload["rows"].append(line(unit="060001", amount="x"))
    payload["indicators"].append({"level1": "效果", "level3": ""})
    response = post(client, url, payload)
    assert response.status_code == 400
    errors = response.json()["errors"]
    project = {e["field"]: e["message"] for e in errors["project"]}
    assert set(project) == {"code", "name", "kind", "declared_total"}
    assert "已有项目编码 P001" in project["code"] and project["name"] == "请填写项目名称。"
    lines = {(e["row"], e["field"]) for e in errors["lines"]}
    assert lines == {(1, "unit"), (1, "amount")}
    indicators = {(e["row"], e["field"]): e["message"] for e in errors["indicators"]}
    assert set(indicators) == {(1, "level1"), (1, "level3")}
    assert "一级指标“效果”无法识别" in indicators[1, "level1"]
    assert Project.objects.count() == 1 and not ExpenditureLine.objects.exists()
    assert not ProjectIndicator.objects.exists()


def test_a_new_project_without_lines_is_refused(client, budget):
    url = reverse("admin:budget_entry_project_new", args=[budget.pk])
    payload = new_project_payload()
    payload["rows"] = [{"unit": "060002", "source": "1"}]  # preset cells only: an empty row
    response = post(client, url, payload)
    assert response.status_code == 400
    assert response.json()["errors"]["lines"][0]["message"] == "请至少填写一行项目支出明细。"
    assert not Project.objects.exists()


@pytest.mark.parametrize(
    "raw",
    [
        "{",
        json.dumps({"project": "x", "rows": [], "indicators": []}),
        json.dumps({"project": {}, "rows": [], "indicators": "x"}),
    ],
)
def test_a_malformed_new_project_gets_a_chinese_400(client, budget, raw):
    url = reverse("admin:budget_entry_project_new", args=[budget.pk])
    response = client.post(url, raw, content_type="application/json")
    assert response.status_code == 400 and "无法读取" in response.json()["message"]


def test_the_pages_message_templates_are_the_servers_texts(budget):
    """The page fills the templates with the code; the server says the same words."""
    lookups = budget_lookups(budget=budget)
    templates = message_templates(lookups)
    checked = RowChecker(lookups).check(
        [
            line(),
            line() | {"functional": "21015"},
            line() | {"dept": "302"},
            line() | {"functional": "2109997"},
            line() | {"dept": "30101", "gov": "50201"},
            line() | {"unit": "060999"},
            line() | {"amount": "1.001"},
        ]
    )
    found = {(p.row, p.field): p.message for p in checked.errors}
    # The level messages name the whole path (catalogue names, written by hand).
    path = "210 卫生健康支出 › 21015 医疗保障管理事务"
    assert found[1, "functional"] == templates["functional_level"].format(path=path)
    assert found[2, "dept"] == templates["dept_level"].format(path="302 商品和服务支出")
    assert found[3, "functional"] == templates["unknown_functional"].format(code="2109997")
    names = {
        "dept": "30101",
        "dept_name": lookups.dept["30101"].name,
        "gov": "50201",
        "gov_name": lookups.gov["50201"].name,
    }
    assert found[4, "gov"] == templates["pair"].format(**names)
    assert found[5, "unit"] == templates["unknown_unit"].format(code="060999")
    assert found[6, "amount"] == templates["amount_places"]
    assert (0, "functional") not in found
