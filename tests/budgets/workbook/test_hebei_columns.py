"""The Hebei columns of the workbook (all optional): 单位规格/经费保障形式, 资金用途/绩效目标/资金
支出计划 (``percent``), 项目来源/计量单位/资金来源/单价 (``price``)/是否新增资产配置 (``bool``),
资产价值, 绩效指标, last year's 基本/项目支出 — loaded through the demo loader, exported,
imported into an empty database and exported again unchanged."""

import io
from decimal import Decimal as D

import pytest
from openpyxl import load_workbook

from budgets.models import Budget, BudgetUnit, Department, ProcurementItem, Project
from budgets.services.demo import budget_load
from budgets.workbook.export import budget_workbook_data, budget_workbook_export
from budgets.workbook.importing import budget_workbook_import, budget_workbook_preview
from budgets.workbook.reading import parse_percent, parse_price
from budgets.workbook.widgets import BoolWidget

pytestmark = pytest.mark.django_db

LINE = {"func": "2101501", "gov_econ": "50201", "source": "gp_appropriation"}
HEBEI = {
    "region": {"code": "130609", "name": "保定市徐水区"},
    "department": {"code": "450", "name": "保定市徐水区医疗保障局"},
    "budget": {"year": 2024},
    "units": [
        {
            "code": "450001",
            "name": "保定市徐水区医疗保障局本级",
            "kind": "行政",
            "grade": "正科级",
            "funding_form": "财政拨款",
        }
    ],
    "narrative": {
        "work_safeguards": "1、加强组织领导。",
        "reason_basic_change": "减少劳务派遣人员经费",
    },
    "previous_year": {
        "expenditure_total": "508.53",
        "basic_total": "436.13",
        "project_total": "72.40",
    },
    "basic_lines": [
        {**LINE, "unit": "450001", "dept_econ": "30201", "amount": "1.84"},
    ],
    "projects": [
        {
            "unit": "450001",
            "code": "13062524P00001510638T",
            "name": "医保经办业务经费",
            "kind": "特定目标类",
            "purpose": "保障医保中心经办业务正常开展。",
            "objective": "1.保障医保大厅人员正常办公。",
            "plan_june": "25",
            "plan_october": "50",
            "plan_december": "100",
            "lines": [{**LINE, "dept_econ": "30201", "amount": "15.00"}],
        },
        {
            "unit": "450001",
            "code": "13062524B0000001",
            "name": "公用经费项目一（三保）",
            "kind": "运转类",
            "lines": [{**LINE, "dept_econ": "30201", "amount": "6.26"}],
        },
    ],
    "performance": {
        "objective": "不断扩大参保覆盖面。",
        "tasks": [
            {
                "name": "保障城乡居民基本医疗权益",
                "content": "广泛宣传。",
                "indicators": "参保率达到95%。",
            }
        ],
    },
    "procurement": [
        {
            "unit": "450001",
            "project": "13062524B0000001",
            "item": "复印纸",
            "catalogue_code": "A05040101",
            "measure_unit": "箱",
            "quantity": "30",
            "unit_price": "0.022",
            "amount": "0.66",
            "sme_amount": "0.66",
        },
        {
            "unit": "450001",
            "project": "13062524P00001510638T",
            "item": "台式计算机",
            "catalogue_code": "A02010105",
            "measure_unit": "台",
            "quantity": "4",
            "unit_price": "0.5",
            "amount": "2.00",
            "sme_amount": "2.00",
            "is_new_asset": True,
        },
    ],
    "assets": [
        {"category": "total", "quantity": "78", "value": "21.31"},
        {"category": "vehicle", "quantity": "1", "value": "0"},
        {"category": "other_fixed", "quantity": "77", "value": "21.31"},
    ],
}


def _empty_database():
    Budget.objects.all().delete()
    BudgetUnit.objects.all().delete()
    Department.objects.all().delete()


