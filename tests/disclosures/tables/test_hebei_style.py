"""The Hebei format's style on in-memory data: 序号 column, 栏次 row, header line cells,
类/款/项 subtotal rows, one blank row and a note on an empty table, 基本/项目 as Hebei counts."""

from types import SimpleNamespace

from disclosures.formats import format_get
from disclosures.tables.base import HeaderLine
from disclosures.tables.serialize import table_from_dict, table_to_dict
from tests.disclosures.tables.data import budget_data, cell, rows_of


def tables():
    projects = [SimpleNamespace(pk=7, kind="运转类"), SimpleNamespace(pk=8, kind="特定目标类")]
    data = budget_data(
        [
            cell("100.00"),
            cell("4.00", dept="30201", kind="project", project_id=7),  # basic in Hebei
            cell("20.00", func="2101599", dept="30299", kind="project", project_id=8),
        ],
        projects=projects,
    )
    fmt = format_get("hebei")
    return {t.slug: t for t in fmt.build_tables(fmt.classify(data))}


def test_every_table_has_the_header_line_seq_column_and_lanci_row():
    for table in tables().values():
        assert table.header_line == HeaderLine.CELLS
        assert table.header_cells == ["058测试局", "预算年度：2022", "单位：万元"]
        assert table.leaves()[0].label == "序号"
        assert table.column_number_cells() == ["栏次", *map(str, range(1, len(table.leaves())))]


def test_expenditure_subtotal_rows_numbered_with_hebei_split():
    table = tables()["expenditure"]
    assert rows_of(table, "seq", "code", "name", "total", "basic", "project") == [
        ("1", "", "合计", "124.00", "104.00", "20.00"),
        ("2", "210", "卫生健康支出", "124.00", "104.00", "20.00"),
        ("3", "21015", "医疗保障管理事务", "124.00", "104.00", "20.00"),
        ("4", "2101501", "行政运行", "104.00", "104.00", ""),
        ("5", "2101599", "其他医疗保障管理事务支出", "20.00", "", "20.00"),
    ]


def test_an_empty_table_prints_one_blank_row_without_seq_and_its_note():
    table = tables()["state-capital"]
    assert len(table.rows) == 1 and "seq" not in table.rows[0].cells
    assert table.notes == ["注：无国有资本经营预算财政拨款预算，空表列示。"]


def test_style_survives_the_snapshot():
    table = tables()["basic"]
    again = table_from_dict(table_to_dict(table))
    assert (again.row_numbers, again.header_cells) == (True, table.header_cells)
    assert again.header_line == HeaderLine.CELLS and again.subtitle == table.subtitle
    assert rows_of(again, "seq", "dept_code", "total", "public")[:3] == [
        ("1", "", "104.00", "4.00"),
        ("2", "301", "100.00", ""),
        ("3", "30101", "100.00", ""),
    ]
