"""Hubei （九） 项目绩效目标公开表: one form per project, as a group of small tables.

Each project's form (spec §1.A （九）) is: the header block with 项目申请理由和主要内容, the
项目资金来源 and 项目支出明细 of the budget year (summed from the project's lines) and the
two planning years (``ProjectPlan``), 项目采购, 总体目标, 项目绩效总目标, 长期 and 年度绩效目标
(``ProjectIndicator`` by horizon) and 其他说明的问题. Every part is a ``ReportTable``, so the
page, PDF, XLSX, CSV and JSON print it like any table.
"""

from decimal import Decimal

from budgets.fields import ZERO, quantize
from budgets.models import GoalHorizon, PlanRow, ProjectTextKey
from budgets.models import ProjectIndicatorLevel1 as L1
from budgets.models.planning import SOURCE_ROWS
from disclosures.tables.base import HeaderLine, ReportTable, Row, RowKind, amount, group, text
from disclosures.tables.data import BudgetData, Cell

R = PlanRow
# (label, own row or None, child labels' rows) of 项目资金来源, top to bottom; a row's amount
# is its own plus its children's (1、财政拨款补助 = 经费拨款 + 非税收入安排的拨款 …).
NONTAX_ROWS = (
    R.SPECIAL_REVENUE,
    R.ADMIN_FEES,
    R.SERVICE_FEES,
    R.FINES,
    R.STATE_RESOURCES,
    R.OTHER_NONTAX,
)
SUBSIDY_ROWS = (R.PROVINCIAL_SPECIAL, R.PROVINCIAL_GENERAL, R.CITY_SPECIAL)
SOURCE_LAYOUT: tuple[tuple[str, PlanRow | None, tuple[PlanRow, ...]], ...] = (
    ("1、财政拨款补助", R.FUNDING, (R.NONTAX, *NONTAX_ROWS)),
    ("其中：经费拨款", R.FUNDING, ()),
    ("纳入预算管理的非税收入安排的拨款", R.NONTAX, NONTAX_ROWS),
    ("专项收入", R.SPECIAL_REVENUE, ()),
    ("行政性收费收入", R.ADMIN_FEES, ()),
    ("事业性收费收入", R.SERVICE_FEES, ()),
    ("罚没收入", R.FINES, ()),
    ("国有资源（资产）有偿使用收入", R.STATE_RESOURCES, ()),
    ("其他纳入预算管理的非税收入", R.OTHER_NONTAX, ()),
    ("2、纳入专户管理的非税收入", R.SPECIAL_ACCOUNT, ()),
    ("3、上级补助收入", R.HIGHER_SUBSIDY, SUBSIDY_ROWS),
    ("省专项转移支付", R.PROVINCIAL_SPECIAL, ()),
    ("省一般性转移支付", R.PROVINCIAL_GENERAL, ()),
    ("市专款", R.CITY_SPECIAL, ()),
    ("4、纳入预算管理的政府性基金收入", R.GOV_FUND, ()),
    ("5、其他收入", R.OTHER_INCOME, ()),
    ("6、上年结余结转", R.CARRY_OVER, ()),
)
# The top-level source rows, whose sum is 合计.
# Every entered amount is on exactly one source row, so 合计 adds them all.
SOURCE_TOP = tuple(r for r in PlanRow if r in SOURCE_ROWS)
CAPITAL = (R.REMITTANCE, R.ADMIN_COST, R.OTHER_CAPITAL)
SPENDING_LAYOUT: tuple[tuple[str, PlanRow | None, tuple[PlanRow, ...]], ...] = (
    ("1、工资福利支出", R.WAGES, ()),
    ("2、商品和服务支出", R.GOODS, ()),
    ("3、对个人和家庭补助", R.HOUSEHOLDS, ()),
    ("4、其他资本性支出", None, ()),  # a heading: its 小计 below adds its three rows
    ("小  计", None, CAPITAL),
    ("上缴上级支出", R.REMITTANCE, ()),
    ("行政事业类成本支出", R.ADMIN_COST, ()),
    ("其他资本性支出", R.OTHER_CAPITAL, ()),
)
SPENDING_TOP = (R.WAGES, R.GOODS, R.HOUSEHOLDS, *CAPITAL)

