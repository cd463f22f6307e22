"""The forms of the Hebei 情况说明, on a hand-built piece of 003 (``hebei_003.py``); the
expected values are 003's (spec §1.B "Non-table forms"), transcribed by hand."""

from decimal import Decimal as D

from disclosures.checks.base import Collector
from disclosures.checks.data import spending_plans
from disclosures.exports.csvfiles import table_csv
from disclosures.formats.hebei.forms import (
    PROCUREMENT_NOTE,
    assets_form,
    fixed_assets_value,
    form_checks,
    form_tables,
    hebei_forms,
    new_assets_total,
    organisation_form,
    procurement_form,
    project_forms,
)
from disclosures.tables.base import RowKind
from disclosures.tables.serialize import table_from_dict, table_to_dict
from tests.disclosures.hebei_003 import data_003


def printed(table, row) -> list[str]:
    return [table.format_value(value) for _, value, _ in table.laid_out(row)]


def test_organisation_form():
    table = organisation_form(data_003()).table
    assert table.title == "部门机构设置情况"
    assert [c.label for c in table.leaves()] == ["单位名称", "单位性质", "单位规格", "经费保障形式"]
    assert [printed(table, r) for r in table.rows] == [
        ["保定市徐水区医疗保障局本级", "行政", "正科级", "财政拨款"]
    ]


def test_eight_project_forms_and_not_the_basic_projects():
    forms = project_forms(data_003())
    heads = [f for f in forms if f.table.slug.count("-") == 2]
    assert len(heads) == 8  # 公用经费项目一/二 are 基本支出 in Hebei: no 绩效目标表
    assert heads[0].table.title == "1、劳务派遣人员经费绩效目标表"
    assert heads[7].table.title == "8、意外伤害核查经费绩效目标表"
    assert heads[0].header_cells == ["单位：万元"]
    assert printed(heads[0].table, heads[0].table.rows[0]) == [
        "13062524P00001510302M",
        "劳务派遣人员经费",
    ]
    totals = []
    for f in forms:
        if f.table.slug.endswith("-scale"):
            totals.append(f.table.rows[0].cells["total"])
    # 24.83 + 7.00 + 38.00 + 0.36 + 13.02 + 15.00 + 16.48 + 19.99 = 134.68 = 项目支出.
    assert sum(totals) == D("134.68")


def test_project_1_form():
    scale, plan, goal, grid = (f.table for f in project_forms(data_003())[1:5])
    assert scale.header_path("fiscal") == ("预算规模及资金用途", "其中：财政资金")
    # 其他资金 is empty in 003 (a blank zero).
    assert printed(scale, scale.rows[0]) == [
        "24.83",
        "24.83",
        "",
        "通过开展劳务派遣工作，保障机关正常运转。",
    ]
    assert [c.label for c in plan.leaves()] == ["3月底", "6月底", "10月底", "12月底"]
    assert printed(plan, plan.rows[0]) == ["24%", "49%", "74%", "100%"]
    assert [printed(goal, r) for r in goal.rows] == [
        ["1.通过开展劳务派遣工作，保障机关正常运转。"],
        [
            "2.招聘劳务派遣人员5名，人员工资180000元/年，各类保险62340.6元/年，管理费6000元/年，共计248341元。"
        ],
    ]
    assert [c.label for c in grid.leaves()] == [
        "一级指标",
        "二级指标",
        "三级指标",
        "绩效指标描述",
        "指标值",
        "指标值确定依据",
    ]
    rows = [printed(grid, r) for r in grid.rows]
    # 一级 on the first row of its group only; 成本指标 is a 二级 under 产出指标.
    assert [r[0] for r in rows] == ["产出指标", "", "", "", "效益指标", "满意度指标"]
    assert [r[1] for r in rows] == [
        "数量指标",
        "质量指标",
        "时效指标",
        "成本指标",
        "经济效益指标",
        "服务对象满意度指标",
    ]
    assert rows[3][2:] == [
        "全年支付派遣人员工资额",
        "全年支付派遣人员工资额",
        "≥24.83万元",
        "劳务派遣人员经费实施计划",
    ]
    assert rows[5][3:5] == ["机关对劳务派遣人员满意情况", "≥90%"]


def test_project_2_plan_leaves_march_empty():
    plan = project_forms(data_003())[7].table
    assert plan.slug == "form-project-2-plan"
    assert printed(plan, plan.rows[0]) == ["", "100%", "100%", "100%"]


