"""What a Hebei clerk enters besides the Henan data (spec §4): 资金支出计划, 政府采购 with
项目来源 / 计量单位 / 资金来源 / a 单价 of more than two decimals, asset values, 单位规格 and
经费保障形式, last year's 基本/项目支出; each bad input with its Chinese message."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budgets.fields import PercentFormField, PriceFormField
from budgets.formatting import format_trimmed
from budgets.models import (
    AssetCategory,
    AssetHolding,
    FundingForm,
    PriorYearFigures,
    ProcurementItem,
)
from budgets.validation import spending_plan_problems
from tests.factories import BudgetFactory, ProjectFactory, UnitFactory

pytestmark = pytest.mark.django_db

P = Decimal


def errors_of(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


def plan(*values):
    labels = ("3月底", "6月底", "10月底", "12月底")
    return [(label, None if v is None else P(v)) for label, v in zip(labels, values, strict=True)]


# --- 资金支出计划 ----------------------------------------------------------------


def test_plans_of_003_have_no_problem():
    # Projects 1 and 2 of 003: 24/49/74/100, and 3月底 empty then 100/100/100.
    assert spending_plan_problems(plan(24, 49, 74, 100)) == []
    assert spending_plan_problems(plan(None, 100, 100, 100)) == []


def test_a_decreasing_plan_is_named():
    assert spending_plan_problems(plan(30, 20, 50, 100)) == [
        "资金支出计划是累计数，不能减少：6月底 20% 小于 3月底 30%。"
    ]


def test_a_plan_must_end_at_100_percent():
    assert spending_plan_problems(plan(20, 50, 50, 90)) == [
        "资金支出计划到12月底应为 100%，现为 90%。"
    ]
    assert spending_plan_problems(plan(20, 50, None, None)) == [
        "资金支出计划未填写12月底（应为 100%）。"
    ]
    assert spending_plan_problems(plan(None, None, None, None)) == ["未填写资金支出计划。"]


def test_plan_percentages_are_stored_on_the_project_and_range_checked():
    project = ProjectFactory(plan_march=P("24"), plan_june=P("49.5"), plan_december=P("100"))
    project.full_clean()
    project.save()
    project.refresh_from_db()
    assert project.spending_plan == [
        ("3月底", P("24.00")),
        ("6月底", P("49.50")),
        ("10月底", None),
        ("12月底", P("100.00")),
    ]
    project.plan_october = P("120")
    assert errors_of(project)["plan_october"] == ["百分比应在 0—100 之间。"]


def test_percent_form_field_takes_a_percent_sign():
    field = PercentFormField(required=False)
    assert field.clean("24%") == P("24")
    assert field.clean("２４％") == P("24")
    with pytest.raises(ValidationError) as caught:
        field.clean("二十")
    assert caught.value.messages == ["请输入百分比数字，例如 24 或 24%。"]


# --- 政府采购 ------------------------------------------------------------------


def item(budget, unit, **kwargs):
    values = {
        "budget": budget,
        "unit": unit,
        "item": "复印纸",
        "catalogue_code": "A05040101",
        "measure_unit": "箱",
        "quantity": P("20"),
        "unit_price": P("0.022"),
        "amount": P("0.44"),
        "sme_amount": P("0.44"),
    }
    return ProcurementItem(**(values | kwargs))


def test_003_paper_line_with_a_price_of_three_decimals():
    # 003 prints 单价 0.02 for 复印纸 but 金额 0.44 for 20 箱: the true price is 220 元 = 0.022 万元.
    project = ProjectFactory(name="公用经费项目二（三保）", kind="运转类")
    entry = item(project.budget, project.unit, project=project)
    entry.full_clean()
    entry.save()
    entry.refresh_from_db()
    assert entry.unit_price == P("0.022000")
    assert entry.category == "货物"  # from the code's A
    assert entry.funding_source == "gp_appropriation"
    assert entry.project == project


@pytest.mark.parametrize(
    ("code", "category"), [("A02010105", "货物"), ("B01", "工程"), ("C23120301", "服务")]
)
def test_category_follows_the_catalogue_code(code, category):
    unit = UnitFactory()
    budget = BudgetFactory(department=unit.department)
    entry = item(budget, unit, catalogue_code=code)
    entry.full_clean()
    assert entry.category == category


def test_category_needed_without_a_code():
    unit = UnitFactory()
    budget = BudgetFactory(department=unit.department)
    entry = item(budget, unit, catalogue_code="")
    assert errors_of(entry)["category"] == [
        "请选择采购类别，或填写以 A（货物）、B（工程）、C（服务）开头的政府采购目录序号。"
    ]


def test_sme_share_cannot_exceed_the_amount():
    unit = UnitFactory()
    budget = BudgetFactory(department=unit.department)
    entry = item(budget, unit, sme_amount=P("0.50"))
    assert errors_of(entry)["sme_amount"] == [
        "面向中小企业预留金额 0.50 万元不能大于采购金额 0.44 万元。"
    ]


def test_project_source_must_be_of_the_same_budget_and_unit():
    project = ProjectFactory(name="医保经办业务经费")
    other_budget = BudgetFactory(department=project.budget.department, fiscal_year__year=2023)
    entry = item(other_budget, project.unit, project=project)
    assert errors_of(entry)["project"] == ["项目来源“医保经办业务经费”不是本预算的项目。"]
    other_unit = UnitFactory(department=project.budget.department, name="所属事业单位")
    entry = item(project.budget, other_unit, project=project)
    assert errors_of(entry)["project"] == [
        f"项目来源“医保经办业务经费”属于预算单位“{project.unit.name}”，与采购单位“所属事业单位”不一致。"
    ]


def test_price_decimals_and_sign():
    unit = UnitFactory()
    budget = BudgetFactory(department=unit.department)
    assert errors_of(item(budget, unit, unit_price=P("0.0000001")))["unit_price"] == [
        "单价最多保留6位小数（单位：万元）。"
    ]
    assert errors_of(item(budget, unit, unit_price=P("-0.02")))["unit_price"] == [
        "单价不能为负数。"
    ]
    assert PriceFormField(required=False).clean("0.022") == P("0.022")


# --- 国有资产, 机构设置, 上年对比数 ------------------------------------------------


def test_hebei_asset_categories_with_values_and_date():
    budget = BudgetFactory()
    rows = [
        (AssetCategory.TOTAL, "78", "21.31"),
        (AssetCategory.VEHICLE, "1", "0"),
        (AssetCategory.OTHER_FIXED, "77", "21.31"),
    ]
    for category, quantity, value in rows:
        holding = AssetHolding(
            budget=budget, category=category, quantity=P(quantity), value=P(value)
        )
        holding.full_clean()
        holding.save()
    assert AssetCategory.EQUIPMENT_200K.label == "单价在20万元以上的设备"
    assert AssetCategory.OFFICE_SPACE.label == "其中：办公用房（平方米）"
    total = AssetHolding.objects.get(budget=budget, category=AssetCategory.TOTAL)
    assert total.as_of_date(2024).isoformat() == "2023-12-31"
    duplicate = AssetHolding(budget=budget, category=AssetCategory.TOTAL, quantity=P("1"))
    assert errors_of(duplicate)["__all__"] == ["同一预算中每类资产只能填写一次。"]


def test_unit_grade_and_funding_form():
    unit = UnitFactory(grade="正科级", funding_form=FundingForm.APPROPRIATION)
    unit.full_clean()
    unit.funding_form = "全额"
    assert errors_of(unit)["funding_form"] == ["值 '全额' 不是有效选项。"]


def test_last_years_basic_and_project_are_optional():
    budget = BudgetFactory()
    prior = PriorYearFigures(budget=budget)
    prior.full_clean()
    assert prior.basic_total is None and prior.project_total is None
    prior.basic_total = P("-1")
    assert errors_of(prior)["basic_total"] == ["金额不能为负数。"]


def test_trimmed_numbers():
    assert [format_trimmed(P(v)) for v in ("8.10", "7.00", "0", "18.69", "552.12")] == [
        "8.1",
        "7",
        "0",
        "18.69",
        "552.12",
    ]


# --- Through the admin pages ------------------------------------------------------


def _post_budget_page(client, budget, prefix: str, values: dict):
    from django.urls import reverse

    from tests.html import form_values

    url = reverse("admin:budgets_budget_change", args=[budget.pk])
    data = form_values(client.get(url).content.decode())
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(n + 1)
    data.update({f"{prefix}-{n}-{k}": v for k, v in values.items()})
    return client.post(url, data)


def test_clerk_enters_a_procurement_item_with_its_project_source(client):
    from tests.factories import clerk_of
    from tests.html import field_errors

    project = ProjectFactory(name="医保经办业务经费")
    other = ProjectFactory(name="别的预算的项目")  # another department's budget
    budget = project.budget
    client.force_login(clerk_of(budget.department))
    page = client.get(f"/admin/budgets/budget/{budget.pk}/change/").content.decode()
    assert "项目来源" in page and "计量单位" in page and "别的预算的项目" not in page
    values = {
        "unit": project.unit.pk,
        "project": project.pk,
        "category": "",
        "item": "台式计算机",
        "catalogue_code": "A02010105",
        "measure_unit": "台",
        "quantity": "4",
        "unit_price": "0.5",
        "amount": "2.00",
        "funding_source": "gp_appropriation",
        "sme_amount": "3.00",
    }
    response = _post_budget_page(client, budget, "procurement_items", values)
    assert "面向中小企业预留金额 3.00 万元不能大于采购金额 2.00 万元。" in field_errors(
        response.content.decode()
    )
    response = _post_budget_page(client, budget, "procurement_items", values | {"sme_amount": "2"})
    assert response.status_code == 302, field_errors(response.content.decode())
    saved = ProcurementItem.objects.get(budget=budget)
    assert (saved.project, saved.category, saved.measure_unit) == (project, "货物", "台")
    assert other.budget != budget


def test_project_page_warns_about_a_plan_that_does_not_end_at_100(client):
    from django.contrib.messages import get_messages
    from django.urls import reverse

    from tests.factories import clerk_of
    from tests.html import form_values

    project = ProjectFactory(name="医保网络经费（运转保障）")
    client.force_login(clerk_of(project.budget.department))
    url = reverse("admin:budgets_project_change", args=[project.pk])
    data = form_values(client.get(url).content.decode())
    data.update({"plan_june": "50%", "plan_october": "40", "plan_december": "90"})
    response = client.post(url, data)
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.plan_june, project.plan_october) == (P("50.00"), P("40.00"))
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert [m for m in shown if "资金支出计划" in m] == [
        "项目“医保网络经费（运转保障）”：资金支出计划是累计数，不能减少：10月底 40% 小于 6月底 50%。",
        "项目“医保网络经费（运转保障）”：资金支出计划到12月底应为 100%，现为 90%。",
    ]