# The budget year's lines by funding source → the source row they are printed on. Sources
# the form has no row of its own for go to the nearest parent (上级提前下达 → 上级补助收入).
SOURCE_ROW = {
    "gp_appropriation": R.FUNDING,
    "gp_special_revenue": R.SPECIAL_REVENUE,
    "gp_other": R.OTHER_NONTAX,
    "gp_advance": R.HIGHER_SUBSIDY,
    "gp_bond": R.FUNDING,
    "special_account": R.SPECIAL_ACCOUNT,
    "unit_subsidy": R.HIGHER_SUBSIDY,
}
SOURCE_GROUP_ROW = {"gov_fund": R.GOV_FUND, "carry_over": R.CARRY_OVER}
# By 部门经济分类 类; the other 类 (资本性支出, 对企业补助 …) are printed as 其他资本性支出.
SPENDING_ROW = {"301": R.WAGES, "302": R.GOODS, "303": R.HOUSEHOLDS}
# Hubei names the satisfaction 一级 after its 二级 (002: 服务对象满意度指标).
LEVEL1_LABEL = {L1.SATISFACTION: "服务对象满意度指标"}


def _source_row(cell: Cell) -> PlanRow:
    if row := SOURCE_ROW.get(cell.source):
        return row
    return SOURCE_GROUP_ROW.get(cell.group.value, R.OTHER_INCOME)


def current_year_rows(cells: list[Cell]) -> dict[PlanRow, Decimal]:
    """The budget year's amounts of a project on the form's rows, from its lines."""
    sums: dict[PlanRow, Decimal] = {}
    for cell in cells:
        for row in (_source_row(cell), SPENDING_ROW.get(cell.dept_category, R.OTHER_CAPITAL)):
            sums[row] = sums.get(row, ZERO) + cell.amount
    return {row: quantize(value) for row, value in sums.items()}


def _amount_rows(layout, top, years: list[dict[PlanRow, Decimal]]) -> list[Row]:
    def value(entries: dict[PlanRow, Decimal], own, children) -> Decimal | None:
        if own is None and not children:
            return None
        rows = ((own,) if own else ()) + children
        return quantize(sum((entries.get(r, ZERO) for r in rows), ZERO))

    keys = ("y0", "y1", "y2")
    total = {
        k: quantize(sum((e.get(r, ZERO) for r in top), ZERO))
        for k, e in zip(keys, years, strict=True)
    }
    rows = [Row(RowKind.TOTAL, {"label": "合计", **total, "note": ""})]
    for label, own, children in layout:
        kind = RowKind.CATEGORY if label[0].isdigit() else RowKind.ITEM
        cells = {k: value(e, own, children) for k, e in zip(keys, years, strict=True)}
        rows.append(Row(kind, {"label": label, **cells, "note": ""}))
    return rows


def _years_columns(first: str, year: int, *, note: bool) -> list:
    columns = [
        text("label", first),
        group(f"{year}年当年预算", amount("y0", "金额")),
        group(f"{year + 1}年支出规划", amount("y1", "金额")),
        group(f"{year + 2}年支出规划", amount("y2", "金额")),
    ]
    return columns + [text("note", "备注")] if note else columns


def _table(data: BudgetData, slug: str, title: str, columns, rows, notes=()) -> ReportTable:
    table = ReportTable(
        number=0,
        title=title,
        department_name=data.department.display_name,
        columns=columns,
        rows=rows,
        notes=list(notes),
        slug=slug,
        header_line=HeaderLine.NONE,  # 002 prints no unit line in （九）
    )
    return table


def _pair(a: str, b, c: str, d) -> Row:
    return Row(RowKind.ITEM, {"l1": a, "v1": b, "l2": c, "v2": d}, spans={"v1": 2})


