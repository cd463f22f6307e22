"""The 功能分类 family: Henan's split 项 rows with a department row; Hubei's subtotals."""

from disclosures.formats.hubei.tables import EXPENDITURE, GOV_FUND
from disclosures.tables.families.functional import functional_table
from disclosures.tables.t03_expenditure import HENAN_EXPENDITURE
from disclosures.tables.t09_gov_fund import HENAN_GOV_FUND
from tests.support.budget_data import budget_data, cell, rows_of


def data():
    return budget_data(
        [
            cell("10.00", func="2101501"),
            cell("2.50", func="2101501", dept="30201"),
            cell("4.00", func="2101101"),
            cell("40.00", func="2101599", kind="project", project_id=1),
        ]
    )


def test_henan_rows_are_items_with_split_codes_after_total_and_department():
    table = functional_table(data(), HENAN_EXPENDITURE)
    rows = rows_of(table, "cat", "sec", "item", "unit_code", "name", "total", "basic", "project")
    assert rows == [
        ("", "", "", "", "合计", "56.50", "16.50", "40.00"),
        ("", "", "", "058", "测试局", "56.50", "16.50", "40.00"),
        ("210", "11", "01", "", "行政单位医疗", "4.00", "4.00", ""),
        ("210", "15", "01", "", "行政运行", "12.50", "12.50", ""),
        ("210", "15", "99", "", "其他医疗保障管理事务支出", "40.00", "", "40.00"),
    ]


def test_hubei_rows_are_category_section_item_subtotals_with_whole_codes():
    table = functional_table(data(), EXPENDITURE)
    table.blank_zero = False
    rows = rows_of(table, "code", "name", "total", "basic", "project", "business")
    assert rows == [
        ("", "合计", "56.50", "16.50", "40.00", "0.00"),
        ("210", "卫生健康支出", "56.50", "16.50", "40.00", "0.00"),
        ("21011", "行政事业单位医疗", "4.00", "4.00", "0.00", "0.00"),
        ("2101101", "行政单位医疗", "4.00", "4.00", "0.00", "0.00"),
        ("21015", "医疗保障管理事务", "52.50", "12.50", "40.00", "0.00"),
        ("2101501", "行政运行", "12.50", "12.50", "0.00", "0.00"),
        ("2101599", "其他医疗保障管理事务支出", "40.00", "0.00", "40.00", "0.00"),
    ]
    assert [row.kind for row in table.rows][:3] == ["total", "category", "section"]


def test_empty_tables_henan_note_hubei_two_blank_rows():
    henan = functional_table(data(), HENAN_GOV_FUND)
    assert henan.notes == ["注：本单位无政府性基金预算支出，故此表无数据。"]
    assert [row.kind for row in henan.rows] == ["total", "department"]
    hubei = functional_table(data(), GOV_FUND)
    assert hubei.notes == [] and [row.cells for row in hubei.rows] == [{}, {}]
