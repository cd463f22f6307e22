"""The explanation as clerks write it: shared and separate reasons, usage texts, clean
punctuation whatever is typed, dated holdings, performance shares, pair-kind warnings.

Expected sentences are written by hand from the examples' wording (000, 001, 003) and the
figures they print; the data is changed in memory where a case needs other figures."""

import dataclasses
import datetime
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgets.models import AssetHolding, BudgetUnit, EconomicSubject, ExpenditureLine, UnitKind
from budgets.models import NarrativeKey as K
from disclosures.checks import check_budget
from disclosures.formats.henan.explanation import explanation_sections
from disclosures.keyfigures import key_figures
from disclosures.narrative.wording import clause, paragraphs, reason_text, sentence
from disclosures.tables import budget_data

pytestmark = pytest.mark.django_db


def text_of(data, figures=None) -> str:
    sections = explanation_sections(data, figures or key_figures(data))
    return "\n".join(p for s in sections for p in [s.title, *s.paragraphs])


def section(data, title_start: str, figures=None) -> str:
    for s in explanation_sections(data, figures or key_figures(data)):
        if s.title.startswith(title_start):
            return "\n".join(s.paragraphs)
    raise AssertionError(title_start)


@pytest.mark.parametrize(
    "typed",
    [
        "人员增加",
        "人员增加。",
        "人员增加；",
        "人员增加，",
        "  人员增加。\n",
        "人员增加。。",
        "\n人员增加 ；",
    ],
)
def test_a_clause_has_no_punctuation_at_its_ends(typed):
    assert clause(typed) == "人员增加"
    assert sentence(typed) == "人员增加。"


def test_reason_text_drops_what_the_sentence_already_says():
    for typed in ("主要原因是：人员增加。", "原因：人员增加", "主要原因为人员增加；"):
        assert reason_text(typed) == "人员增加"


def test_inner_runs_and_spaces_before_punctuation_are_folded():
    assert clause("人员增加 。；经费减少 ，") == "人员增加；经费减少"
    assert sentence("真的吗？") == "真的吗？"
    assert paragraphs("第一段。\n\n第二段\n  ") == "第一段。\n第二段。"


# ---------------------------------------------------------------- reasons


def test_one_reason_for_income_and_expenditure_is_printed_once(demo_budgets):
    data = budget_data(budget_id=demo_budgets["000"].pk)
    for key in (K.REASON_INCOME, K.REASON_EXPENDITURE):
        data.narrative.pop(key, None)
    data.narrative[K.REASON_INCOME_EXPENDITURE] = "人员增加城乡居民医疗保险基金补助增加。"
    text = section(data, "一、")
    # 000: 2,297.34 against 2021's 2,081.40 on both sides: +215.94, +10.37%.
    assert (
        "与 2021 年预算相比，收入、支出均增加 215.94 万元，增长 10.37%，"
        "主要原因是：人员增加城乡居民医疗保险基金补助增加。"
    ) in text
    assert text.count("人员增加城乡居民医疗保险基金补助增加") == 1


def test_separate_reasons_when_income_and_expenditure_differ(demo_budgets):
    data = budget_data(budget_id=demo_budgets["000"].pk)
    data.prior_year.expenditure_total = Decimal("2297.34")  # 支出 unchanged this time
    data.narrative[K.REASON_INCOME] = "人员增加；"
    text = section(data, "一、")
    assert "收入增加 215.94 万元，增长 10.37%，主要原因：人员增加；支出与上年持平。" in text


def _vehicles_changed(data):
    # 001: 购置 0.00 (last year said 2.00 here), 运行维护 1.50 (last year 1.00).
    data.prior_year.three_public_vehicle_purchase = Decimal("2.00")
    data.prior_year.three_public_vehicle_operation = Decimal("1.00")


def test_separate_reasons_for_vehicle_purchase_and_operation(demo_budgets):
    data = budget_data(budget_id=demo_budgets["001"].pk)
    _vehicles_changed(data)
    data.narrative[K.REASON_VEHICLE_PURCHASE] = "车辆已于上年购置完毕。"
    data.narrative[K.REASON_VEHICLE_OPERATION] = "新增一辆执法执勤用车"
    text = section(data, "七、")
    assert (
        "公务用车购置费预算数比 2022 年减少 2.00 万元，下降 100.00%，主要原因：车辆已于上年购置完毕；"
        "公务用车运行维护费预算数比 2022 年增加 0.50 万元，增长 50.00%，主要原因：新增一辆执法执勤用车。"
    ) in text