def test_procurement_form():
    form = procurement_form(data_003())
    table = form.table
    assert form.header_cells == ["450保定市徐水区医疗保障局", "单位：万元"]
    assert table.header_path("gp") == ("政府采购金额（当年部门预算安排资金）", "一般公共预算拨款")
    assert table.header_path("source_budget") == ("政府采购项目来源", "预算资金")
    assert table.leaves()[-1].label == "2024年预留中小微企业份额"
    assert len(table.leaves()) == 15
    rows = [printed(table, r) for r in table.rows]
    empty5 = [""] * 5
    assert rows == [
        ["合计", "", "", "", "", "", "", "3.76", "3.76", *empty5, "3.76"],
        ["保定市徐水区医疗保障局本级小计", "", "", "", "", "", "", "3.76", "3.76", *empty5, "3.76"],
        [
            "公用经费项目二（三保）",
            "5.80",
            "复印纸",
            "A05040101",
            "箱",
            "20",
            "0.02",
            "0.44",
            "0.44",
            *empty5,
            "0.44",
        ],
        [
            "公用经费项目一（三保）",
            "6.26",
            "复印纸",
            "A05040101",
            "箱",
            "30",
            "0.02",
            "0.66",
            "0.66",
            *empty5,
            "0.66",
        ],
        [
            "公用经费项目一（三保）",
            "6.26",
            "车辆维修和保养服务",
            "C23120301",
            "次",
            "3",
            "0.10",
            "0.30",
            "0.30",
            *empty5,
            "0.30",
        ],
        [
            "公用经费项目一（三保）",
            "6.26",
            "车辆加油、添加燃料服务",
            "C23120302",
            "次",
            "12",
            "0.03",
            "0.36",
            "0.36",
            *empty5,
            "0.36",
        ],
        [
            "医保经办业务经费",
            "15.00",
            "台式计算机",
            "A02010105",
            "台",
            "4",
            "0.50",
            "2.00",
            "2.00",
            *empty5,
            "2.00",
        ],
    ]
    assert [r.kind for r in table.rows[:2]] == [RowKind.TOTAL, RowKind.UNIT]
    assert table.notes == [PROCUREMENT_NOTE]


def test_procurement_amount_goes_to_its_funding_column():
    data = data_003()
    data.procurement[4].funding_source = "unit_other"
    table = procurement_form(data).table
    computer = table.rows[-1].cells
    assert (computer["gp"], computer["unit"], computer["total"]) == (D(0), D("2.00"), D("2.00"))
    assert (table.rows[0].cells["gp"], table.rows[0].cells["unit"]) == (D("1.76"), D("2.00"))


def test_assets_form():
    form = assets_form(data_003())
    table = form.table
    assert form.header_cells == ["450保定市徐水区医疗保障局", "截止时间：2023-12-31"]
    assert [c.label for c in table.leaves()] == ["项目", "数量", "价值（金额单位：万元）"]
    assert [printed(table, r) for r in table.rows] == [
        ["资产总额", "78", "21.31"],
        ["1、房屋（平方米）", "", ""],
        ["\u3000\u3000其中：办公用房（平方米）", "", ""],
        ["2、车辆（台、辆）", "1", "0.00"],  # 003 types 0: amounts print with two decimals
        ["3、单价在20万元以上的设备", "", ""],
        ["4、其他固定资产", "77", "21.31"],
    ]
    data = data_003()
    assert fixed_assets_value(data) == D("21.31")
    assert new_assets_total(data) == D("2.00")  # = the 台式计算机 line (spec §1.B)


def test_asset_total_derived_when_not_entered():
    data = data_003()
    data.assets = [a for a in data.assets if a.category != "total"]
    table = assets_form(data).table
    # 1 + 77 = 78 and 0 + 21.31 = 21.31, as 003 prints.
    assert printed(table, table.rows[0]) == ["资产总额", "78", "21.31"]


def test_forms_by_section_and_serialisable():
    data = data_003()
    groups = hebei_forms(data)
    assert [(g.slug, g.section) for g in groups] == [
        ("organisation", "一"),
        ("project-goals", "七"),
        ("procurement", "八"),
        ("assets", "九"),
    ]
    tables = form_tables(groups)
    assert len(tables) == 1 + 8 * 5 + 1 + 1
    assert len({t.slug for t in tables}) == len(tables)
    for table in tables:
        again = table_from_dict(table_to_dict(table))
        assert [r.cells for r in again.rows] == [r.cells for r in table.rows]
    csv = table_csv(tables[-2]).decode("utf-8-sig")
    assert "台式计算机" in csv and "A02010105" in csv


def test_spending_plan_warnings_name_the_project():
    data = data_003()
    out = Collector()
    spending_plans(data, out)
    form_checks(data, out)
    assert out.findings == []  # every plan of 003 is cumulative and ends at 100%
    data.projects[2].plan_june = D("10")  # 20% at 3月底, then 10%
    data.projects[3].plan_december = D("90")
    spending_plans(data, out)
    assert [f.message for f in out.findings] == [
        "项目“提前下达2024年中央财政医疗服务与保障能力提升补助资金”（13062524P000017102427）："
        "资金支出计划是累计数，不能减少：6月底 10% 小于 3月底 20%。",
        "项目“退役军人专岗人员提高待遇资金”（13062524P000015103012）：资金支出计划到12月底应为 100%，现为 90%。",
    ]
    assert {f.level for f in out.findings} == {"warning"}


def test_hebei_needs_a_plan_for_every_project_of_project_spending():
    data = data_003()
    project = data.projects[0]
    project.plan_march = project.plan_june = project.plan_october = project.plan_december = None
    out = Collector()
    spending_plans(data, out)
    assert out.findings == []  # no plan entered: nothing to check in general
    form_checks(data, out)
    assert [f.message for f in out.findings] == [
        "项目“劳务派遣人员经费”（13062524P00001510302M）：未填写资金支出计划（河北格式的绩效目标表列示）。"
    ]


def test_entered_asset_total_is_checked_against_its_parts():
    data = data_003()
    data.assets[0].value = D("21.30")
    out = Collector()
    form_checks(data, out)
    assert [f.message for f in out.findings] == [
        "固定资产占用情况表：资产总额 21.3 万元与各类资产价值之和 21.31 万元不一致。"
    ]
