"""Catalogue pickers: path labels, ranked search, the budget's edition, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budgets.models import EconomicSubject, FunctionalSubject
from budgets.pickers import label_path, subject_search
from tests.support.factories import (
    BudgetFactory,
    RegionFactory,
    clerk_of,
    dept_economic,
    functional,
)

pytestmark = pytest.mark.django_db

PATH = "210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行"


@pytest.fixture
def budget():
    return BudgetFactory()


@pytest.fixture
def clerk(client, budget):
    client.force_login(clerk_of(budget.department))
    return client


def options(client, budget, term, field="functional_subject"):
    """The autocomplete options of a line field on the budget's change page, as the
    browser asks for them (the change page is the Referer)."""
    response = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "budgets",
            "model_name": "expenditureline",
            "field_name": field,
            "term": term,
        },
        HTTP_REFERER=reverse("admin:budgets_budget_change", args=[budget.pk]),
    )
    assert response.status_code == 200, response.content
    return response.json()


def texts(client, budget, term, field="functional_subject"):
    return [r["text"] for r in options(client, budget, term, field)["results"]]


def test_path_labels_of_each_level():
    assert label_path(functional("2101501")) == PATH
    assert label_path(functional("21015")) == "210 卫生健康支出 › 21015 医疗保障管理事务"
    assert label_path(functional("210")) == "210 卫生健康支出"
    assert label_path(dept_economic("30101")) == "301 工资福利支出 › 30101 基本工资"


def test_path_label_uses_the_parent_of_the_year():
    """A 款 renamed in 2024: its 项 show the name of their own edition."""
    old = functional("21015")
    old.valid_to = 2023
    old.save()
    FunctionalSubject.objects.create(code="21015", name="医疗保障事务（新）", valid_from=2024)
    item = functional("2101501")
    assert label_path(item, year=2023) == PATH
    assert label_path(item, year=2024).startswith("210 卫生健康支出 › 21015 医疗保障事务（新） ›")


def test_picker_options_show_the_whole_path(clerk, budget):
    assert texts(clerk, budget, "2101501") == [PATH]


def test_ranking_exact_code_then_prefix_then_name_each_by_code():
    # Sorts before every 210 code, so only the ranking puts it after them.
    FunctionalSubject.objects.create(code="2019998", name="含21015字样的测试科目", valid_from=2022)
    found = list(subject_search(FunctionalSubject.objects.valid_in(2022), "21015"))
    codes = [s.code for s in found]
    assert codes[0] == "21015"
    assert codes[1:-1] == sorted(codes[1:-1]) and all(c.startswith("21015") for c in codes[1:-1])
    assert codes[-1] == "2019998"
    assert len(codes) == 10


def test_name_search_and_section_name_search_list_its_items(clerk, budget):
    found = texts(clerk, budget, "医疗保障管理事务")
    codes = [text.rpartition(" › ")[2].split()[0] for text in found]
    # First the 项 whose own name contains the words, then every 项 of the 款, by code:
    # 行政运行 does not contain them, its 款 does.
    assert codes[0] == "2101599" and found[1] == PATH
    assert codes[1:] == sorted(codes[1:]) and all(c.startswith("21015") for c in codes)
    assert len(codes) == 8  # the 项 of 21015 in the catalogue
    assert len(texts(clerk, budget, "行政运行")) == 20  # a page of the hundred 行政运行


def test_full_width_digits_and_spaces_are_folded(clerk, budget):
    assert texts(clerk, budget, "　２１０１５ ") == texts(clerk, budget, "21015")
    assert texts(clerk, budget, "２１０１５０１") == [PATH]


def test_only_entries_of_the_budget_year(clerk, budget):
    FunctionalSubject.objects.create(
        code="2109998", name="测试已停用科目", valid_from=2020, valid_to=2021
    )
    FunctionalSubject.objects.create(code="2109997", name="测试新增科目", valid_from=2023)
    assert texts(clerk, budget, "测试") == []  # the budget is of 2022
    later = BudgetFactory(department=budget.department, fiscal_year__year=2023)
    assert texts(clerk, later, "测试") == [
        "210 卫生健康支出 › 21099 其他卫生健康支出 › 2109997 测试新增科目"
    ]


def test_economic_options_are_national_plus_the_budget_province(client):
    henan = BudgetFactory(department__region=RegionFactory(code="410702"))
    hubei = BudgetFactory(department__region=RegionFactory(code="420323"))
    client.force_login(clerk_of(henan.department, username="henan"))
    assert texts(client, henan, "3010201", "dept_economic") == []
    client.force_login(clerk_of(hubei.department, username="hubei"))
    assert texts(client, hubei, "3010201", "dept_economic") == [
        "301 工资福利支出 › 30102 津贴补贴 › 3010201 艰边津贴"
    ]


def test_a_page_of_options_costs_constant_queries(clerk, budget):
    def count(term):
        with CaptureQueriesContext(connection) as queries:
            assert texts(clerk, budget, term)
        return len(queries.captured_queries)

    count("210")  # the first request of a session reads more (permissions)
    # One option, then a page of 20: the same queries (the labels' parents in one).
    assert count("机关服务") == count("行政运行")
    assert count("2101501") == count("21")  # a code is not searched among 款 names
    assert EconomicSubject.objects.exists()


def test_catalogue_list_search_uses_the_same_search(admin_client):
    url = reverse("admin:budgets_functionalsubject_changelist")
    page = admin_client.get(url, {"q": "２１０１５"}).content.decode()
    assert "2101501" in page and "2109999" not in page
    assert "2101501" in admin_client.get(url, {"q": "医疗保障管理事务"}).content.decode()


def test_a_hostile_referer_falls_back_to_current_entries(clerk, budget):
    for referer in [
        "",
        "http://x/admin/budgets/budget/abc/change/",
        "/admin/budgets/budget/0/change/",
    ]:
        response = clerk.get(
            reverse("admin:autocomplete"),
            {"app_label": "budgets", "model_name": "expenditureline"}
            | {"field_name": "functional_subject", "term": "2101501"},
            HTTP_REFERER=referer,
        )
        assert [r["text"] for r in response.json()["results"]] == [PATH]


def test_the_add_project_page_of_a_budget_offers_its_edition(clerk, budget):
    """The budget page links to 添加项目 with ?budget=; the lines' pickers there are of the
    budget's year, as on its change page."""
    FunctionalSubject.objects.create(code="2109997", name="测试新增科目", valid_from=2023)
    later = BudgetFactory(department=budget.department, fiscal_year__year=2023)
    page = clerk.get(reverse("admin:budgets_budget_change", args=[later.pk])).content.decode()
    add = f"{reverse('admin:budgets_project_add')}?budget={later.pk}"
    assert f'href="{add}"' in page
    form = clerk.get(add).content.decode()
    assert f'<option value="{later.pk}" selected>' in form  # the budget is preselected

    def found(referer):
        response = clerk.get(
            reverse("admin:autocomplete"),
            {"app_label": "budgets", "model_name": "expenditureline"}
            | {"field_name": "functional_subject", "term": "测试"},
            HTTP_REFERER=referer,
        )
        return [r["text"] for r in response.json()["results"]]

    expected = ["210 卫生健康支出 › 21099 其他卫生健康支出 › 2109997 测试新增科目"]
    assert found(add) == expected
    assert found(f"{reverse('admin:budgets_project_add')}?budget={budget.pk}") == []  # 2022
    # Without a budget, every entry still valid is offered (2109997 has no end year).
    assert found(f"{reverse('admin:budgets_project_add')}?budget=x") == expected