def test_one_reason_for_both_vehicle_items_is_printed_once(demo_budgets):
    data = budget_data(budget_id=demo_budgets["001"].pk)
    _vehicles_changed(data)
    data.narrative[K.REASON_VEHICLE] = "车辆调整"
    text = section(data, "七、")
    assert (
        "公务用车运行维护费预算数比 2022 年增加 0.50 万元，增长 50.00%，主要原因是：车辆调整。"
    ) in text
    assert text.count("车辆调整") == 1


def test_the_three_public_reason_is_not_repeated_under_each_item(demo_budgets):
    data = budget_data(budget_id=demo_budgets["001"].pk)
    data.narrative.pop(K.REASON_RECEPTION)  # 接待 changed (2.00 → 0.50) without its own reason
    text = section(data, "七、")
    reason = "根据国家、省、市有关文件精神，厉行节约，降低“三公经费”预算"
    assert text.count(reason) == 1
    assert "公务接待费预算数比 2022 年减少 1.50 万元，下降 75.00%。" in text
    # …and the shared reason covers it: no missing-reason warning for 公务接待费.
    findings = check_budget(budget_id=demo_budgets["001"].pk)
    assert not any("公务接待费" in f.message and "主要原因" in f.message for f in findings)


# ---------------------------------------------------------------- usage texts


def test_usage_texts_replace_the_standard_sentence(demo_budgets):
    data = budget_data(budget_id=demo_budgets["001"].pk)
    standard = "（二）公务接待费 0.50 万元，主要用于按规定开支的各类公务接待（含外宾接待）支出。"
    assert standard in section(data, "七、")
    data.narrative[K.USAGE_RECEPTION] = "接待上级部门检查指导工作。"
    data.narrative[K.USAGE_VEHICLE] = "主要用于 1 辆执法执勤用车的燃料、维修和保险；"
    text = section(data, "七、")
    assert "（二）公务接待费 0.50 万元，主要用于接待上级部门检查指导工作。" in text
    assert "公务用车运行维护费 1.50 万元。主要用于 1 辆执法执勤用车的燃料、维修和保险。" in text


def test_operating_costs_and_gov_fund_usage(demo_budgets):
    data = budget_data(budget_id=demo_budgets["000"].pk)
    data.narrative[K.USAGE_OPERATING_COSTS] = "办公、水电和差旅支出"
    data.narrative[K.USAGE_GOV_FUND] = "城乡社区公共设施建设。"
    figures = dataclasses.replace(key_figures(data), gov_fund=Decimal("10.00"))
    text = text_of(data, figures)
    assert "机关运行经费支出预算 11.68 万元，主要用于办公、水电和差旅支出。" in text
    assert "政府性基金预算支出 10.00 万元，主要用于城乡社区公共设施建设。" in text


# ---------------------------------------------------------------- dates and shares


def test_holdings_are_stated_at_their_date(demo_budgets):
    # 000 follows its example ("2022 年度期末"); 001 has no date: the end of 2022.
    assert "2022 年度期末，我部门共有车辆 0 辆" in text_of(
        budget_data(budget_id=demo_budgets["000"].pk)
    )
    assert "2022 年度期末，我部门共有车辆 1 辆" in text_of(
        budget_data(budget_id=demo_budgets["001"].pk)
    )
    AssetHolding.objects.filter(budget=demo_budgets["001"]).update(as_of=datetime.date(2023, 6, 30))
    text = text_of(budget_data(budget_id=demo_budgets["001"].pk))
    assert "截至 2023 年 6 月 30 日，我部门共有车辆 1 辆" in text


