"""A small piece of example 003 (保定市徐水区医疗保障局 2024) as ``BudgetData`` built by hand
from unsaved model instances, for the pure builders of the Hebei forms and explanation.

Figures are transcribed from ``shared/seeds/003_3b8c35e724893ddc.txt``: 基本支出 on the 部门
经济分类 款 of table 6 (spec §1.B; 人员经费 390.71 and the 302 款 8.10 · 4.39 · 3.61 · 2.54 ·
2.43 · 5.28 · 0.38 = 26.73), the eight projects of §七 with their 项, and the 政府采购 and
国有资产 of §八 and §九. The table-6 人员 款 add to 390.70 (spec B-3/B-5): one 款 is loaded
0.01 higher (30101 here, which one the seed cannot tell) so that 基本支出 is the consistent
417.44 and 人员经费 the printed 390.71.
"""

import datetime
from dataclasses import replace
from decimal import Decimal

from budgets.funding import funding_group
from budgets.models import (
    AssetCategory,
    AssetHolding,
    Budget,
    BudgetUnit,
    Department,
    DepartmentTask,
    FiscalYear,
    PerformanceGoal,
    PriorYearFigures,
    ProcurementItem,
    Project,
    ProjectIndicator,
    Region,
)
from budgets.models import NarrativeKey as K
from disclosures.tables.data import BudgetData, Cell

D = Decimal
UNIT_ID = 1

# (部门经济分类 款, name, amount, 人员/公用). 301/303 are 人员经费 (390.71), 302 公用经费 (26.73).
BASIC = (
    ("30101", "基本工资", "97.11"),  # printed 97.10: the 0.01 of spec B-3/B-5 (see above)
    ("30102", "津贴补贴", "44.81"),
    ("30103", "奖金", "24.34"),
    ("30107", "绩效工资", "102.31"),
    ("30108", "机关事业单位基本养老保险缴费", "36.13"),
    ("30109", "职业年金缴费", "0.71"),
    ("30110", "职工基本医疗保险缴费", "12.04"),
    ("30112", "其他社会保障缴费", "1.74"),
    ("30113", "住房公积金", "29.75"),
    ("30199", "其他工资福利支出", "31.80"),
    ("30302", "退休费", "9.95"),
    ("30309", "奖励金", "0.02"),
    ("30201", "办公费", "8.10"),
    ("30207", "邮电费", "4.39"),
    ("30228", "工会经费", "3.61"),
    ("30229", "福利费", "2.54"),
    ("30231", "公务用车运行维护费", "2.43"),
    ("30239", "其他交通费用", "5.28"),
    ("30299", "其他商品和服务支出", "0.38"),
)
# (pk, code, name, amount, plan, purpose) of §七, in print order.
PROJECTS = (
    (
        11,
        "13062524P00001510302M",
        "劳务派遣人员经费",
        "24.83",
        ("24", "49", "74", "100"),
        "通过开展劳务派遣工作，保障机关正常运转。",
    ),
    (
        12,
        "13062524P00001510300E",
        "离休药费统筹区级配套资金",
        "7.00",
        (None, "100", "100", "100"),
        "为徐水区离休老干部提供医疗费用报销及药费包干",
    ),
    (
        13,
        "13062524P000017102427",
        "提前下达2024年中央财政医疗服务与保障能力提升补助资金",
        "38.00",
        ("20", "50", "50", "100"),
        "",
    ),
    (
        14,
        "13062524P000015103012",
        "退役军人专岗人员提高待遇资金",
        "0.36",
        ("16", "41", "66", "100"),
        "",
    ),
    (
        15,
        "13062524P00001510696T",
        "医保基金监管核查专项资金（含专家费）",
        "13.02",
        (None, "50", "50", "100"),
        "",
    ),
    (16, "13062524P00001510638T", "医保经办业务经费", "15.00", (None, "25", "50", "100"), ""),
    (
        17,
        "13062524P00001510636K",
        "医保网络经费（运转保障）",
        "16.48",
        (None, "50", "100", "100"),
        "",
    ),
    (18, "13062524P00001510299G", "意外伤害核查经费", "19.99", (None, "25", "50", "100"), ""),
)
# The basic 公用经费 "projects" the 政府采购 table names as sources (their lines are basic
# in Hebei): 公用经费项目一（三保） 6.26 and 公用经费项目二（三保） 5.80, both within the 302 款 above.
BASIC_PROJECTS = (
    (21, "13062524B0000001", "公用经费项目一（三保）", "6.26"),
    (22, "13062524B0000002", "公用经费项目二（三保）", "5.80"),
)
PROJECT_1_INDICATORS = (
    (
        "产出指标",
        "数量指标",
        "劳务派遣人数（人）",
        "劳务派遣人数（人）",
        "5人",
        "保定市徐水区医疗保障局关于拨付劳务派遣工作人员等所需费用的请示",
    ),
    (
        "产出指标",
        "质量指标",
        "人员经费执行率",
        "人员经费执行率",
        "≥90%",
        "劳务派遣人员经费实施计划",
    ),
    (
        "产出指标",
        "时效指标",
        "人员工资支付及时性",
        "按照合同约定及时支付人员工资费用",
        "≥90%",
        "劳务派遣合同",
    ),
    (
        "成本指标",
        "",
        "全年支付派遣人员工资额",
        "全年支付派遣人员工资额",
        "≥24.83万元",
        "劳务派遣人员经费实施计划",
    ),
    (
        "效益指标",
        "经济效益指标",
        "派遣人员上岗后，服务质量提升度",
        "派遣人员上岗后，服务质量提升度",
        "≥90%",
        "劳务派遣人员经费实施计划",
    ),
    (
        "满意度指标",
        "服务对象满意度指标",
        "机关对劳务派遣人员满意度",
        "机关对劳务派遣人员满意情况",
        "≥90%",
        "调查问卷",
    ),
)
PROJECT_1_OBJECTIVE = (
    "1.通过开展劳务派遣工作，保障机关正常运转。\n"
    "2.招聘劳务派遣人员5名，人员工资180000元/年，各类保险62340.6元/年，管理费6000元/年，共计248341元。"
)
# (project pk, item, code, 计量单位, 数量, 单价 as entered, 金额, new asset). 单价 of paper is
# the true 220 元 = 0.022 万元 (003 prints 0.02; spec B-9).
PROCUREMENT = (
    (22, "复印纸", "A05040101", "箱", "20", "0.022", "0.44", False),
    (21, "复印纸", "A05040101", "箱", "30", "0.022", "0.66", False),
    (21, "车辆维修和保养服务", "C23120301", "次", "3", "0.10", "0.30", False),
    (21, "车辆加油、添加燃料服务", "C23120302", "次", "12", "0.03", "0.36", False),
    (16, "台式计算机", "A02010105", "台", "4", "0.50", "2.00", True),
)


