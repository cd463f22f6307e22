"""The 基本支出 by economic class family (一般公共预算基本支出表).

- with 政府 columns (Henan 预算06表): 合计, per 部门经济分类 类 a subtotal, then one row
  per (部门 款, 政府 款) pair;
- without them (Hubei （六）): 合计, then 类 → 款 → 7-digit 子目 subtotal rows of the
  部门经济分类 only (a province's 子目 such as 3010201 艰边津贴 sit under their 款).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from budgets.funding import FundingGroup
from budgets.models import CostType, LineKind
from disclosures.tables.base import Column, ReportTable, Row, RowKind, amount, code, group, text
from disclosures.tables.data import BudgetData, Cell, total


def sums(cells: list[Cell]) -> dict:
    return {
        "total": total(cells),
        "personnel": total(cells, lambda c: c.cost_type == CostType.PERSONNEL),
        "public": total(cells, lambda c: c.cost_type == CostType.PUBLIC),
    }


def _basic_general_public(cell: Cell) -> bool:
    return cell.kind == LineKind.BASIC and cell.group == FundingGroup.GENERAL_PUBLIC


@dataclass(frozen=True)
class BasicOptions:
    title: str  # with ``{year}``
    columns: Callable[[], list[Column]]
    gov_columns: bool = True  # one row per 部门/政府 pair (Henan) or 部门 subtotals (Hubei)
    empty_notes: tuple[str, ...] = ()
    cells: Callable[[Cell], bool] = field(default=_basic_general_public)


def henan_columns() -> list[Column]:
    return [
        group(
            "部门预算支出经济分类科目", code("dept_code", "科目编码"), text("dept_name", "科目名称")
        ),
        group(
            "政府预算支出经济分类科目", code("gov_code", "科目编码"), text("gov_name", "科目名称")
        ),
        group(
            "本年一般公共预算基本支出",
            amount("total", "合计"),
            amount("personnel", "人员经费"),
            amount("public", "公用经费"),
        ),
    ]


def hubei_columns() -> list[Column]:
    """科目编码 [科目编码 | 科目名称] | 预算数 | 其中 [人员经费 | 公用经费] (the group label
    repeats 科目编码, as 002 prints it)."""
    return [
        group("科目编码", code("dept_code", "科目编码"), text("dept_name", "科目名称")),
        amount("total", "预算数"),
        group("其中", amount("personnel", "人员经费"), amount("public", "公用经费")),
    ]


def _pair_rows(data: BudgetData, cells: list[Cell]) -> list[Row]:
    by_category: dict[str, dict[tuple, list[Cell]]] = defaultdict(lambda: defaultdict(list))
    for cell in cells:
        key = (cell.dept_code, cell.dept_name, cell.gov_code, cell.gov_name)
        by_category[cell.dept_category][key].append(cell)
    names = data.dept_category_names
    rows = []
    for category in sorted(by_category):
        pairs = by_category[category]
        category_cells = [c for pair_cells in pairs.values() for c in pair_cells]
        rows.append(
            Row(
                RowKind.CATEGORY,
                {
                    "dept_code": category,
                    "dept_name": names.get(category, ""),
                    **sums(category_cells),
                },
            )
        )
        for dept_code, dept_name, gov_code, gov_name in sorted(pairs):
            cells_of_pair = pairs[(dept_code, dept_name, gov_code, gov_name)]
            pair = {"dept_code": dept_code, "dept_name": dept_name}
            rows.append(
                Row(
                    RowKind.ITEM,
                    {**pair, "gov_code": gov_code, "gov_name": gov_name, **sums(cells_of_pair)},
                )
            )
    return rows


# 类 (3 digits) → 款 (5) → 子目 (7)
KINDS_BY_LENGTH = {3: RowKind.CATEGORY, 5: RowKind.SECTION, 7: RowKind.ITEM}


def _subtotal_rows(data: BudgetData, cells: list[Cell]) -> list[Row]:
    by_code: dict[str, list[Cell]] = defaultdict(list)
    names = {**data.dept_category_names, **data.dept_section_names}
    for cell in cells:
        names[cell.dept_code] = cell.dept_name
        for length in KINDS_BY_LENGTH:
            if len(cell.dept_code) >= length:
                by_code[cell.dept_code[:length]].append(cell)
    # Code order (the seed's own order is not ascending: spec §1.A （六）).
    return [
        Row(
            KINDS_BY_LENGTH[len(subject_code)],
            {
                "dept_code": subject_code,
                "dept_name": names.get(subject_code, ""),
                **sums(by_code[subject_code]),
            },
        )
        for subject_code in sorted(by_code)
    ]


def basic_table(data: BudgetData, options: BasicOptions) -> ReportTable:
    cells = [c for c in data.cells if options.cells(c)]
    rows = [Row(RowKind.TOTAL, {"dept_name": "合计", **sums(cells)})]
    rows += _pair_rows(data, cells) if options.gov_columns else _subtotal_rows(data, cells)
    return ReportTable(
        number=0,
        title=options.title.format(year=data.year),
        department_name=data.department.display_name,
        columns=options.columns(),
        rows=rows,
        notes=[] if cells else list(options.empty_notes),
    )