def test_hebei_budget_round_trip():
    budget = budget_load(data=HEBEI)
    exported = budget_workbook_export(budget=budget)
    before = budget_workbook_data(budget=budget)
    assert before["units"][0]["grade"] == "正科级"
    assert before["projects"][0]["plan_march"] is None
    assert before["projects"][0]["plan_june"] == D("25.00")
    paper = before["procurement"][0]
    assert (paper["project"], paper["unit_price"], paper["category"]) == (
        "13062524B0000001",
        D("0.022000"),
        "货物",  # from the code's A
    )
    assert before["procurement"][1]["is_new_asset"] == "是"
    _empty_database()

    imported = budget_workbook_import(data=exported, create_missing=True)
    assert budget_workbook_data(budget=imported) == before
    computer = ProcurementItem.objects.get(budget=imported, item="台式计算机")
    assert computer.project == Project.objects.get(budget=imported, code="13062524P00001510638T")
    assert computer.is_new_asset and computer.measure_unit == "台"
    assert imported.prior_year.basic_total == D("436.13")
    assert imported.department_tasks.get().indicators == "参保率达到95%。"


def test_hebei_cells_are_typed():
    book = load_workbook(io.BytesIO(budget_workbook_export(budget=budget_load(data=HEBEI))))
    sheet = book["政府采购"]
    headers = [c.value for c in sheet[1]]
    price = sheet[2][headers.index("单价（万元）")]
    assert price.value == 0.022 and price.number_format == "0.######"
    projects = book["项目"]
    headers = [c.value for c in projects[1]]
    assert projects[2][headers.index("资金支出计划：12月底（%）")].value == 100


def _with_cell(data: bytes, sheet: str, header: str, value) -> bytes:
    book = load_workbook(io.BytesIO(data))
    ws = book[sheet]
    column = [c.value for c in ws[1]].index(header) + 1
    ws.cell(row=2, column=column, value=value)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("sheet", "header", "value", "message"),
    [
        ("项目", "资金支出计划：3月底（%）", "120%", "百分比应在 0—100 之间"),
        ("政府采购", "单价（万元）", "0.0000001", "单价最多保留6位小数（单位：万元）"),
        ("政府采购", "是否新增资产配置", "也许", "“也许”应填写“是”或“否”"),
        ("政府采购", "项目来源（项目代码）", "P9", "项目代码 P9 在“项目”工作表中不存在"),
        ("预算单位", "经费保障形式", "全额", "“全额”不是有效的经费保障形式"),
    ],
)
def test_bad_hebei_cells_are_named(sheet, header, value, message):
    exported = budget_workbook_export(budget=budget_load(data=HEBEI))
    preview = budget_workbook_preview(data=_with_cell(exported, sheet, header, value))
    assert [(p.sheet, p.row, p.column, p.message) for p in preview.problems] == [
        (sheet, 2, header, message)
    ]


def test_sme_share_above_amount_in_the_workbook():
    exported = budget_workbook_export(budget=budget_load(data=HEBEI))
    preview = budget_workbook_preview(
        data=_with_cell(exported, "政府采购", "面向中小企业预留金额（万元）", 0.70)
    )
    assert [str(p) for p in preview.problems] == [
        "“政府采购”第 2 行“面向中小企业预留金额（万元）”列："
        "面向中小企业预留金额 0.70 万元不能大于采购金额 0.66 万元。"
    ]


def test_percent_price_and_bool_cells():
    assert parse_percent("24%") == D("24.00")
    assert parse_percent(49.5) == D("49.50")
    assert parse_price(0.022) == D("0.022000")
    assert parse_price("１,000.5") == D("1000.500000")
    with pytest.raises(ValueError, match="单价不能为负数"):
        parse_price("-0.02")
    with pytest.raises(ValueError, match="百分比最多保留两位小数"):
        parse_percent("24.125")
    assert [BoolWidget().clean(v) for v in ("是", "否", None, 1, "TRUE")] == [
        True,
        False,
        False,
        True,
        True,
    ]
