"""更正说明: exactly the changed figures, version by version; frozen content and PDF bytes."""

import json
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.template.loader import render_to_string

from budgets.models import ExpenditureLine, NarrativeSection
from disclosures.corrections import publication_corrections, table_changes
from disclosures.services.publishing import publication_create
from disclosures.tables.base import ReportTable, Row, RowKind, amount, code, group, text


def _table(rows):
    return ReportTable(
        number=3,
        title="支出总表",
        department_name="测试局",
        columns=[
            code("cat", "类"),
            text("name", "科目名称"),
            amount("total", "合计"),
            group("基本支出", amount("staff", "人员经费"), amount("office", "公用经费")),
        ],
        rows=[Row(RowKind.ITEM, cells) for cells in rows],
    )


def test_table_changes_lists_exactly_the_changed_cells():
    old = _table(
        [
            {"cat": "201", "name": "一般公共服务", "total": Decimal("10.00"), "staff": Decimal("4.00"), "office": Decimal("6.00")},
            {"cat": "210", "name": "卫生健康", "total": Decimal("5.00"), "staff": Decimal("5.00"), "office": None},
            {"cat": "221", "name": "住房保障", "total": Decimal("1.00"), "staff": Decimal("1.00")},
        ]
    )  # fmt: skip
    new = _table(
        [
            {"cat": "201", "name": "一般公共服务", "total": Decimal("10.00"), "staff": Decimal("4.00"), "office": Decimal("6.00")},
            {"cat": "210", "name": "卫生健康", "total": Decimal("7.50"), "staff": Decimal("5.00"), "office": Decimal("2.50")},
        ]
    )  # fmt: skip
    changes = [(c.row_label, c.column_path, c.old, c.new) for c in table_changes(old, new)]
    assert changes == [
        ("210 卫生健康", ("合计",), Decimal("5.00"), Decimal("7.50")),
        ("210 卫生健康", ("基本支出", "公用经费"), None, Decimal("2.50")),
        ("221 住房保障", ("合计",), Decimal("1.00"), None),
        ("221 住房保障", ("基本支出", "人员经费"), Decimal("1.00"), None),
    ]


@pytest.fixture
def published_twice(demo_drafts):
    budget = demo_drafts["000"]
    budget.publications.all().delete()
    first = publication_create(budget=budget)
    line = ExpenditureLine.objects.filter(budget=budget, kind="project").order_by("pk").first()
    line.amount += Decimal("100.00")
    line.save()
    second = publication_create(budget=budget, reason="项目金额录入错误")
    return first, second


def test_correction_shows_the_changed_figures_only(published_twice):
    first, second = published_twice
    assert publication_corrections(publication=first) == []
    [correction] = publication_corrections(publication=second)
    assert (correction.version, correction.reason) == (2, "项目金额录入错误")
    assert correction.changes and all(c.old != c.new for c in correction.changes)
    found = {(c.table_number, c.row_label, c.column_path, c.old, c.new) for c in correction.changes}
    assert (
        1,
        "收入总计 支出总计",
        ("收入", "金额"),
        Decimal("2297.34"),
        Decimal("2397.34"),
    ) in found
    assert (3, "2013699 其他共产党事务支出", ("合计",), Decimal("0.30"), Decimal("100.30")) in found
    # Tables the line does not touch (三公, basic expenditure) report nothing.
    assert not {c.table_number for c in correction.changes} & {6, 8}


def test_corrections_partial_renders_escaped(published_twice):
    first, second = published_twice
    second.reason = "<script>alert(1)</script>"
    corrections = publication_corrections(publication=second)
    corrections[0].reason = second.reason
    html = render_to_string("disclosures/partials/corrections.html", {"corrections": corrections})
    assert "更正说明" in html and "第2版" in html and "2,397.34" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_editing_after_publishing_changes_nothing_public(demo_drafts, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    budget = demo_drafts["001"]
    publication = publication_create(budget=budget)
    publication.pdf.save("frozen.pdf", ContentFile(b"%PDF-1.4 frozen bytes"), save=True)
    before = json.dumps(publication.content, sort_keys=True, ensure_ascii=False)
    pdf_before = (tmp_path / publication.pdf.name).read_bytes()

    line = ExpenditureLine.objects.filter(budget=budget).order_by("pk").first()
    line.amount += Decimal("1.00")
    line.save()
    NarrativeSection.objects.filter(budget=budget).update(text="改过的文字")

    publication.refresh_from_db()
    assert json.dumps(publication.content, sort_keys=True, ensure_ascii=False) == before
    assert (tmp_path / publication.pdf.name).read_bytes() == pdf_before
