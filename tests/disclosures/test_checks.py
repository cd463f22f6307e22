"""The cross-table checker: each rule catches a deliberately broken figure with the right
Chinese sentence; the demo budgets pass with no error."""

from decimal import Decimal

import pytest
from django.core.management import call_command

from budgets.models import DepartmentIndicator, PriorYearFigures, Project, ProjectIndicator
from disclosures.checks import Level, check_budget, check_tables
from disclosures.tables import build_all
from disclosures.tables.base import RowKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def tables_000(demo_budgets):
    return {t.number: t for t in build_all(budget_id=demo_budgets["000"].pk)}


def messages(tables) -> list[str]:
    return [f.message for f in check_tables(list(tables.values())) if f.level == Level.ERROR]


def row(table, **cells):
    return next(r for r in table.rows if all(r.cells.get(k) == v for k, v in cells.items()))


@pytest.mark.parametrize("example", ["000", "001", "002", "003"])
def test_demo_budgets_have_no_errors(demo_budgets, example):
    findings = check_budget(budget_id=demo_budgets[example].pk)
    assert [f.message for f in findings if f.level == Level.ERROR] == []


def test_t1_category_against_t3(tables_000):
    # The example sentence: 表一 says 1,357.04 but 表三 adds up to 1,357.14.
    item = row(tables_000[3], cat="210", sec="15", item="99")
    item.cells["total"] += Decimal("0.10")
    item.cells["project"] += Decimal("0.10")
    item.cells["specific"] += Decimal("0.10")
    assert (
        "表一“卫生健康”支出 1,357.04 与表三卫生健康类合计 1,357.14 不一致，相差 0.10 万元"
        in messages(tables_000)
    )


def test_t1_balance(tables_000):
    closing = row(tables_000[1], in_label="收入总计")
    closing.cells["out_amount"] = Decimal("2297.00")
    assert "表一收入总计 2,297.34 与支出总计 2,297.00 不一致，相差 0.34 万元" in messages(
        tables_000
    )


def test_t1_of_which_not_above_parent(tables_000):
    row(tables_000[1], in_label="其中：财政拨款").cells["in_amount"] = Decimal("2300.00")
    assert (
        "其中“财政拨款” 2,300.00 大于表一“一、一般公共预算” 2,297.34，超出 2.66 万元"
        in messages(tables_000)
    )


def test_t3_row_basic_plus_project(tables_000):
    row(tables_000[3], cat="210", sec="15", item="01").cells["total"] = Decimal("175.50")
    found = messages(tables_000)
    assert (
        "表三“行政运行”合计 175.50 与基本支出与项目支出之和 175.53 不一致，相差 0.03 万元" in found
    )


def test_t5_against_t6(tables_000):
    total = next(r for r in tables_000[6].rows if r.kind == RowKind.TOTAL)
    total.cells["total"] = Decimal("175.00")
    assert "表五基本支出 175.53 与表六合计 175.00 不一致，相差 0.53 万元" in messages(tables_000)


def test_t10_against_t3(tables_000):
    total = next(r for r in tables_000[10].rows if r.kind == RowKind.TOTAL)
    total.cells["total"] = Decimal("2121.00")
    assert "表十合计 2,121.00 与表三项目支出 2,121.81 不一致，相差 0.81 万元" in messages(
        tables_000
    )


def test_t12_against_t10(tables_000):
    project = row(tables_000[12], code="410702220000000011327")
    project.cells["total"] = Decimal("3.00")
    assert (
        "表十二“行政服务中心医保窗口工作经费”资金总额 3.00 与表十该项目合计 2.00 不一致，相差 1.00 万元"
        in messages(tables_000)
    )


def test_t4_against_t5(tables_000):
    health = row(tables_000[4], cat_code="210")
    health.cells["gp"] = Decimal("2582.46")  # example 002 put 卫生健康 on the wrong row
    assert (
        "表四“卫生健康支出”一般公共预算 2,582.46 与表五卫生健康支出合计 1,357.04 不一致，相差 1,225.42 万元"
        in messages(tables_000)
    )