def test_performance_shares(demo_budgets):
    data = budget_data(budget_id=demo_budgets["000"].pk)
    assert "涉及资金 2,121.81 万元，分别占项目总数的 100.00% 和项目支出的 100.00%。" in text_of(
        data
    )
    # Without 城乡居民医疗保险财政补助资金 (1,113.60 in 000's 表十): 9 of 10 projects and
    # 2,121.81 − 1,113.60 = 1,008.21 万元; 1,008.21 / 2,121.81 = 47.5165 %, 1,113.60 /
    # 2,121.81 = 52.4835 %: largest remainder gives 47.52 % + 52.48 % = 100.00 %.
    project = next(p for p in data.projects if p.name == "城乡居民医疗保险财政补助资金")
    data.project_indicators.pop(project.pk)
    assert (
        "其中 9 个项目设置了绩效目标，涉及资金 1,008.21 万元，分别占项目总数的 90.00% 和项目支出的 "
        "47.52%（未设置绩效目标的 1 个项目占项目总数的 10.00%，占项目支出的 52.48%）。"
    ) in text_of(data)


# ---------------------------------------------------------------- punctuation, any text

PIECES = list("人员增加经费减少。，；：、！？ \n\t\u3000.,;") + ["主要原因是：", "“三公”"]
CLERK_TEXT = st.lists(st.sampled_from(PIECES), max_size=15).map("".join)
KEYS = [k for k in K.values if k.startswith(("reason_", "usage_"))] + [
    K.GENERAL_PUBLIC_USAGE,
    K.PERFORMANCE_STATEMENT,
    K.OTHER_NOTES,
]
BAD = re.compile(r"。。|。；|，。|；。|，，|；；|、、|。，|\s[。，；：、！？]")


@pytest.fixture
def changed_data(demo_budgets):
    """001 with every compared figure changed, so that every reason is printed."""
    data = budget_data(budget_id=demo_budgets["001"].pk)
    _vehicles_changed(data)
    data.prior_year.three_public_outbound = Decimal("1.00")
    data.prior_year.operating_costs = Decimal("10.00")
    data.prior_year.gov_fund_total = Decimal("5.00")
    return data


@settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(texts=st.lists(CLERK_TEXT, min_size=len(KEYS), max_size=len(KEYS)))
def test_no_generated_explanation_doubles_or_mixes_punctuation(changed_data, texts):
    changed_data.narrative = dict(zip(KEYS, texts, strict=True))
    for paragraph in text_of(changed_data).split("\n"):
        assert not BAD.search(paragraph), paragraph


# ---------------------------------------------------------------- pair-kind warning


def _pair_warnings(budget) -> list[str]:
    return [f.message for f in check_budget(budget_id=budget.pk) if f.rule == "data-pair-kind"]


def test_pair_meant_for_the_other_unit_kind_is_warned_on_every_path(demo_budgets):
    """The demo is loaded through the model layer (as an import writes): the warning the
    admin form gives must come from check_budget too, once per line, the line named."""
    budget = demo_budgets["000"]
    unit = BudgetUnit.objects.get(department=budget.department)
    assert unit.kind == UnitKind.ADMINISTRATIVE
    # 000 prints 30107 绩效工资 against 50501 (a 事业单位 pair) for its 行政 unit.
    before = _pair_warnings(budget)
    assert len(before) == 1 and "部门经济分类 30107 与政府经济分类 50501" in before[0]
    line = ExpenditureLine.objects.filter(
        budget=budget, kind="basic", dept_economic__code="30101"
    ).first()
    # 30101 基本工资 ↔ 50501 工资福利支出 is the 事业单位 pair; 行政 units use 50101.
    gov = EconomicSubject.objects.valid_in(2022).get(scheme="gov", code="50501")
    ExpenditureLine.objects.filter(pk=line.pk).update(gov_economic=gov)
    after = [m for m in _pair_warnings(budget) if m not in before]
    assert len(after) == 1
    assert "部门经济分类 30101 与政府经济分类 50501 的对应关系适用于事业单位" in after[0]
    assert f"（{unit.name}，基本支出功能分类 {line.functional_subject.code}，" in after[0]


def test_pair_warning_after_a_workbook_import(demo_drafts):
    """An imported budget shows the warning too (it used to appear only in the admin form)."""
    from budgets.workbook.export import budget_workbook_export
    from budgets.workbook.importing import budget_workbook_import

    exported = budget_workbook_export(budget=demo_drafts["000"])
    imported = budget_workbook_import(data=exported, replace=True)
    warnings = _pair_warnings(imported)
    assert len(warnings) == 1 and "部门经济分类 30107 与政府经济分类 50501" in warnings[0]
