"""The explanation (情况说明): shares, year-over-year wording, and the figures of both examples."""

from decimal import Decimal as D

import pytest

from disclosures.document import disclosure_build
from disclosures.narrative.shares import share, shares
from disclosures.narrative.wording import Change


def naive(parts):
    whole = sum(parts)
    return [(p * 100 / whole).quantize(D("0.01")) for p in parts]


@pytest.mark.parametrize(
    "parts, expected",
    [
        # Three equal parts: naive rounding gives 33.33 × 3 = 99.99.
        ([D(1), D(1), D(1)], [D("33.34"), D("33.33"), D("33.33")]),
        # 001's 一般公共预算 by 类: naive gives 52.51 + 40.55 + 6.95 = 100.01; the example
        # printed 52.50 to force 100.00. The largest remainders are 52.5079 and 40.5466.
        ([D("907.81"), D("701.01"), D("120.08")], [D("52.51"), D("40.55"), D("6.94")]),
        # Six equal parts: naive 16.67 × 6 = 100.02.
        ([D(1)] * 6, [D("16.67")] * 4 + [D("16.66")] * 2),
        ([D("175.53"), D("2121.81")], [D("7.64"), D("92.36")]),
        ([D(0), D(0)], [D("0.00"), D("0.00")]),
    ],
)
def test_shares_add_up_to_exactly_one_hundred(parts, expected):
    result = shares(parts)
    assert result == expected
    if sum(parts):
        assert sum(result) == D("100.00")


def test_naive_rounding_really_fails_on_these_cases():
    assert sum(naive([D(1), D(1), D(1)])) == D("99.99")
    assert sum(naive([D("907.81"), D("701.01"), D("120.08")])) == D("100.01")


def test_single_share():
    assert share(D("163.85"), D("175.53")) == D("93.35")


@pytest.mark.parametrize(
    "current, prior, phrase",
    [
        (D("2297.34"), D("2081.40"), "收入增加 215.94 万元，增长 10.37%"),
        (D("2.00"), D("3.50"), "收入减少 1.50 万元，下降 42.86%"),
        (D("5.00"), D("5.00"), "收入与上年持平"),
        (D("5.00"), D("0.00"), "收入增加 5.00 万元"),  # no rate against zero
    ],
)
def test_change_wording(current, prior, phrase):
    assert Change(current, prior).phrase("收入") == phrase


def explanation(budget) -> str:
    sections = disclosure_build(budget_id=budget.pk).explanation
    return "\n".join(p for s in sections for p in [s.title, *s.paragraphs])


def test_000_explanation_states_the_examples_figures(demo_budgets):
    text = explanation(demo_budgets["000"])
    # 第二部分 一 … 六 of example 000, figures as printed (with thousands separators).
    for expected in [
        "收入总计 2,297.34 万元，支出总计 2,297.34 万元，与 2021 年预算相比，收入增加 215.94 万元，增长 10.37%，主要原因：人员增加城乡居民医疗保险基金补助增加",
        "基本支出 175.53 万元，占 7.64%；项目支出 2,121.81 万元，占 92.36%",
        "一般公共预算收支预算增加 215.94 万元，增长 10.37%",
        "政府性基金收支预算与上年持平",
        "一般公共服务支出 470.30 万元，占 20.47%；教育支出 470.00 万元，占 20.46%；卫生健康支出 1,357.04 万元，占 59.07%",
        "人员经费 163.85 万元，占 93.35%；公用经费 11.68 万元，占 6.65%",
        "“三公”经费预算为 0.00 万元",
        "机关运行经费支出预算 11.68 万元",
        "专项转移支付项目共有 3 项",
        "2022 年度中央和省财政医疗救助补助资金 42.00 万元",
        "共有 10 个项目，其中 10 个项目设置了绩效目标，涉及资金 2,121.81 万元",
    ]:
        assert expected in text, expected
    # 2021's 机关运行经费 is unknown: no comparison may be claimed.
    assert "机关运行经费预算数比" not in text


def test_001_explanation_uses_consistent_figures(demo_budgets):
    text = explanation(demo_budgets["001"])
    for expected in [
        "收入总计 1,728.90 万元",  # the example's 第二部分 二 prints 1269.99 (last year's)
        "收入增加 458.91 万元，增长 36.13%",
        "基本支出 1,483.80 万元，占 85.82%；项目支出 245.10 万元，占 14.18%",
        # The example prints 52.50% and 6.95%; largest remainder gives 52.51% and 6.94%.
        "社会保障和就业支出 907.81 万元，占 52.51%；卫生健康支出 701.01 万元，占 40.55%；住房保障支出 120.08 万元，占 6.94%",
        # The example prints 1433.7 (96.62%) and 50.00 (3.38%); 表六 says 1,433.75 and 50.05.
        "人员经费 1,433.75 万元，占 96.63%；公用经费 50.05 万元，占 3.37%",
        # 三公 2.00 against 2022's 3.50: −1.50, −42.86% (as printed).
        "“三公”经费预算数比 2022 年减少 1.50 万元，下降 42.86%",
        # 公务接待费 0.50 against 2.00 (the example's "减少3万元，降低比例60%" does not fit).
        "公务接待费预算数比 2022 年减少 1.50 万元，下降 75.00%",
        "公务用车运行维护费预算数与 2022 年持平，均为 1.50 万元",
        "共有 8 个项目，其中 8 个项目设置了绩效目标，涉及资金 245.10 万元",
        "共有车辆 1 辆",
    ]:
        assert expected in text, expected
    assert "收入合计 1,728.90 万元" in text
