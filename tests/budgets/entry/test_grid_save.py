"""The grid's save: all or nothing, every refusal in Chinese with its row and cell, never a 500.

Expected figures are hand arithmetic; messages are the product's texts as the README and
``budgets/validation.py`` give them (checked by their key words, not pasted whole).
"""

import json
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from budgets.entry.selectors import grid_version
from budgets.models import BudgetStatus, CostType, ExpenditureLine
from budgets.services.roles import REVIEWER_GROUP
from tests.factories import (
    BudgetFactory,
    DepartmentFactory,
    LineFactory,
    UnitFactory,
    clerk_of,
    staff_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def budget():
    department = DepartmentFactory(code="060", name="测试医疗保障局")
    UnitFactory(department=department, code="060001", name="测试医疗保障局本级")
    return BudgetFactory(department=department)


@pytest.fixture
def client(client, budget):
    client.force_login(clerk_of(budget.department))
    return client


def url(budget):
    return reverse("admin:budget_entry_basic", args=[budget.pk])


def row(**cells):
    base = {
        "id": None,
        "unit": "060001",
        "functional": "2101501",
        "dept": "30101",
        "gov": "50101",
        "source": "1",
        "cost": "",
        "amount": "10.00",
    }
    return base | cells


def post(client, budget, rows, version=None, raw=None):
    body = (
        raw
        if raw is not None
        else json.dumps({"version": version or grid_version(budget=budget), "rows": rows})
    )
    return client.post(url(budget), body, content_type="application/json")


def test_save_creates_the_lines_with_their_subjects_and_cost_types(client, budget):
    rows = [
        row(amount="1,234.50"),
        row(dept="30201 办公费", gov="50201", amount="１２３．４"),  # full-width, code with name
        row(dept="30201", gov="", amount="5", cost="人员"),  # gov empty: required
        row(unit="", functional="", dept="", gov="", source="", amount=""),  # empty row: skipped
    ]
    response = post(client, budget, rows)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors == [{"row": 2, "field": "gov", "message": "请填写政府经济分类。"}]
    assert not ExpenditureLine.objects.exists()  # nothing written

    rows[2]["gov"] = "50201"
    response = post(client, budget, rows)
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["ok"] and "新增 3 行" in data["message"]
    lines = list(ExpenditureLine.objects.order_by("position"))
    assert [line.amount for line in lines] == [
        Decimal("1234.50"),
        Decimal("123.40"),
        Decimal("5.00"),
    ]
    # 30101 is 人员经费 by its 类 (301); 30201 公用经费 unless overridden (row 3: 人员).
    assert [line.cost_type for line in lines] == [
        CostType.PERSONNEL,
        CostType.PUBLIC,
        CostType.PERSONNEL,
    ]
    assert lines[1].dept_economic.code == "30201" and lines[1].functional_subject.code == "2101501"
    assert data["ids"] == [lines[0].pk, lines[1].pk, lines[2].pk, None]
    assert data["version"] == grid_version(budget=budget)
    assert all(line.history.count() == 1 for line in lines)  # 修改记录 of the creation


def test_save_updates_changed_lines_only_and_deletes_the_missing(client, budget):
    unit = budget.department.units.get()
    kept, changed, removed = (LineFactory(budget=budget, unit=unit, position=i) for i in range(3))
    rows = [row(id=kept.pk), row(id=changed.pk, amount="99.99")]
    response = post(client, budget, rows)
    assert response.status_code == 200, response.json()
    assert "新增 0 行，修改 1 行，删除 1 行" in response.json()["message"]
    kept.refresh_from_db()
    changed.refresh_from_db()
    assert (kept.lock_version, changed.lock_version) == (0, 1)
    assert changed.amount == Decimal("99.99")
    assert not ExpenditureLine.objects.filter(pk=removed.pk).exists()
    assert changed.history.count() == 2


def test_unknown_code_and_bad_amounts_point_at_their_rows(client, budget):
    rows = [
        row(),
        row(functional="2109998"),
        row(functional="21015"),  # a 款 where a 项 is due
        row(amount="12.345"),
        row(amount="-3"),
        row(amount="十元"),
        row(dept="30101", gov="50201"),  # no such pair
        row(source="不存在的来源"),
    ]
    response = post(client, budget, rows)
    assert response.status_code == 400
    body = response.json()
    assert "没有保存任何内容" in body["message"]
    found = {(e["row"], e["field"]): e["message"] for e in body["errors"]}
    assert set(found) == {
        (1, "functional"),
        (2, "functional"),
        (3, "amount"),
        (4, "amount"),
        (5, "amount"),
        (6, "gov"),
        (7, "source"),
    }
    assert "功能分类科目 2109998 在 2022 年度的科目目录中不存在" in found[1, "functional"]
    assert "不是 2022 年度有效的“项”级科目" in found[2, "functional"]
    assert found[3, "amount"] == "金额最多保留两位小数（单位：万元）。"
    assert found[4, "amount"] == "金额不能为负数。"
    assert "请输入数字金额" in found[5, "amount"]
    assert "不存在对应关系" in found[6, "gov"]
    assert "无法识别" in found[7, "source"]
    assert not ExpenditureLine.objects.exists()


def test_unit_of_another_department_is_refused_by_name(client, budget):
    other = UnitFactory(department=DepartmentFactory(code="070"), code="070001", name="别的单位")
    response = post(client, budget, [row(), row(unit=other.code)])
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert (error["row"], error["field"]) == (1, "unit")
    assert (
        "预算单位必须属于本部门（测试医疗保障局）" in error["message"]
        and "别的单位" in error["message"]
    )
    assert not ExpenditureLine.objects.exists()


def test_stale_version_is_refused_and_nothing_is_written(client, budget):
    unit = budget.department.units.get()
    line = LineFactory(budget=budget, unit=unit)
    version = grid_version(budget=budget)
    line.amount = Decimal("20.00")
    line.save()  # somebody else saved meanwhile (the admin, or another grid)
    response = post(client, budget, [row(id=line.pk, amount="30.00"), row()], version=version)
    assert response.status_code == 409
    body = response.json()
    assert body["conflict"] and "已被其他人修改并保存" in body["message"]
    assert "您填写的内容仍在表格中" in body["message"]
    line.refresh_from_db()
    assert line.amount == Decimal("20.00") and ExpenditureLine.objects.count() == 1


def test_another_grids_line_id_is_never_moved_here(client, budget):
    foreign = LineFactory()  # a line of another budget
    response = post(client, budget, [row(id=foreign.pk)])
    assert response.status_code == 409
    assert ExpenditureLine.objects.get(pk=foreign.pk).budget_id != budget.pk


@pytest.mark.parametrize(
    "raw",
    [
        "这不是 JSON",
        "[]",
        json.dumps({"version": "x", "rows": "不是列表"}),
        json.dumps({"rows": []}),
        json.dumps({"version": "x", "rows": [{"id": "abc"}]}),
        json.dumps({"version": "x", "rows": [{"id": -1}]}),
        json.dumps({"version": "x", "rows": [{"amount": {"嵌套": 1}}]}),
        json.dumps({"version": "x", "rows": [1, 2]}),
    ],
)
def test_malformed_json_gets_a_chinese_400(client, budget, raw):
    response = post(client, budget, [], raw=raw)
    assert response.status_code == 400
    assert "无法读取提交的数据" in response.json()["message"]


def test_bytes_that_are_not_utf8_get_a_chinese_400(client, budget):
    response = client.post(url(budget), b"\xff\xfe\x00", content_type="application/json")
    assert response.status_code == 400 and "无法读取" in response.json()["message"]


def test_a_body_over_the_upload_limit_gets_a_chinese_400(client, budget, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = post(client, budget, [row() for _ in range(50)])
    assert response.status_code == 400 and "数据过大" in response.json()["message"]


def test_a_huge_paste_is_refused_whole(client, budget):
    response = post(client, budget, [row() for _ in range(5001)])
    assert response.status_code == 400
    assert "一次最多保存 5,000 行" in response.json()["message"]
    assert not ExpenditureLine.objects.exists()


def test_queries_do_not_grow_with_the_rows(client, budget):
    """Reads are a fixed number; rows are inserted in batches (SQLite: as many as its
    999 parameters allow, about 60 lines a statement; PostgreSQL 500)."""

    def queries(count):
        ExpenditureLine.objects.all().delete()
        rows = [row(amount=f"{i}.00") for i in range(count)]
        version = grid_version(budget=budget)
        with CaptureQueriesContext(connection) as captured:
            response = post(client, budget, rows, version=version)
        assert response.status_code == 200
        inserts = [q for q in captured if q["sql"].startswith("INSERT")]
        return len(captured) - len(inserts), len(inserts)

    (few, few_inserts), (many, many_inserts) = queries(5), queries(300)
    assert few == many and few_inserts == 2
    assert many_inserts <= 2 * 6  # 300 lines and their history, ≥ 60 a statement
    assert ExpenditureLine.objects.count() == 300


def test_cross_kind_pair_saves_with_a_warning(client, budget):
    # 30101 ↔ 50501 is the 事业单位 pair; the unit is 行政: allowed, flagged on its row.
    response = post(client, budget, [row(gov="50501")])
    assert response.status_code == 200
    [warning] = response.json()["warnings"]
    assert (warning["row"], warning["field"]) == (0, "gov") and "适用于事业单位" in warning[
        "message"
    ]


def test_only_clerks_of_the_department_on_a_draft(client, budget):
    reviewer = staff_of(REVIEWER_GROUP, department=budget.department, username="reviewer")
    client.force_login(reviewer)
    assert client.get(url(budget)).status_code == 200  # read-only (test_read_only.py)
    assert post(client, budget, [row()]).status_code == 403
    client.force_login(clerk_of(DepartmentFactory(), username="other_clerk"))
    assert client.get(url(budget)).status_code == 403
    assert not ExpenditureLine.objects.exists()


def test_a_submitted_budget_is_locked(client, budget):
    type(budget).objects.filter(pk=budget.pk).update(status=BudgetStatus.SUBMITTED)
    response = post(client, budget, [row()])
    assert response.status_code == 403 and "只能修改草稿预算" in response.json()["message"]
    page = client.get(url(budget))
    assert page.status_code == 200 and b"grid-read-only-note" in page.content
    assert not ExpenditureLine.objects.exists()
