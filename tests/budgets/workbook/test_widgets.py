"""The resources' widgets: amounts in 万元 with the Chinese reasons, codes without a query per row."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from budgets.models import BudgetUnit, FunctionalSubject
from budgets.workbook.resources import BasicLineResource, BudgetLookups
from budgets.workbook.widgets import AmountWidget, ChoiceWidget, CodeLookupWidget


@pytest.mark.parametrize(
    "cell, amount",
    [
        ("1,234.50", Decimal("1234.50")),
        ("４２．２９", Decimal("42.29")),
        (" 7 ", Decimal("7.00")),
        (12, Decimal("12.00")),
        (0.1, Decimal("0.10")),
        ("", None),
    ],
)
def test_amount_widget_accepts(cell, amount):
    assert AmountWidget().clean(cell) == amount


@pytest.mark.parametrize(
    "cell, reason",
    [
        ("1.234", "金额最多保留两位小数（单位：万元）"),
        (-5, "金额不能为负数"),
        ("-0.01", "金额不能为负数"),
        ("十二万", "“十二万”不是金额数字"),
        ("abc", "“abc”不是金额数字"),
        (True, "应填写金额数字"),
        (1e20, "金额过大（最多 16 位整数）"),
    ],
)
def test_amount_widget_refuses_with_the_reason(cell, reason):
    with pytest.raises(ValueError, match=reason):
        AmountWidget().clean(cell)


def test_choice_widget_takes_label_or_value_and_writes_the_label():
    widget = ChoiceWidget({"gp_appropriation": "财政拨款"}, "资金来源")
    assert widget.clean("财政拨款") == widget.clean("gp_appropriation") == "gp_appropriation"
    assert widget.render("gp_appropriation") == "财政拨款"
    with pytest.raises(ValueError, match="“银行贷款”不是有效的资金来源"):
        widget.clean("银行贷款")


def test_code_lookups_load_each_table_once(demo_drafts):
    budget = demo_drafts["000"]
    resource = BasicLineResource(lookups=BudgetLookups(budget=budget))
    subject, unit = resource.fields["functional_subject"], resource.fields["unit"]
    codes = [line.functional_subject.code for line in budget.lines.all()] * 20
    with CaptureQueriesContext(connection) as queries:
        subjects = [subject.clean({"功能分类科目（项）": code}) for code in codes]
        units = [unit.clean({"单位代码": "060001"}) for _ in codes]
        with pytest.raises(ValueError, match="功能分类科目 2999999 在 2022 年度的科目目录中不存在"):
            subject.clean({"功能分类科目（项）": "2999999"})
        with pytest.raises(ValueError, match="单位代码 060999 不在本部门的预算单位中"):
            unit.clean({"单位代码": "060999"})
    assert len(codes) > 300
    # functional and economic subjects, units, and the editions of every code (for the
    # unknown code's message, read once)
    # (+ the budget's region, read once for the province's own entries such as 7-digit 子目)
    assert len(queries.captured_queries) == 5
    assert {type(s) for s in subjects} == {FunctionalSubject}
    assert {u.code for u in units} == {"060001"} and isinstance(units[0], BudgetUnit)


def test_a_lookup_widget_without_lookups_says_so():
    widget = CodeLookupWidget(BudgetUnit, source="units", missing="{code}")
    with pytest.raises(ValueError, match="没有可供查找的代码表"):
        widget.clean("060001")
    assert widget.render(None) == ""
