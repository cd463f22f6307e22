"""Export → import into an empty database → export: identical data and identical tables."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from budgets.models import Budget, BudgetUnit, Department
from budgets.workbook.export import budget_workbook_data, budget_workbook_export
from budgets.workbook.importing import budget_workbook_import
from disclosures.tables import build_all


@pytest.mark.parametrize("key", ["000", "001", "002", "003"])
def test_round_trip_of_demo_drafts(demo_drafts, key):
    """002 (Hubei) carries its 7-digit 子目, the forms' project fields, texts, planning years,
    indicator goals and prior values, numbered goals and two prior years out and back; 003
    (Hebei) its spending plans, procurement sources and prices, asset categories and unit grades."""
    budget = demo_drafts[key]
    exported = budget_workbook_export(budget=budget)
    before_data = budget_workbook_data(budget=budget)
    before_tables = build_all(budget_id=budget.pk)
    # An empty database: no budgets, departments or units left.
    Budget.objects.all().delete()
    BudgetUnit.objects.all().delete()
    Department.objects.all().delete()

    # The operator's import may create the department (a clerk's may not).
    imported = budget_workbook_import(data=exported, create_missing=True)
    assert budget_workbook_data(budget=imported) == before_data
    after_tables = build_all(budget_id=imported.pk)
    assert len(after_tables) == len(before_tables) == {"002": 46, "003": 9}.get(key, 12)
    assert after_tables == before_tables
    assert budget_workbook_export(budget=imported) is not None


def test_cells_are_typed(demo_drafts):
    book = load_workbook(io.BytesIO(budget_workbook_export(budget=demo_drafts["000"])))
    assert book.sheetnames[0] == "填写说明"
    lines = book["基本支出"]
    headers = [c.value for c in lines[1]]
    assert headers[:3] == ["单位代码", "功能分类科目（项）", "部门经济分类（款）"]
    first = lines[2]
    assert (
        first[0].value == "060001" and first[0].data_type == "s" and first[0].number_format == "@"
    )
    amount = first[headers.index("金额（万元）")]
    assert isinstance(amount.value, float) and amount.number_format == "0.00"
    # 表六 of example 000: 基本支出 17 rows totalling 175.53.
    amounts = [row[headers.index("金额（万元）")].value for row in lines.iter_rows(min_row=2)]
    assert len(amounts) == 17 and round(sum(amounts), 2) == 175.53


def test_commands_export_and_import_a_folder(demo_drafts, tmp_path):
    call_command("export_budget", "410702", "2022", "060", "-o", str(tmp_path / "a.xlsx"))
    call_command("export_budget", "411200", "2023", "707", "-o", str(tmp_path / "b.xlsx"))
    (tmp_path / "c.xlsx").write_bytes(b"not a workbook")
    Budget.objects.all().delete()
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(Exception, match="1 个文件未导入"):
        call_command("import_budget", str(tmp_path), stdout=out, stderr=err)
    # The bad file did not stop the others.
    assert Budget.objects.count() == 2
    assert "共 3 个文件：成功 2 个，失败 1 个。" in out.getvalue()
    assert "不是有效的 Excel 工作簿" in err.getvalue()


def test_asset_dates_round_trip_and_bad_dates_are_named(demo_drafts):
    """000's holdings are dated 2022-12-31 (as its example states them); the 国有资产 sheet
    carries the date out and back, and a text that is no date is a named problem."""
    from budgets.models import AssetHolding
    from budgets.workbook.importing import budget_workbook_preview

    exported = budget_workbook_export(budget=demo_drafts["000"])
    book = load_workbook(io.BytesIO(exported))
    sheet = book["国有资产"]
    headers = [c.value for c in sheet[1]]
    assert headers[-1] == "截止日期"
    Budget.objects.all().delete()
    imported = budget_workbook_import(data=exported)
    dates = set(AssetHolding.objects.filter(budget=imported).values_list("as_of", flat=True))
    assert [d.isoformat() for d in dates] == ["2022-12-31"]
    sheet.cell(row=2, column=headers.index("截止日期") + 1, value="去年年底")
    buffer = io.BytesIO()
    book.save(buffer)
    problems = [str(p) for p in budget_workbook_preview(data=buffer.getvalue()).problems]
    assert any("“去年年底”" in p and "日期" in p and "国有资产" in p for p in problems), problems


HOSTILE = ["=", "+", "-", "@"]  # what a spreadsheet would read as the start of a formula


def _make_texts_hostile(budget) -> int:
    """Prefix every free text of the budget (names, narrative, indicators, items) with a
    formula character, e.g. ``=HYPERLINK(…)``-style names. Returns how many were changed."""
    from django.db import models

    from budgets.models import (
        DepartmentIndicator,
        DepartmentTask,
        NarrativeSection,
        PerformanceGoal,
        ProcurementItem,
        Project,
        ProjectIndicator,
        TransferPayment,
    )

    querysets = [
        Department.objects.filter(pk=budget.department_id),
        BudgetUnit.objects.filter(department=budget.department_id),
        Project.objects.filter(budget=budget),
        ProjectIndicator.objects.filter(project__budget=budget),
        NarrativeSection.objects.filter(budget=budget),
        PerformanceGoal.objects.filter(budget=budget),
        DepartmentTask.objects.filter(budget=budget),
        DepartmentIndicator.objects.filter(budget=budget),
        ProcurementItem.objects.filter(budget=budget),
        TransferPayment.objects.filter(budget=budget),
    ]
    changed = 0
    for queryset in querysets:
        fields = [
            f
            for f in queryset.model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField)
            and not f.choices
            and "code" not in f.name
        ]
        for obj in queryset:
            values = {}
            for field in fields:
                if text := getattr(obj, field.name):
                    prefix = HOSTILE[changed % len(HOSTILE)]
                    hostile = f'{prefix}HYPERLINK("http://x","{text}")'
                    if field.max_length and len(hostile) > field.max_length:
                        hostile = (prefix + text)[: field.max_length]
                    values[field.name] = hostile
                    changed += 1
            if values:
                queryset.model.objects.filter(pk=obj.pk).update(**values)
    return changed


def test_round_trip_of_texts_that_look_like_formulas(demo_drafts):
    budget = demo_drafts["000"]
    assert _make_texts_hostile(budget) > 20
    exported = budget_workbook_export(budget=budget)
    before_data = budget_workbook_data(budget=budget)
    book = load_workbook(io.BytesIO(exported))
    texts = [c for sheet in book for row in sheet.iter_rows() for c in row if c.value]
    assert not [c.coordinate for c in texts if c.data_type == "f"]  # no live formula
    Budget.objects.all().delete()
    BudgetUnit.objects.all().delete()
    Department.objects.all().delete()

    # An empty database: the operator's import may create the department (as in the first test).
    imported = budget_workbook_import(data=exported, create_missing=True)

    assert budget_workbook_data(budget=imported) == before_data
