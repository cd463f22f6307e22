"""The 收支总表 family: Henan's catalogue list by code, Hubei's fixed list in sequence."""

from disclosures.formats.hubei.tables import APPROPRIATION_SUMMARY, HUBEI_CATEGORIES, SUMMARY
from disclosures.tables.families.summary import sequence_number, summary_table
from disclosures.tables.t01_summary import HENAN_SUMMARY
from tests.support.budget_data import budget_data, cell, rows_of


def data():
    return budget_data(
        [
            cell("100.00"),
            cell("20.00", func="2101599", kind="project", project_id=1),
            cell("5.00", source="carry_gp"),
            cell("3.00", source="unit_other"),
        ]
    )


def test_sequence_numbers_use_nian_from_21():
    assert [sequence_number(n) for n in (1, 10, 11, 20, 21, 24)] == [
        "一",
        "十",
        "十一",
        "二十",
        "廿一",
        "廿四",
    ]


def test_henan_numbers_every_catalogue_category_by_code_with_short_names():
    table = summary_table(data(), HENAN_SUMMARY)
    labels = [row.cells["out_label"] for row in table.rows if row.cells.get("out_code")]
    assert labels == ["一、一般公共服务", "十、卫生健康", "二十九、其他支出"]
    closing = rows_of(table, "in_label", "in_amount", "out_label", "out_amount")[-3:]
    assert closing == [
        ("本年收入合计", "123.00", "本年支出合计", "128.00"),
        ("上年结转结余", "5.00", "年终结转结余", ""),  # Henan: zero printed empty
        ("收入总计", "128.00", "支出总计", "128.00"),
    ]


def test_hubei_prints_its_fixed_24_categories_in_sequence_with_full_names():
    table = summary_table(data(), SUMMARY)
    table.blank_zero, table.thousands = False, False
    labels = [row.cells["out_label"] for row in table.rows if row.cells.get("out_code")]
    assert len(labels) == len(HUBEI_CATEGORIES) == 24
    assert labels[0] == "一、一般公共服务支出" and labels[6] == "七、卫生健康支出"
    assert labels[20] == "廿一、其他支出"
    income = rows_of(table, "in_label", "in_amount")[:5]
    assert income == [
        ("一、财政拨款", "120.00"),
        ("其中：一般公共预算拨款", "120.00"),
        ("政府性基金预算拨款", "0.00"),
        ("二、纳入专户管理教育收费收入", "0.00"),
        ("三、其他资金", "3.00"),
    ]
    closing = rows_of(table, "in_label", "in_amount", "out_label", "out_amount")[-4:]
    assert closing == [
        ("", "", "", ""),  # the separator row
        ("本年收入合计", "123.00", "本年支出合计", "128.00"),
        ("四、上年结余结转", "5.00", "结转下年", ""),  # 结转下年 left empty, not 0.00
        ("收入合计", "128.00", "支出合计", "128.00"),
    ]


def test_hubei_appropriation_summary_leaves_out_unit_money():
    table = summary_table(data(), APPROPRIATION_SUMMARY)
    rows = rows_of(table, "in_label", "in_amount", "out_label", "out_amount")
    assert rows[-3] == ("本年收入合计", "120.00", "本年支出合计", "125.00")
    assert rows[-2][:2] == ("二、上年结余结转", "5.00")


def test_hebei_numbers_in_sequence_without_nian_and_adds_the_renhang_row():
    from disclosures.formats.hebei.tables import SUMMARY as HEBEI_SUMMARY
    from disclosures.tables.families.summary import Numbering, SummaryOptions

    table = summary_table(data(), HEBEI_SUMMARY)
    labels = [row.cells["out_label"] for row in table.rows][:4]
    # the small catalogue of the test data: 201, 210, 229, then 人行科目 (no code, empty)
    assert labels == ["一、一般公共服务支出", "二、卫生健康支出", "三、其他支出", "四、人行科目"]
    assert table.rows[3].cells["out_code"] == "" and table.rows[3].cells["out_amount"] == 0
    income = rows_of(table, "in_label", "in_amount")[:5]
    assert income == [
        ("一、一般公共预算拨款收入", "120.00"),
        ("二、政府性基金预算拨款收入", ""),
        ("三、国有资本经营预算拨款收入", ""),
        ("四、财政专户管理资金收入", ""),
        ("五、单位资金", "3.00"),
    ]
    plain = SummaryOptions(title="", income_rows=(), numbering=Numbering.SEQUENTIAL_PLAIN)
    many = summary_table(data(), plain)
    assert [r.cells["out_label"][:2] for r in many.rows[:3]] == ["一、", "二、", "三、"]


def test_hebei_appropriation_has_four_expenditure_columns_and_carried_rows_by_budget():
    from disclosures.formats.hebei.tables import APPROPRIATION

    table = summary_table(data(), APPROPRIATION)
    keys = ("in_label", "in_amount", "out_label", "out_amount", "out_gp", "out_gf", "out_sc")
    rows = rows_of(table, *keys)
    assert [leaf.key for leaf in table.leaves()] == list(keys)
    # 100.00 + 20.00 this year's 一般公共预算, 5.00 carried over (carry_gp); 3.00 单位资金 left out
    assert rows[1] == ("二、政府性基金预算拨款", "", "二、卫生健康支出", "125.00", "125.00", "", "")
    assert rows[-6:] == [
        ("本年收入合计", "120.00", "本年支出合计", "125.00", "125.00", "", ""),
        ("年初财政拨款结转和结余", "5.00", "年末财政拨款结转和结余", "", "", "", ""),
        ("一、一般公共预算拨款", "5.00", "", "", "", "", ""),
        ("二、政府性基金预算拨款", "", "", "", "", "", ""),
        ("三、国有资本经营预算拨款", "", "", "", "", "", ""),
        ("收入总计", "125.00", "支出总计", "125.00", "125.00", "", ""),
    ]
