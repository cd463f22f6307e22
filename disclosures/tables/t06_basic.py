"""预算06表 一般公共预算基本支出表: basic lines on 一般公共预算 by economic pair (万元)."""

from collections import defaultdict

from budgets.funding import FundingGroup
from disclosures.tables.base import ReportTable, Row, RowKind, amount, code, group, text
from disclosures.tables.data import BudgetData, Cell, total


def _sums(cells: list[Cell]) -> dict:
    return {
        "total": total(cells),
        "personnel": total(cells, lambda c: c.cost_type == "personnel"),
        "public": total(cells, lambda c: c.cost_type == "public"),
    }


def build_basic(data: BudgetData) -> ReportTable:
    cells = [c for c in data.cells if c.kind == "basic" and c.group == FundingGroup.GENERAL_PUBLIC]
    by_category: dict[str, dict[tuple, list[Cell]]] = defaultdict(lambda: defaultdict(list))
    for cell in cells:
        key = (cell.dept_code, cell.dept_name, cell.gov_code, cell.gov_name)
        by_category[cell.dept_category][key].append(cell)
    names = data.dept_category_names
    rows = [Row(RowKind.TOTAL, {"dept_name": "合计", **_sums(cells)})]
    for category in sorted(by_category):
        pairs = by_category[category]
        category_cells = [c for pair_cells in pairs.values() for c in pair_cells]
        rows.append(
            Row(
                RowKind.CATEGORY,
                {
                    "dept_code": category,
                    "dept_name": names.get(category, ""),
                    **_sums(category_cells),
                },
            )
        )
        for dept_code, dept_name, gov_code, gov_name in sorted(pairs):
            rows.append(
                Row(
                    RowKind.ITEM,
                    {
                        "dept_code": dept_code,
                        "dept_name": dept_name,
                        "gov_code": gov_code,
                        "gov_name": gov_name,
                        **_sums(pairs[(dept_code, dept_name, gov_code, gov_name)]),
                    },
                )
            )
    return ReportTable(
        number=6,
        slug="basic",
        title=f"{data.year}年一般公共预算基本支出表",
        department_name=data.department.display_name,
        columns=[
            group(
                "部门预算支出经济分类科目",
                code("dept_code", "科目编码"),
                text("dept_name", "科目名称"),
            ),
            group(
                "政府预算支出经济分类科目",
                code("gov_code", "科目编码"),
                text("gov_name", "科目名称"),
            ),
            group(
                "本年一般公共预算基本支出",
                amount("total", "合计"),
                amount("personnel", "人员经费"),
                amount("public", "公用经费"),
            ),
        ],
        rows=rows,
        notes=[] if cells else ["注：本单位无一般公共预算基本支出，故此表无数据。"],
    )
