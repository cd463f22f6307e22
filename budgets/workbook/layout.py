"""The sheets of a budget workbook and their columns (Chinese headers ↔ data keys).

The workbook carries exactly the budget description of ``docs/demo-data-format.md``
(the same dict ``budget_load`` takes), one sheet per kind of record. Column kinds:
``code`` is written as a text cell, ``amount`` as a number with two decimals (万元),
``int`` as a whole number, ``text`` as text, ``percent`` as a number 0–100 (``24`` or
``24%`` accepted), ``price`` as a number with up to six decimals (万元), ``bool`` as 是/否.
The Hebei columns (单位规格, 资金支出计划, 项目来源, 计量单位 …) are all optional, so a
workbook without them imports unchanged.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str = "text"  # text | code | amount | int | percent | price | bool
    required: bool = True


@dataclass(frozen=True)
class Sheet:
    key: str  # where the rows go in the budget dict
    title: str
    columns: tuple[Column, ...]
    required: bool = True

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def column_by_header(self, header: str) -> Column:
        return next(c for c in self.columns if c.header == header)


C = Column
LINE = (
    C("func", "功能分类科目（项）", "code"),
    C("dept_econ", "部门经济分类（款）", "code"),
    C("gov_econ", "政府经济分类（款）", "code"),
    C("source", "资金来源"),
    C("amount", "金额（万元）", "amount"),
)
INFO = Sheet(
    "info",
    "基本信息",
    (
        C("region_code", "行政区划代码", "code"),
        C("region_name", "行政区划名称"),
        C("department_code", "部门代码", "code"),
        C("department_name", "部门名称"),
        C("short_name", "部门简称", required=False),
        C("supervising_section", "归口管理股室", required=False),
        C("year", "预算年度", "int"),
        C("cover_date", "封面日期", required=False),
    ),
)
SHEETS = (
    INFO,
    Sheet(
        "units",
        "预算单位",
        (
            C("code", "单位代码", "code"),
            C("name", "单位名称"),
            C("kind", "单位性质"),
            C("grade", "单位规格", required=False),
            C("funding_form", "经费保障形式", required=False),
        ),
    ),
    Sheet(
        "basic_lines",
        "基本支出",
        (C("unit", "单位代码", "code"), *LINE, C("cost_type", "人员/公用经费", required=False)),
        required=False,
    ),
    Sheet(
        "other_lines",
        "其他支出明细",
        (C("kind", "支出类型"), C("unit", "单位代码", "code"), *LINE),
        required=False,
    ),
    Sheet(
        "projects",
        "项目",
        (
            C("unit", "单位代码", "code"),
            C("code", "项目代码", "code"),
            C("name", "项目名称"),
            C("kind", "项目类型"),
            C("declared_total", "申报总额（万元）", "amount", required=False),
            C("purpose", "资金用途", required=False),
            C("objective", "项目绩效目标", required=False),
            C("plan_march", "资金支出计划：3月底（%）", "percent", required=False),
            C("plan_june", "资金支出计划：6月底（%）", "percent", required=False),
            C("plan_october", "资金支出计划：10月底（%）", "percent", required=False),
            C("plan_december", "资金支出计划：12月底（%）", "percent", required=False),
            # Optional: the header of a project form (Hubei （九）).
            C("manager", "项目负责人", required=False),
            C("phone", "联系电话", "code", required=False),
            C("postcode", "邮政编码", "code", required=False),
            C("category", "项目类别", required=False),
            C("spending_type", "项目类型（支出类型）", required=False),
            C("attribute", "项目属性", required=False),
            C("start_year", "项目起始年度", "int", required=False),
            C("end_year", "项目终止年度", "int", required=False),
            C("total_budget", "项目总预算（万元）", "amount", required=False),
        ),
        required=False,
    ),
    Sheet(
        "project_lines", "项目支出明细", (C("project", "项目代码", "code"), *LINE), required=False
    ),
    Sheet(
        "project_indicators",
        "项目绩效指标",
        (
            C("project", "项目代码", "code"),
            C("level1", "一级指标"),
            C("level2", "二级指标", required=False),
            C("level3", "三级指标", required=False),  # Hubei （九） leaves it empty
            C("value", "指标值", required=False),
            C("description", "指标说明", required=False),
            C("basis", "指标值确定依据", required=False),
            C("goal_name", "目标名称", required=False),
            C("horizon", "目标期限", required=False),
            C("value_y2", "前年值", required=False),
            C("value_y1", "上年值", required=False),
            C("standard", "绩效标准", required=False),
        ),
        required=False,
    ),
    Sheet(
        "project_texts",
        "项目说明",
        (C("project", "项目代码", "code"), C("key", "内容"), C("text", "文字")),
        required=False,
    ),
    Sheet(
        "project_plans",
        "项目中期规划",
        (
            C("project", "项目代码", "code"),
            C("year", "年度", "int"),
            C("row", "项目"),
            C("amount", "金额（万元）", "amount"),
        ),
        required=False,
    ),
    Sheet(
        "objective",
        "整体绩效目标",
        (
            C("objective", "年度履职目标"),
            C("reporter", "填报人", required=False),
            C("phone", "联系电话", "code", required=False),
            C("long_term_objective", "长期目标", required=False),
            C("long_term_end_year", "长期目标截止年度", "int", required=False),
        ),
        required=False,
    ),
    Sheet(
        "tasks",
        "年度主要任务",
        (
            C("name", "任务名称"),
            C("content", "主要内容", required=False),
            C("indicators", "绩效指标", required=False),
        ),
        required=False,
    ),
    Sheet(
        "department_goals",
        "整体绩效分目标",
        (C("horizon", "目标期限"), C("number", "目标序号", "int"), C("text", "目标内容")),
        required=False,
    ),
    Sheet(
        "indicators",
        "整体绩效指标",
        (
            C("level1", "一级指标"),
            C("level2", "二级指标", required=False),
            C("level3", "三级指标"),
            C("value", "指标值", required=False),
            C("explanation", "指标值说明", required=False),
            C("goal", "所属分目标", required=False),  # 长期目标1, 年度目标2 …
            C("value_y2", "前年值", required=False),
            C("value_y1", "上年值", required=False),
            C("standard", "绩效标准", required=False),
        ),
        required=False,
    ),
    Sheet("narrative", "文字说明", (C("key", "内容"), C("text", "文字")), required=False),
    Sheet(
        "prior_totals",
        "近两年收支金额",
        (
            C("year", "年度", "int"),
            C("appropriation", "财政拨款（万元）", "amount", required=False),
            C("other_funds", "其他资金（万元）", "amount", required=False),
            C("basic", "基本支出（万元）", "amount", required=False),
            C("project", "项目支出（万元）", "amount", required=False),
        ),
        required=False,
    ),
    Sheet(
        "previous_year",
        "上年对比数",
        (C("key", "项目"), C("amount", "金额（万元）", "amount", required=False)),
        required=False,
    ),
    Sheet(
        "procurement",
        "政府采购",
        (
            C("unit", "单位代码", "code"),
            C("project", "项目来源（项目代码）", "code", required=False),
            C("category", "采购类别", required=False),
            C("item", "采购品目"),
            C("catalogue_code", "目录序号", "code", required=False),
            C("measure_unit", "计量单位", required=False),
            C("quantity", "数量", "amount"),
            C("unit_price", "单价（万元）", "price", required=False),
            C("amount", "金额（万元）", "amount"),
            C("funding_source", "资金来源", required=False),
            C("sme_amount", "面向中小企业预留金额（万元）", "amount", required=False),
            C("is_new_asset", "是否新增资产配置", "bool", required=False),
        ),
        required=False,
    ),
    Sheet(
        "assets",
        "国有资产",
        (
            C("category", "资产类别"),
            C("quantity", "数量", "amount"),
            C("value", "价值（万元）", "amount", required=False),
            C("as_of", "截止日期", required=False),
        ),
        required=False,
    ),
    Sheet(
        "transfer_payments",
        "专项转移支付",
        (C("name", "项目名称"), C("amount", "金额（万元）", "amount")),
        required=False,
    ),
)
SHEET_BY_TITLE = {sheet.title: sheet for sheet in SHEETS}
SHEET = {sheet.key: sheet for sheet in SHEETS}
INSTRUCTIONS_TITLE = "填写说明"
