"""The Hebei 情况说明 on a hand-built piece of 003: sentences written by hand from 003's
wording (``shared/seeds/003_…txt`` l.1683–2653) and figures, with the consistent figure
where the seed contradicts itself (spec §2.3)."""

from decimal import Decimal as D

from budgets.models import NarrativeKey as K
from budgets.models import PriorYearFigures
from disclosures.formats.hebei.explanation import (
    TITLES,
    explanation_lead,
    explanation_sections,
    explanation_title,
    operating_breakdown,
)
from disclosures.keyfigures import key_figures
from tests.disclosures.hebei_003 import data_003


def sections(data=None):
    data = data or data_003()
    return {s.title: s.paragraphs for s in explanation_sections(data, key_figures(data))}


def test_eleven_sections_in_003s_order():
    data = data_003()
    assert [s.title for s in explanation_sections(data, key_figures(data))] == list(TITLES)
    assert TITLES[3] == "四、财政拨款“三公”经费预算情况及增减变化原因"
    assert TITLES[10] == "十一、其他需要说明的事项"
    assert explanation_title(data) == "保定市徐水区医疗保障局2024年部门预算信息公开情况说明"
    assert explanation_lead(data) == (
        "按照《中华人民共和国预算法》、《地方预决算公开操作规程》和《关于进一步推进预算公开工作的"
        "实施意见》规定，现将保定市徐水区医疗保障局2024年部门预算公开如下："
    )


def test_income():
    assert sections()["二、部门预算安排的总体情况"][:2] == [
        "（一）收入说明",
        "反映本部门当年全部收入。2024年预算收入552.12万元，其中：一般公共预算收入552.12万元，"
        "基金预算收入0万元，国有资本经营预算收入0万元，财政专户核拨收入0万元，单位资金收入0万元，"
        "上年结转结余0万元。",
    ]


def test_spending():
    # 003 prints 基本支出 417.43 here, but 390.71 + 26.73 = 417.44 and 552.12 − 134.68 = 417.44
    # (spec B-1/B-5): the consistent 417.44 is expected. 003 also names a 项目支出表 it does
    # not publish (B-6); the sentence names only the tables Hebei prints.
    assert sections()["二、部门预算安排的总体情况"][2:4] == [
        "（二）支出说明",
        "收支预算总表支出栏、基本支出表按经济分类和支出功能分类科目编制，反映保定市徐水区医疗保障局"
        "年度部门预算中支出预算的总体情况。2024年支出预算552.12万元，其中基本支出417.44万元，"
        "包括人员经费390.71万元和日常公用经费26.73万元；项目支出134.68万元，主要为本级支出。",
    ]


def test_change_against_last_year_with_a_reason_for_each():
    # Last year: 508.53 in all, 基本 436.13, 项目 72.40 (552.12 − 43.59, 417.43 + 18.7,
    # 134.68 − 62.28; spec B-4). With the consistent 基本支出 417.44 the decrease is 18.69
    # (003 prints 18.7, and −18.7 + 62.28 ≠ 43.59); −18.69 + 62.28 = 43.59.
    assert sections()["二、部门预算安排的总体情况"][4:] == [
        "（三）比上年增减情况",
        "本年度预算收支安排552.12万元，较上年增加43.59万元。其中：基本支出减少18.69万元，"
        "主要原因是减少劳务派遣人员经费；项目支出增加62.28万元，主要原因是增加劳务派遣人员经费和"
        "医保网络经费预算安排。",
    ]


def test_change_unknown_without_last_years_split():
    data = data_003()
    data.prior_year.basic_total = data.prior_year.project_total = None
    assert sections(data)["二、部门预算安排的总体情况"][5] == (
        "本年度预算收支安排552.12万元，较上年增加43.59万元。"
    )
    data.prior_year = None
    assert sections(data)["二、部门预算安排的总体情况"][5] == "本年度预算收支安排552.12万元。"


def test_operating_costs_with_breakdown():
    # 6.15 = 工会经费 3.61 + 福利费 2.54; 5.66 = 其他交通费用 5.28 + 其他商品和服务支出 0.38.
    assert sections()["三、机关运行经费安排情况"] == [
        "2024年我部门机关运行经费安排26.73万元，其中办公费8.1万元，邮电费4.39万元，"
        "工会经费、福利费6.15万元，公务用车运行维护费2.43万元，其他支出5.66万元。"
    ]
    assert sum(amount for _, amount in operating_breakdown(data_003())) == D("26.73")


