"""Each data-entry rule, with a bad input and the exact Chinese message a clerk sees."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from budgets.models import FunctionalSubject, LineKind
from budgets.validation import project_total_error
from tests.support.factories import (
    LineFactory,
    ProjectFactory,
    UnitFactory,
    dept_economic,
    functional,
    gov_economic,
)

pytestmark = pytest.mark.django_db


def errors_of(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as caught:
        obj.full_clean()
    return caught.value.message_dict


def test_a_valid_line_passes():
    line = LineFactory()
    line.full_clean()
    assert line.cost_type == "personnel"


def test_functional_subject_must_be_an_item():
    line = LineFactory()
    line.functional_subject = functional("21015")  # a 款, not a 项
    assert errors_of(line)["functional_subject"] == [
        "功能分类科目 210 卫生健康支出 › 21015 医疗保障管理事务 不是 2022 年度有效的“项”级科目，请选择 7 位的“项”级科目。"
    ]


def test_functional_subject_must_be_valid_in_the_budget_year():
    later = FunctionalSubject.objects.create(code="2109901", name="测试新增科目", valid_from=2024)
    line = LineFactory()
    line.functional_subject = later
    assert errors_of(line)["functional_subject"] == [
        "功能分类科目 2109901 在 2022 年度的科目目录中不存在：请核对编码；"
        "如确属新科目，请财政部门导入含该科目的 2022 年版目录。该编码只在 2024 年度及以后有效。"
    ]


def test_economic_subject_must_be_a_section_and_is_named_by_its_path():
    line = LineFactory()
    line.dept_economic = dept_economic("301")  # a 类
    assert errors_of(line)["dept_economic"] == [
        "部门预算支出经济分类科目 301 工资福利支出 不是 2022 年度有效的“款”级科目。"
    ]


def test_economic_pair_must_correspond():
    line = LineFactory()
    line.gov_economic = gov_economic("50201")  # 基本工资 is never 办公经费
    assert errors_of(line)["gov_economic"] == [
        "部门经济分类 301 工资福利支出 › 30101 基本工资 与政府经济分类 "
        "502 机关商品和服务支出 › 50201 办公经费 不存在对应关系。"
    ]


def test_pair_of_the_other_unit_kind_is_only_a_warning():
    from budgets.validation import economic_pair_warning

    line = LineFactory(
        dept_economic=dept_economic("30107"), gov_economic=gov_economic("50501")
    )  # 绩效工资 → 工资福利支出 (事业) in a 行政 unit, as example 000 does
    line.full_clean()
    assert economic_pair_warning(line) == (
        "部门经济分类 30107 与政府经济分类 50501 的对应关系适用于事业单位，"
        f"而预算单位“{line.unit.name}”是行政单位。"
    )


def test_negative_amount_is_refused():
    line = LineFactory()
    line.amount = Decimal("-1.00")
    assert errors_of(line)["amount"] == ["金额不能为负数。"]


def test_more_than_two_decimals_is_refused():
    line = LineFactory()
    line.amount = Decimal("1.234")
    assert errors_of(line)["amount"] == ["金额最多保留两位小数（单位：万元）。"]


def test_project_line_unit_must_be_the_projects():
    project = ProjectFactory()
    other_unit = UnitFactory(department=project.budget.department, name="另一单位")
    line = LineFactory.build(
        budget=project.budget,
        unit=other_unit,
        kind=LineKind.PROJECT,
        project=project,
        functional_subject=functional("2101599"),
        dept_economic=dept_economic("30201"),
        gov_economic=gov_economic("50201"),
    )
    assert errors_of(line)["unit"] == [
        f"项目支出明细的预算单位（另一单位）与所属项目的预算单位（{project.unit.name}）不一致。"
    ]


def test_unit_must_belong_to_the_budgets_department():
    line = LineFactory()
    line.unit = UnitFactory(name="外部门单位")
    assert errors_of(line)["unit"] == [
        f"预算单位必须属于本部门（{line.budget.department.name}）；“外部门单位”不是本部门的单位。"
    ]


def test_project_total_message():
    assert project_total_error(Decimal("8.00"), Decimal("5.00")) == (
        "项目支出明细合计 5.00 万元与项目总额 8.00 万元不一致，相差 3.00 万元。"
    )
    assert project_total_error(Decimal("1234.50"), Decimal("1234.5")) is None
    assert project_total_error(None, Decimal("5.00")) is None


def test_cost_type_defaults_from_economic_category_and_can_be_overridden():
    public = LineFactory(dept_economic=dept_economic("30229"), gov_economic=gov_economic("50201"))
    assert public.cost_type == "public"  # 302 福利费 defaults to 公用经费 (as in example 000)
    public.cost_type_override = "personnel"  # example 001 counts it as 人员经费
    public.save()
    public.refresh_from_db()
    assert public.cost_type == "personnel"


def test_a_province_subitem_is_refused_on_another_provinces_budget(demo_drafts):
    """Hubei's 7-digit 子目 are for Hubei budgets only: a Henan line on one is refused."""
    from budgets.models import EconomicSubject, ExpenditureLine

    subitem = EconomicSubject.objects.get(scheme="dept", code="3010201", province="42")
    henan = ExpenditureLine.objects.filter(budget=demo_drafts["000"], kind="basic").first()
    henan.dept_economic = subitem
    with pytest.raises(ValidationError) as error:
        henan.full_clean()
    assert "其他省份的地方科目" in str(error.value.message_dict["dept_economic"])
    hubei = ExpenditureLine.objects.get(budget=demo_drafts["002"], dept_economic=subitem)
    hubei.full_clean()  # its own province: accepted
