"""What the Hebei forms share: a form (a table and its header cells), a group of forms by
section of the 情况说明, the small-table constructor and the projects' money."""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from budgets.fields import ZERO, quantize
from disclosures.keyfigures import appropriation_group
from disclosures.tables.base import HeaderLine, ReportTable
from disclosures.tables.data import BudgetData


@dataclass
class Form:
    """One table of a form and the cells of the line under its title (Hebei prints e.g.
    ``450保定市徐水区医疗保障局 | 单位：万元``); none: the table's own header line."""

    table: ReportTable
    header_cells: list[str] = field(default_factory=list)


@dataclass
class FormGroup:
    """The forms of one section of the 情况说明 (``section``: 一, 七, 八 or 九)."""

    slug: str
    section: str
    forms: list[Form]


def form_table(data: BudgetData, slug: str, title: str, columns, rows, **style) -> ReportTable:
    table = ReportTable(
        number=0,
        title=title,
        department_name=data.department.name,
        columns=columns,
        rows=rows,
        slug=slug,
        header_line=style.pop("header_line", HeaderLine.NONE),
    )
    for name, value in style.items():
        setattr(table, name, value)
    return table


def department_cell(data: BudgetData) -> str:
    return f"{data.department.code}{data.department.name}"


def project_money(data: BudgetData) -> dict[int, tuple[Decimal, Decimal]]:
    """Per project: (预算数, 其中 财政资金); 财政资金 is this year's and carried-over 财政拨款."""
    sums: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO, ZERO])
    for cell in data.cells:
        if cell.project_id is None:
            continue
        sums[cell.project_id][0] += cell.amount
        if appropriation_group(cell) is not None:
            sums[cell.project_id][1] += cell.amount
    return {pk: (quantize(a), quantize(b)) for pk, (a, b) in sums.items()}
