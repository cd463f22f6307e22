"""预算06表 一般公共预算基本支出表: basic lines on 一般公共预算 by economic pair (万元)."""

from disclosures.tables.base import ReportTable
from disclosures.tables.data import BudgetData
from disclosures.tables.families.basic import BasicOptions, basic_table, henan_columns

HENAN_BASIC = BasicOptions(
    title="{year}年一般公共预算基本支出表",
    columns=henan_columns,
    empty_notes=("注：本单位无一般公共预算基本支出，故此表无数据。",),
)


def build_basic(data: BudgetData) -> ReportTable:
    table = basic_table(data, HENAN_BASIC)
    table.number, table.slug = 6, "basic"
    return table