def test_operating_costs_against_last_year():
    data = data_003()
    data.prior_year.operating_costs = D("25.00")
    data.narrative[K.REASON_OPERATING_COSTS] = "新增办公设备维护"
    assert sections(data)["三、机关运行经费安排情况"][0].endswith(
        "其他支出5.66万元，较上年增加1.73万元，主要原因是新增办公设备维护。"
    )


def test_three_public_unchanged():
    # 003 types “与 2023年” and closes the bracket with a half-width “)”; both normalised.
    assert sections()["四、财政拨款“三公”经费预算情况及增减变化原因"] == [
        "2024年，我部门财政拨款“三公”经费预算安排2.43万元，其中因公出国（境）费0万元；"
        "公务用车购置及运维费2.43万元（其中：公务用车购置费为0万元，公务用车运维费2.43万元）；"
        "公务接待费0万元。与2023年相比无变化。"
    ]


def test_three_public_changed_by_item():
    data = data_003()
    data.prior_year.three_public_vehicle_operation = D("2.00")
    data.prior_year.three_public_reception = D("0.50")
    data.narrative[K.REASON_VEHICLE_OPERATION] = "车辆老化维修费用增加。"
    data.narrative[K.REASON_RECEPTION] = "主要原因：严控公务接待"
    text = sections(data)["四、财政拨款“三公”经费预算情况及增减变化原因"][0]
    assert text.endswith(
        "公务接待费0万元。与2023年相比，“三公”经费减少0.07万元。其中：因公出国（境）费无变化；"
        "公务用车购置费无变化；公务用车运维费增加0.43万元，主要原因是车辆老化维修费用增加；"
        "公务接待费减少0.5万元，主要原因是严控公务接待。"
    )


def test_three_public_no_comparison_without_last_year():
    data = data_003()
    data.prior_year = None
    assert sections(data)["四、财政拨款“三公”经费预算情况及增减变化原因"][0].endswith(
        "公务接待费0万元。"
    )


def test_performance_goals_and_safeguards():
    data = data_003()
    data.narrative[K.WORK_SAFEGUARDS] = "1、加强组织领导。\n2、全力做好医疗保障重点工作。\n"
    assert sections(data)["五、部门整体绩效目标"] == [
        "（一）总体绩效目标",
        "习近平新时代中国特色社会主义思想为指导……。",
        "（二）分项绩效目标",
        "1、保障城乡居民和贫困人口基本医疗权益",
        "绩效目标：坚持政府主导，砸实责任。",
        "绩效指标：全区城乡居民参保率达到95%。",
        "（三）工作保障措施",
        "1、加强组织领导。",
        "2、全力做好医疗保障重点工作。",
    ]


def test_empty_special_funds_and_forms_sections():
    texts = sections()
    assert texts["六、部门主管专项资金预算安排情况及绩效目标"] == []  # as 003: heading only
    assert texts["七、部门项目预算安排情况及绩效目标"] == []  # the eight forms follow
    assert texts["八、政府采购预算情况"] == []  # the table follows


def test_assets_lead():
    # 003 prints “2.00万元” here but drops trailing zeros elsewhere (8.1万元, 18.7万元, 0万元):
    # one rule for the whole text, trailing zeros dropped.
    assert sections()["九、国有资产信息"] == [
        "保定市徐水区医疗保障局（含所属单位）上年末固定资产金额为21.31万元（详见下表）。"
        "本年度拟购置固定资产总额为2万元，已按要求列入政府采购预算，详见政府采购预算表。"
    ]


def test_other_notes_default_and_clerk_text():
    data = data_003()
    assert sections(data)["十一、其他需要说明的事项"] == ["我单位无其他需要说明的事项。"]
    data.narrative[K.OTHER_NOTES] = "本部门2024年无新增编制；"
    assert sections(data)["十一、其他需要说明的事项"] == ["本部门2024年无新增编制。"]


def test_no_percentages_anywhere():
    data = data_003()
    data.prior_year = PriorYearFigures(
        budget=data.budget, expenditure_total=D("400"), basic_total=D("300"), project_total=D("100")
    )
    text = "".join(p for s in explanation_sections(data, key_figures(data)) for p in s.paragraphs)
    # Only the clerk's own indicator text (95%) carries a percent sign.
    assert text.count("%") == 1
    assert "，增长" not in text and "下降" not in text
