"""The “三公” family: Henan's one row, Hubei's vertical list in its own order."""

from decimal import Decimal

from disclosures.formats.hubei.tables import THREE_PUBLIC
from disclosures.tables.families.three_public import three_public_table
from disclosures.tables.t08_three_public import HENAN_THREE_PUBLIC
from tests.support.budget_data import budget_data, cell, rows_of


def data():
    return budget_data([cell("6.50", dept="30217"), cell("3.10", dept="30231")])


def test_henan_one_row_with_the_standard_note():
    table = three_public_table(data(), HENAN_THREE_PUBLIC)
    keys = ("total", "outbound", "vehicle", "vehicle_purchase", "vehicle_operation", "reception")
    assert rows_of(table, *keys) == [("9.60", "", "3.10", "", "3.10", "6.50")]
    assert table.notes and table.notes[0].startswith("注：按照党中央")


def test_hubei_vertical_list_outbound_reception_vehicle():
    table = three_public_table(data(), THREE_PUBLIC)
    table.blank_zero = False
    assert rows_of(table, "label", "amount") == [
        ("合计", "9.60"),
        ("1、因公出国（境）费", "0.00"),
        ("2、公务接待费", "6.50"),
        ("3、公务用车购置及运行费", "3.10"),
        ("其中：公务用车运行维护费", "3.10"),
        ("公务用车购置费", "0.00"),
    ]
    assert table.notes == []


def test_a_province_subitem_counts_under_its_section():
    figures = three_public_table(
        budget_data([cell("1.20", dept="3021701"), cell("0.30", dept="30217")]),
        THREE_PUBLIC,
    )
    assert figures.rows[0].cells["amount"] == figures.rows[2].cells["amount"] == Decimal("1.50")


def test_hebei_by_source_nine_rows_and_a_column_per_budget():
    from disclosures.formats.hebei.tables import THREE_PUBLIC as HEBEI

    table = three_public_table(
        budget_data([*data().cells, cell("1.00", dept="30231", source="gf_funds")]), HEBEI
    )
    assert [leaf.key for leaf in table.leaves()] == ["label", "total", "gp", "gf", "sc"]
    assert rows_of(table, "label", "total", "gp", "gf", "sc") == [
        ("合计", "10.60", "9.60", "1.00", ""),
        ("“三公”经费小计", "10.60", "9.60", "1.00", ""),
        ("一、因公出国（境）费", "", "", "", ""),
        ("其中：教学科研人员因公出国（境）费", "", "", "", ""),
        ("其他因公出国（境）费", "", "", "", ""),
        ("二、公务用车购置及运维费", "4.10", "3.10", "1.00", ""),
        ("其中：公务用车购置费", "", "", "", ""),
        ("公务用车运行维护费", "4.10", "3.10", "1.00", ""),
        ("三、公务接待费", "6.50", "6.50", "", ""),
    ]