def _functional_path(data: BudgetData, cells: list[Cell]) -> tuple[str, str]:
    """[类码]类名 and [款码]款名 of the project's largest 功能分类 款 (from its lines)."""
    if not cells:
        return "", ""
    by_section: dict[str, Decimal] = {}
    for cell in cells:
        by_section[cell.func_code[:5]] = by_section.get(cell.func_code[:5], ZERO) + cell.amount
    section = max(sorted(by_section), key=lambda code: by_section[code])
    names = data.functional
    category = names.get(section[:3])
    named = names.get(section)
    return (
        f"[{section[:3]}]{category.name if category else ''}",
        f"[{section}]{named.name if named else ''}",
    )


def _header(data: BudgetData, project, cells: list[Cell], number: int) -> ReportTable:
    texts = data.project_texts.get(project.pk, {})
    category, section = _functional_path(data, cells)
    start = str(project.start_year) if project.start_year else ""
    end = str(project.end_year) if project.end_year else ""
    rows = [
        _pair("项目名称", project.name, "项目主管部门", data.department.name),
        _pair("项目单位", project.unit.name, "邮政编码", project.postcode),
        _pair("项目负责人", project.manager, "联系电话", project.phone),
        Row(
            RowKind.ITEM,
            {
                "l1": "支出功能分类",
                "v1": category,
                "v1b": section,
                "l2": "项目类别",
                "v2": project.category,
            },
        ),
        _pair("项目类型", project.spending_type, "项目属性", project.attribute),
        _pair("项目起始时间（年）", start, "项目终止时间（年）", end),
        Row(RowKind.HEADING, {"l1": "项目申请理由和主要内容"}, spans={"l1": 5}),
        Row(
            RowKind.ITEM,
            {"l1": "设立依据", "v1": texts.get(ProjectTextKey.BASIS, "")},
            spans={"v1": 4},
        ),
        Row(
            RowKind.ITEM,
            {"l1": "项目主要内容及必要性及可行性分析", "v1": texts.get(ProjectTextKey.CONTENT, "")},
            spans={"v1": 4},
        ),
    ]
    columns = [
        text("l1", "项目"),
        text("v1", "内容"),
        text("v1b", ""),
        text("l2", "项目"),
        text("v2", "内容"),
    ]
    title = f"{project.name}{data.year}年度和中期规划绩效目标表"
    return _table(data, f"{number}-header", title, columns, rows)


def _plan_years(data: BudgetData, project, cells: list[Cell]) -> list[dict[PlanRow, Decimal]]:
    plans = data.project_plans.get(project.pk, {})
    later = [
        {PlanRow(row): value for (year, row), value in plans.items() if year == data.year + n}
        for n in (1, 2)
    ]
    return [current_year_rows(cells), *later]


def _indicator_rows(indicators, *, annual: bool) -> list[Row]:
    rows = []
    for i in indicators:
        cells = {
            "goal": i.goal_name,
            "level1": LEVEL1_LABEL.get(i.level1, i.level1),
            "level2": i.level2,
            "level3": i.level3,
            "basis": i.basis,
        }
        if annual:
            cells |= {"y2": i.value_y2, "y1": i.value_y1, "value": i.value}
        else:
            cells["value"] = i.value
        rows.append(Row(RowKind.ITEM, cells))
    return rows


