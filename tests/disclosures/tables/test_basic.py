"""The 基本支出 by economic class family: Henan's 部门/政府 pairs; Hubei's 类/款/子目 rows."""

from disclosures.formats.hubei.tables import BASIC
from disclosures.tables.families.basic import basic_table
from disclosures.tables.t06_basic import HENAN_BASIC
from tests.support.budget_data import budget_data, cell, rows_of


def data():
    return budget_data(
        [
            cell("10.00", dept="30101"),
            cell("1.25", dept="3010201"),
            cell("2.75", dept="3010202"),
            cell("3.00", dept="30201"),
            cell("9.00", dept="30201", kind="project", project_id=1),  # not basic
            cell("8.00", dept="30101", source="gf_funds"),  # not 一般公共预算
        ],
        sections={"30101": "基本工资", "30102": "津贴补贴", "30201": "办公费"},
    )


def test_henan_one_row_per_pair_under_each_category():
    table = basic_table(data(), HENAN_BASIC)
    rows = rows_of(table, "dept_code", "dept_name", "gov_code", "total", "personnel", "public")
    assert rows[0] == ("", "合计", "", "17.00", "14.00", "3.00")
    assert rows[1] == ("301", "工资福利支出", "", "14.00", "14.00", "")
    assert [r[0] for r in rows[2:]] == ["30101", "3010201", "3010202", "302", "30201"]


def test_hubei_subitems_sit_under_their_section_with_its_name():
    table = basic_table(data(), BASIC)
    table.blank_zero = False
    rows = rows_of(table, "dept_code", "dept_name", "total", "personnel", "public")
    assert rows == [
        ("", "合计", "17.00", "14.00", "3.00"),
        ("301", "工资福利支出", "14.00", "14.00", "0.00"),
        ("30101", "名称30101", "10.00", "10.00", "0.00"),
        ("30102", "津贴补贴", "4.00", "4.00", "0.00"),  # no line of its own: the 款 name
        ("3010201", "名称3010201", "1.25", "1.25", "0.00"),
        ("3010202", "名称3010202", "2.75", "2.75", "0.00"),
        ("302", "商品和服务支出", "3.00", "0.00", "3.00"),
        ("30201", "名称30201", "3.00", "0.00", "3.00"),
    ]
    assert "gov_code" not in {leaf.key for leaf in table.leaves()}
