"""Workbook import and export cost a fixed number of queries, whatever the budget's size."""

import io
import re
from collections import Counter

from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from budgets.models import Budget, ExpenditureLine, ProjectIndicator
from budgets.workbook.export import budget_workbook_export
from budgets.workbook.importing import budget_workbook_import

# Sheets whose rows may repeat: ten copies of each row make a budget ten times the size.
REPEATABLE = (
    "基本支出",
    "项目支出明细",
    "项目绩效指标",
    "年度主要任务",
    "整体绩效指标",
    "政府采购",
)
INSERT = re.compile(r'^INSERT INTO "?(\w+)"?', re.IGNORECASE)
LITERALS = re.compile(r"'(?:[^']|'')*'|\"s\w+_x\w+\"|\b\d+(?:\.\d+)?\b|%s")
LISTS = re.compile(r"\((?:\?, )+\?\)")


def tenfold(data: bytes) -> bytes:
    book = load_workbook(io.BytesIO(data))
    for title in REPEATABLE:
        sheet = book[title]
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
        for _ in range(9):
            for row in rows:
                sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def statements(queries) -> list[str]:
    """The statements the code issued: SQLite splits one bulk INSERT into batches of at most
    999 parameters, so consecutive INSERTs into the same table count as one statement."""
    result = []
    for query in queries:
        sql = query["sql"]
        table = INSERT.match(sql)
        key = f"INSERT {table.group(1)}" if table else LISTS.sub("(…)", LITERALS.sub("?", sql))
        if not (table and result and result[-1] == key):
            result.append(key)
    return result


def imported(data: bytes):
    Budget.objects.all().delete()
    with CaptureQueriesContext(connection) as queries:
        budget = budget_workbook_import(data=data)
    return budget, statements(queries.captured_queries)


def test_import_and_export_queries_do_not_grow_with_the_budget(demo_drafts):
    small_data = budget_workbook_export(budget=demo_drafts["000"])
    big_data = tenfold(small_data)
    small, small_statements = imported(small_data)
    small_lines = ExpenditureLine.objects.filter(budget=small).count()
    with CaptureQueriesContext(connection) as small_export:
        budget_workbook_export(budget=small)
    big, big_statements = imported(big_data)
    assert ExpenditureLine.objects.filter(budget=big).count() == 10 * small_lines
    assert ProjectIndicator.objects.filter(project__budget=big).count() > 10
    assert Counter(big_statements) == Counter(small_statements)
    # A fixed number per sheet model (the forms' sheets — 项目说明, 项目中期规划, 整体绩效分目标,
    # 近两年收支金额 — each add their clearing and lookups): constant in the budget's size.
    assert len(big_statements) < 60
    # Bulk inserts keep the 修改记录: one history row per line.
    assert ExpenditureLine.history.filter(budget_id=big.pk).count() == 10 * small_lines
    with CaptureQueriesContext(connection) as big_export:
        budget_workbook_export(budget=big)
    # One per sheet model, the Hubei forms' sheets included: constant in the budget's size.
    assert len(big_export.captured_queries) == len(small_export.captured_queries) <= 24
