"""Small in-memory ``BudgetData`` for the builder-family tests (no database)."""

from decimal import Decimal
from types import SimpleNamespace

from budgets.funding import funding_group
from budgets.models import ClassificationLevel, FunctionalSubject
from disclosures.tables.data import BudgetData, Cell

FUNCTIONAL = {
    "201": ("一般公共服务支出", "一般公共服务"),
    "210": ("卫生健康支出", "卫生健康"),
    "21011": ("行政事业单位医疗", ""),
    "2101101": ("行政单位医疗", ""),
    "21015": ("医疗保障管理事务", ""),
    "2101501": ("行政运行", ""),
    "2101599": ("其他医疗保障管理事务支出", ""),
    "229": ("其他支出", "其他支出"),
}
LEVEL = {
    3: ClassificationLevel.CATEGORY,
    5: ClassificationLevel.SECTION,
    7: ClassificationLevel.ITEM,
}


def cell(
    amount,
    *,
    func="2101501",
    dept="30101",
    kind="basic",
    source="gp_appropriation",
    cost_type=None,
    project_id=None,
    unit_id=1,
):
    """One cube cell; names come from the small catalogues above."""
    if cost_type is None:
        cost_type = "" if kind == "project" else ("public" if dept[:3] == "302" else "personnel")
    return Cell(
        unit_id=unit_id,
        project_id=project_id,
        kind=kind,
        cost_type=cost_type,
        source=source,
        func_code=func,
        func_name=FUNCTIONAL.get(func, ("",))[0],
        dept_code=dept,
        dept_name=f"名称{dept}",
        gov_code="50101",
        gov_name="工资奖金津补贴",
        amount=Decimal(amount),
        group=funding_group(source),
    )


def budget_data(cells, *, sections=None, projects=()) -> BudgetData:
    department = SimpleNamespace(code="058", name="测试局", display_name="测试局")
    budget = SimpleNamespace(department=department, fiscal_year=SimpleNamespace(year=2022))
    functional = {
        code: FunctionalSubject(code=code, name=name, short_name=short, level=LEVEL[len(code)])
        for code, (name, short) in FUNCTIONAL.items()
    }
    return BudgetData(
        budget=budget,
        units=[SimpleNamespace(pk=1, code="058001", name="测试局机关")],
        cells=list(cells),
        functional=functional,
        projects=list(projects),
        dept_category_names={"301": "工资福利支出", "302": "商品和服务支出"},
        dept_section_names=sections or {},
    )


def rows_of(table, *keys):
    """Each row's cells ``keys``, as printed in the table's own style."""
    return [tuple(table.format_value(row.cells.get(k)) for k in keys) for row in table.rows]