def test_t11_against_t1(tables_000):
    overview = row(tables_000[11], level2="部门预算总额（万元）")
    overview.cells["value"] = Decimal(
        "1269.99"
    )  # example 001's narrative printed last year's total
    assert (
        "表十一部门预算总额 1,269.99 与表一支出总计 2,297.34 不一致，相差 1,027.35 万元"
        in messages(tables_000)
    )


def test_project_without_indicators_is_warned(demo_budgets):
    project = Project.objects.get(budget=demo_budgets["000"], name="信息网络费")
    ProjectIndicator.objects.filter(project=project).delete()
    findings = check_budget(budget_id=demo_budgets["000"].pk)
    assert any(
        f.level == Level.WARNING
        and f.message == "项目“信息网络费”（410702220000000012237）没有绩效指标。"
        for f in findings
    )


def test_indicator_without_value_is_warned(demo_budgets):
    DepartmentIndicator.objects.filter(budget=demo_budgets["000"], level3="专项资金细化率").update(
        value=""
    )
    findings = check_budget(budget_id=demo_budgets["000"].pk)
    assert "整体绩效指标“专项资金细化率”没有指标值。" in [f.message for f in findings]


def test_three_public_increase_without_reason_is_warned(demo_budgets):
    # 001: 公务接待费 0.50 this year; pretend last year had 0.20 and no reason was written.
    budget = demo_budgets["001"]
    PriorYearFigures.objects.filter(budget=budget).update(three_public_reception=Decimal("0.20"))
    budget.narrative_sections.filter(
        key__in=["reason_three_public_change", "reason_reception_change"]
    ).delete()
    findings = check_budget(budget_id=budget.pk)
    assert "“三公”经费中公务接待费 0.50 万元高于上年 0.20 万元，但未填写增加的主要原因。" in [
        f.message for f in findings
    ]


def test_any_change_without_reason_is_warned_and_unchanged_figures_are_not(demo_budgets):
    # 000: 收入总计 2,297.34 against 2021's 2,081.40 (+215.94); 三公 0 both years.
    budget = demo_budgets["000"]
    budget.narrative_sections.filter(key="reason_income_change").delete()
    messages = [f.message for f in check_budget(budget_id=budget.pk)]
    assert "收入总计 2,297.34 万元高于上年 2,081.40 万元，但未填写增加的主要原因。" in messages
    assert not any("三公" in m and "主要原因" in m for m in messages)
    # A decrease needs a reason too.
    PriorYearFigures.objects.filter(budget=budget).update(expenditure_total=Decimal("2400.00"))
    budget.narrative_sections.filter(key="reason_expenditure_change").delete()
    messages = [f.message for f in check_budget(budget_id=budget.pk)]
    assert "支出总计 2,297.34 万元低于上年 2,400.00 万元，但未填写减少的主要原因。" in messages


def test_check_budget_command_exit_status(demo_budgets, capsys):
    call_command("check_budget", "410702", "2022", "060")
    assert "0 个错误" in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as failure:
        Project.objects.filter(budget=demo_budgets["000"], name="信息网络费").update(
            declared_total=Decimal("9.99")
        )
        call_command("check_budget", "410702", "2022", "060")
    assert "检查未通过" in str(failure.value)


def test_hubei_checks_name_the_table_by_its_label(demo_budgets):
    """Hubei's own rules: （五） 合计 = its 项 rows; （一） 收入合计 = the key figure."""
    from disclosures.checks import check_tables
    from disclosures.formats import format_get
    from disclosures.keyfigures import key_figures
    from disclosures.tables import budget_data

    data = budget_data(budget_id=demo_budgets["002"].pk)
    tables = format_get("hubei").build_tables(data)
    item = row(tables[4], code="2101501")
    item.cells["total"] += Decimal("40.00")  # 002's own slip: 712.82 on 行政运行
    summary_total = [r for r in tables[0].rows if r.cells.get("in_label") == "收入合计"][0]
    summary_total.cells["in_amount"] -= Decimal("1.00")
    found = [f.message for f in check_tables(tables, "hubei", key_figures(data))]
    assert "表（五）合计预算数 2,582.46 与各项预算数之和 2,622.46 不一致，相差 40.00 万元" in found
    assert "表（一）收入合计 2,581.46 与收入总计 2,582.46 不一致，相差 1.00 万元" in found