def cell(
    *, project_id=None, kind="basic", cost_type="", dept_code, dept_name="", amount, func="2101501"
):
    return Cell(
        unit_id=UNIT_ID,
        project_id=project_id,
        kind=kind,
        cost_type=cost_type,
        source="gp_appropriation",
        func_code=func,
        func_name="",
        dept_code=dept_code,
        dept_name=dept_name,
        gov_code="",
        gov_name="",
        amount=D(amount),
        group=funding_group("gp_appropriation"),
    )


def _basic_cells() -> list[Cell]:
    cells = []
    for code, name, amount in BASIC:
        cost_type = "personnel" if code[:3] in ("301", "303") else "public"
        cells.append(cell(dept_code=code, dept_name=name, amount=amount, cost_type=cost_type))
    return cells


def _projects(budget, unit):
    projects, cells, indicators = [], [], {}
    for position, (pk, code, name, amount, plan, purpose) in enumerate(PROJECTS):
        march, june, october, december = (None if v is None else D(v) for v in plan)
        project = Project(
            pk=pk,
            budget=budget,
            unit=unit,
            code=code,
            name=name,
            kind="特定目标类",
            position=position,
            purpose=purpose,
            plan_march=march,
            plan_june=june,
            plan_october=october,
            plan_december=december,
        )
        projects.append(project)
        cells.append(cell(project_id=pk, kind="project", dept_code="30299", amount=amount))
    projects[0].objective = PROJECT_1_OBJECTIVE
    projects[1].objective = "1.目标内容1"  # 003's placeholder (spec B-8)
    indicators[11] = [
        ProjectIndicator(
            project=projects[0], level1=a, level2=b, level3=c, description=d, value=e, basis=f
        )
        for a, b, c, d, e, f in PROJECT_1_INDICATORS
    ]
    for pk, code, name, _ in BASIC_PROJECTS:
        # Basic in Hebei: the format classified their lines as 公用经费 (they are part of the
        # 302 款 above, so they carry no cells of their own here besides the marker).
        projects.append(
            Project(pk=pk, budget=budget, unit=unit, code=code, name=name, kind="运转类")
        )
    return projects, cells, indicators