def _goal_tables(data: BudgetData, project, number: int) -> list[ReportTable]:
    texts = data.project_texts.get(project.pk, {})
    year = data.year
    indicators = data.project_indicators.get(project.pk, [])
    long_term = [i for i in indicators if i.horizon == GoalHorizon.LONG_TERM]
    annual = [i for i in indicators if i.horizon != GoalHorizon.LONG_TERM]
    indicator_columns = [
        text("goal", "目标名称"),
        text("level1", "一级指标(年度)"),
        text("level2", "二级指标(年度)"),
        text("level3", "三级指标"),
    ]
    return [
        _table(
            data,
            f"{number}-goals",
            "总体目标",
            [text("medium", f"中期目标（{year}-{year + 2}年）"), text("annual", f"{year}年度目标")],
            [
                Row(
                    RowKind.ITEM,
                    {
                        "medium": texts.get(ProjectTextKey.MEDIUM_GOAL, ""),
                        "annual": texts.get(ProjectTextKey.ANNUAL_GOAL, ""),
                    },
                )
            ],
        ),
        _table(
            data,
            f"{number}-overall",
            "项目绩效总目标",
            [text("name", "目标名称"), text("description", "目标说明")],
            [
                Row(
                    RowKind.ITEM,
                    {
                        "name": texts.get(ProjectTextKey.GOAL_NAME, ""),
                        "description": texts.get(ProjectTextKey.GOAL_DESCRIPTION, ""),
                    },
                )
            ],
        ),
        _table(
            data,
            f"{number}-long-term",
            "长期绩效目标",
            [*indicator_columns, text("value", "指标值"), text("basis", "指标值确定依据")],
            _indicator_rows(long_term, annual=False),
        ),
        _table(
            data,
            f"{number}-annual",
            "年度绩效目标",
            [
                *indicator_columns,
                text("basis", "指标值确定依据"),
                group("指标值", text("y2", "前年"), text("y1", "上年"), text("value", "预计当年")),
            ],
            _indicator_rows(annual, annual=True),
        ),
        _table(
            data,
            f"{number}-other",
            "其他说明的问题",
            [text("label", "项目"), text("text", "内容")],
            [
                Row(
                    RowKind.ITEM,
                    {"label": "其他说明的问题", "text": texts.get(ProjectTextKey.OTHER_NOTES, "")},
                )
            ],
        ),
    ]


def _yes_no(flag: bool | None) -> str:
    return "" if flag is None else ("是" if flag else "否")


def _procurement(data: BudgetData, project, number: int) -> ReportTable:
    """项目采购: the 政府采购 items linked to the project, where the model links them."""
    items = [i for i in data.procurement if getattr(i, "project_id", None) == project.pk]
    rows = [
        Row(
            RowKind.ITEM,
            {
                "item": i.item,
                "new_asset": _yes_no(getattr(i, "is_new_asset", None)),
                "quantity": str(i.quantity.normalize()) if i.quantity is not None else "",
                "amount": i.amount,
            },
        )
        for i in items
    ]
    columns = [
        text("item", "采购品目"),
        text("new_asset", "是否属新增资产配置"),
        text("quantity", "数量"),
        amount("amount", "金额"),
    ]
    return _table(data, f"{number}-procurement", "项目采购", columns, rows)


def project_form(data: BudgetData, project, number: int, cells: list[Cell]) -> list[ReportTable]:
    """The small tables of one project's form (``number``: its place among the forms;
    ``cells``: the project's own cells)."""
    years = _plan_years(data, project, cells)
    calculation = data.project_texts.get(project.pk, {}).get(ProjectTextKey.CALCULATION, "")
    tables = [
        _header(data, project, cells, number),
        _table(
            data,
            f"{number}-sources",
            "项目资金来源",
            _years_columns("来源项目及年度", data.year, note=True),
            _amount_rows(SOURCE_LAYOUT, SOURCE_TOP, years),
        ),
        _table(
            data,
            f"{number}-spending",
            "项目支出预算及测算依据",
            _years_columns("项目支出明细", data.year, note=False),
            [
                Row(r.kind, {k: v for k, v in r.cells.items() if k != "note"})
                for r in _amount_rows(SPENDING_LAYOUT, SPENDING_TOP, years)
            ],
            notes=[f"测算依据及说明：{calculation}"] if calculation else [],
        ),
        _procurement(data, project, number),
        *_goal_tables(data, project, number),
    ]
    for part, table in enumerate(tables, start=1):
        table.label = f"{number}-{part}"
    return tables


def build_project_forms(data: BudgetData) -> list[ReportTable]:
    """（九）: every project's form, in table order (units by code, then position)."""
    tables: list[ReportTable] = []
    projects = [p for unit in data.units for p in data.projects_of(unit)]
    by_project: dict[int, list[Cell]] = {}
    for cell in data.cells:  # once, not once per project (linear in the budget's size)
        if cell.project_id is not None:
            by_project.setdefault(cell.project_id, []).append(cell)
    for number, project in enumerate(projects, start=1):
        tables += project_form(data, project, number, by_project.get(project.pk, []))
    return tables
