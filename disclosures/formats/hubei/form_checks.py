"""The Hubei format's rules on its forms （九）（十）, read from the built tables.

What the forms need but the budget lacks (项目负责人, 设立依据, the planning years, 填报人, the
two prior years …) is a warning naming the item: the budget still publishes, with the cell
empty. Figures that must agree (a year's 资金来源 合计 = its 支出明细 合计; a prior year's
收入合计 = 支出合计) are errors.
"""

from decimal import Decimal

from disclosures.checks.base import Collector, money
from disclosures.tables.base import ReportTable, RowKind

PROJECT_FIELDS = (
    "项目负责人",
    "联系电话",
    "项目类别",
    "项目属性",
    "项目起始时间（年）",
    "项目终止时间（年）",
    "设立依据",
    "项目主要内容及必要性及可行性分析",
)
YEAR_KEYS = ("y0", "y1", "y2")


def _part(tables: list[ReportTable], slug: str) -> ReportTable | None:
    return next((t for t in tables if t.slug == slug), None)


def _header_values(table: ReportTable) -> dict[str, str]:
    """Label → value of a form header (label/value pairs, a value spanning columns)."""
    values: dict[str, str] = {}
    for row in table.rows:
        cells = row.cells
        for label, value in (("l1", "v1"), ("l2", "v2")):
            if isinstance(cells.get(label), str) and row.kind != RowKind.HEADING:
                values[str(cells[label])] = str(cells.get(value) or "")
    return values


def _year_label(table: ReportTable, key: str) -> str:
    return table.header_path(key)[0]


def _project_form(tables: list[ReportTable], prefix: str, out: Collector) -> None:
    header = _part(tables, f"{prefix}-header")
    if header is None:
        return
    name = _header_values(header).get("项目名称", "")
    where = f"表（九）项目“{name}”"
    values = _header_values(header)
    missing = [field for field in PROJECT_FIELDS if not values.get(field)]
    if missing:
        out.warning(
            "hubei-project-fields", (header.number,), f"{where}未填写：{'、'.join(missing)}。"
        )
    sources, spending = _part(tables, f"{prefix}-sources"), _part(tables, f"{prefix}-spending")
    if sources is None or spending is None:
        return
    source_total, spending_total = sources.rows[0].cells, spending.rows[0].cells
    for key in YEAR_KEYS:
        out.equal(
            f"hubei-project-plan-{key}",
            (sources.number, spending.number),
            (f"{where}{_year_label(sources, key)}资金来源合计", _amount(source_total, key)),
            ("支出明细合计", _amount(spending_total, key)),
        )
    unplanned = [_year_label(sources, k) for k in YEAR_KEYS[1:] if not _amount(source_total, k)]
    if unplanned:
        out.warning(
            "hubei-project-plan-missing",
            (sources.number,),
            f"{where}未填写{'、'.join(unplanned)}（项目中期规划），表中列示为 0。",
        )
    annual = _part(tables, f"{prefix}-annual")
    if annual is not None and not annual.rows:
        out.warning("hubei-project-indicators", (annual.number,), f"{where}未填写年度绩效目标。")


def _amount(cells: dict, key: str) -> Decimal:
    value = cells.get(key)
    return value if isinstance(value, Decimal) else Decimal(0)


def _department_form(tables: list[ReportTable], out: Collector) -> None:
    header = _part(tables, "department-form-header")
    funds = _part(tables, "department-form-funds")
    if header is None or funds is None:
        return
    where = "表（十）"
    values = _header_values(header)
    if missing := [field for field in ("填报人", "联系电话") if not values.get(field)]:
        out.warning(
            "hubei-department-fields", (header.number,), f"{where}未填写：{'、'.join(missing)}。"
        )
    totals = [row.cells for row in funds.rows if row.cells.get("item") == "合计"]
    for key in ("y2", "y1"):
        year = funds.header_path(key)[-1]
        income, spent = totals[0].get(key), totals[1].get(key)
        if income is None or spent is None:
            out.warning(
                "hubei-prior-totals-missing",
                (funds.number,),
                f"{where}部门总体资金情况未填写{year}的收支金额（近两年收支金额），表中留空。",
            )
        elif income != spent:
            out.error(
                "hubei-prior-totals",
                (funds.number,),
                f"{where}{year}收入合计 {money(income)} 与支出合计 {money(spent)} 不一致。",
            )
    if not any(
        t.slug.startswith(("department-form-long-", "department-form-annual-")) for t in tables
    ):
        out.warning(
            "hubei-department-goals",
            (header.number,),
            f"{where}未填写整体绩效分目标（长期目标、年度目标及其绩效指标）。",
        )


def form_checks(tables: list[ReportTable], out: Collector) -> None:
    """The rules of （九）（十） on the built tables (no data: also on published snapshots)."""
    prefixes = [
        t.slug.removesuffix("-header")
        for t in tables
        if t.slug.startswith("project-forms-") and t.slug.endswith("-header")
    ]
    for prefix in prefixes:
        _project_form(tables, prefix, out)
    _department_form(tables, out)