def _procurement(budget, unit):
    return [
        ProcurementItem(
            pk=100 + i,
            budget=budget,
            unit=unit,
            project_id=project,
            item=item,
            catalogue_code=code,
            measure_unit=measure,
            quantity=D(quantity),
            unit_price=D(price),
            amount=D(amount),
            sme_amount=D(amount),
            is_new_asset=new,
            position=i,
        )
        for i, (project, item, code, measure, quantity, price, amount, new) in enumerate(
            PROCUREMENT
        )
    ]


def _assets(budget):
    rows = (
        (AssetCategory.TOTAL, "78", "21.31"),
        (AssetCategory.VEHICLE, "1", "0"),
        (AssetCategory.OTHER_FIXED, "77", "21.31"),
    )
    return [
        AssetHolding(
            budget=budget, category=c, quantity=D(q), value=D(v), as_of=datetime.date(2023, 12, 31)
        )
        for c, q, v in rows
    ]


# Part of the 302 款 re-filed under the two basic projects (款 totals unchanged):
# 公用经费项目一 = 30201 6.26; 公用经费项目二 = 30207 4.39 + 30228 1.41 = 5.80. Which 款 they
# use the seed does not say; only their totals (预算资金 6.26 and 5.80) are printed.
BASIC_PROJECT_SHARES = {("30201", 21): "6.26", ("30207", 22): "4.39", ("30228", 22): "1.41"}


def _with_basic_projects(cells: list[Cell]) -> list[Cell]:
    out = []
    for c in cells:
        shares = {pk: D(a) for (code, pk), a in BASIC_PROJECT_SHARES.items() if code == c.dept_code}
        rest = c.amount - sum(shares.values(), D(0))
        if rest:
            out.append(replace(c, amount=rest))
        out += [replace(c, project_id=pk, amount=a) for pk, a in shares.items()]
    return out


NARRATIVE = {
    K.REASON_BASIC: "主要原因是减少劳务派遣人员经费。",
    K.REASON_PROJECT: "增加劳务派遣人员经费和医保网络经费预算安排",
    K.OTHER_NOTES: "我单位无其他需要说明的事项。",
}


def data_003(*, basic_project_budgets: bool = True) -> BudgetData:
    """003 as budget data the Hebei format has classified (basic projects' lines basic)."""
    region = Region(code="130609", name="保定市徐水区")
    department = Department(region=region, code="450", name="保定市徐水区医疗保障局")
    budget = Budget(
        pk=3, department=department, fiscal_year=FiscalYear(year=2024), disclosure_format="hebei"
    )
    unit = BudgetUnit(
        pk=UNIT_ID,
        department=department,
        code="450001",
        name="保定市徐水区医疗保障局本级",
        kind="行政",
        grade="正科级",
        funding_form="财政拨款",
    )
    projects, project_cells, indicators = _projects(budget, unit)
    cells = _basic_cells() + project_cells
    if basic_project_budgets:
        cells = _with_basic_projects(cells)
    return BudgetData(
        budget=budget,
        units=[unit],
        cells=cells,
        functional={},
        projects=projects,
        project_indicators=indicators,
        goal=PerformanceGoal(budget=budget, objective="习近平新时代中国特色社会主义思想为指导……"),
        tasks=[
            DepartmentTask(
                budget=budget,
                name="保障城乡居民和贫困人口基本医疗权益",
                content="坚持政府主导，砸实责任。",
                indicators="全区城乡居民参保率达到95%。",
            )
        ],
        prior_year=PriorYearFigures(
            budget=budget,
            income_total=D("508.53"),
            expenditure_total=D("508.53"),
            # Last year's 三公 as 003 states it (unchanged): unknown (None) is no longer 0.
            three_public_outbound=D("0"),
            three_public_vehicle_purchase=D("0"),
            three_public_vehicle_operation=D("2.43"),
            three_public_reception=D("0"),
            basic_total=D("436.13"),
            project_total=D("72.40"),
        ),
        narrative=dict(NARRATIVE),
        procurement=_procurement(budget, unit),
        assets=_assets(budget),
    )
