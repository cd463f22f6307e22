"""The Hubei form builders （九）（十） and their checks on small in-memory budget data: the
budget year from the lines, the planning years from ``ProjectPlan`` amounts, indicators by
horizon, prior years as unknown (empty) until entered, and the warnings naming what is missing.
"""

from decimal import Decimal
from types import SimpleNamespace

from budgets.models import GoalHorizon
from disclosures.checks.base import Collector
from disclosures.formats import format_get
from disclosures.formats.hubei.department_form import build_department_form
from disclosures.formats.hubei.form_checks import form_checks
from disclosures.formats.hubei.project_form import build_project_forms
from tests.disclosures.tables.data import budget_data, cell, rows_of


def _project(pk=7, **fields):
    base = dict(pk=pk, unit_id=1, name="测试项目", unit=SimpleNamespace(name="测试局机关"))
    base |= dict(manager="", phone="", postcode="", category="", spending_type="", attribute="")
    base |= dict(start_year=None, end_year=None, total_budget=None)
    return SimpleNamespace(**(base | fields))


def _data(plans=None, texts=None, indicators=()):
    project = _project(manager="张三", start_year=2022, end_year=2024, total_budget=Decimal("90"))
    cells = [
        cell("30.00", func="2101599", dept="30201", kind="project", project_id=7),
        cell("5.00", func="2101599", dept="30302", kind="project", project_id=7),
        cell("12.00", dept="30101"),
    ]
    data = budget_data(cells, projects=[project])
    data.project_plans = {7: plans or {}}
    data.project_texts = {7: texts or {}}
    data.project_indicators = {7: list(indicators)}
    return data


def _indicator(horizon, **fields):
    base = dict(goal_name="目标", level1="满意度指标", level2="服务对象满意度指标", level3="")
    base |= dict(basis="依据", value="98.00", value_y2="97.00", value_y1="97.00", horizon=horizon)
    return SimpleNamespace(**(base | fields))


def test_project_form_budget_year_from_lines_and_planning_years_from_plans():
    plans = {(2023, "funding"): Decimal("40.00"), (2024, "provincial_special"): Decimal("8.00")}
    plans |= {(2023, "goods"): Decimal("40.00"), (2024, "goods"): Decimal("8.00")}
    tables = build_project_forms(_data(plans))
    by_slug = {t.slug: t for t in tables}
    assert [t.slug for t in tables][:3] == ["1-header", "1-sources", "1-spending"]
    sources = by_slug["1-sources"]
    sources.blank_zero = False
    rows = dict((r[0], r[1:]) for r in rows_of(sources, "label", "y0", "y1", "y2"))
    assert rows["合计"] == ("35.00", "40.00", "8.00")  # 30 + 5 from the project's lines
    assert rows["1、财政拨款补助"] == ("35.00", "40.00", "0.00")
    assert rows["3、上级补助收入"] == ("0.00", "0.00", "8.00")  # = its 省专项 row
    spending = by_slug["1-spending"]
    spending.blank_zero = False
    rows = dict((r[0], r[1:]) for r in rows_of(spending, "label", "y0", "y1", "y2"))
    assert rows["2、商品和服务支出"] == ("30.00", "40.00", "8.00")
    assert rows["3、对个人和家庭补助"] == ("5.00", "0.00", "0.00")
    assert rows["4、其他资本性支出"] == ("", "", "")  # a heading
    header = by_slug["1-header"]
    functional = next(r for r in header.rows if r.cells.get("l1") == "支出功能分类")
    assert functional.cells["v1b"] == "[21015]医疗保障管理事务"  # from the lines (H-11)


def test_indicators_split_by_horizon_with_hubei_satisfaction_label():
    tables = build_project_forms(
        _data(indicators=[_indicator(GoalHorizon.LONG_TERM), _indicator(GoalHorizon.ANNUAL)])
    )
    by_slug = {t.slug: t for t in tables}
    assert rows_of(by_slug["1-long-term"], "level1", "value") == [("服务对象满意度指标", "98.00")]
    assert rows_of(by_slug["1-annual"], "y2", "y1", "value") == [("97.00", "97.00", "98.00")]


def test_department_form_prior_years_are_empty_until_entered():
    data = _data()
    data.goal = None
    tables = build_department_form(data)
    funds = next(t for t in tables if t.slug == "funds")
    funds.blank_zero = False
    rows = rows_of(funds, "item", "current", "share", "y2", "y1")
    assert rows[0] == ("财政拨款", "47.00", "100%", "", "")
    assert rows[3] == ("基本支出", "12.00", "26%", "", "")  # 12 / 47 = 25.53% → 26%
    assert rows[4] == ("项目支出", "35.00", "74%", "", "")
    data.prior_totals = {
        2020: SimpleNamespace(
            appropriation=Decimal("10"),
            other_funds=Decimal("2"),
            basic=Decimal("4"),
            project=Decimal("8"),
        ),
    }
    funds = next(t for t in build_department_form(data) if t.slug == "funds")
    rows = rows_of(funds, "item", "y2", "y1")
    assert rows[2] == ("合计", "12.00", "") and rows[5] == ("合计", "12.00", "")


def _findings(data):
    out = Collector()
    tables = format_get("hubei").build_tables(data)
    form_checks(tables, out)
    return [(f.level.value, f.rule, f.message) for f in out.findings]


def test_missing_form_items_are_warnings_naming_them():
    data = _data()
    data.goal = None
    found = _findings(data)
    messages = [m for level, _, m in found if level == "warning"]
    assert any("项目“测试项目”未填写：联系电话、项目类别、项目属性" in m for m in messages)
    assert any("未填写2023年支出规划、2024年支出规划" in m for m in messages)
    assert any("未填写年度绩效目标" in m for m in messages)
    assert any("未填写：填报人、联系电话" in m for m in messages)
    assert any("未填写2020年的收支金额" in m for m in messages)
    assert any("未填写整体绩效分目标" in m for m in messages)
    assert not [f for f in found if f[0] == "error"]


def test_planning_year_sources_must_equal_spending():
    data = _data(plans={(2023, "funding"): Decimal("40.00"), (2023, "goods"): Decimal("39.00")})
    data.goal = None
    errors = [(r, m) for level, r, m in _findings(data) if level == "error"]
    assert errors == [
        (
            "hubei-project-plan-y1",
            "表（九）项目“测试项目”2023年支出规划资金来源合计 40.00 与支出明细合计 39.00 不一致，相差 1.00 万元",
        )
    ]
