"""Robustness: over a thousand malformed workbooks, generated from a valid demo export.

Every case goes through ``budget_workbook_import``: it either imports or raises
``ImportRefused`` whose problems are Chinese sentences — never another exception — and a
refused import leaves every table of the budgets app exactly as it was. The process's
peak memory stays under a bound. Hypothesis runs derandomized (the same cases on
every run and in CI) without deadlines; the whole module takes well under a minute.

Each test runs its Hypothesis search itself and asserts how many cases it checked (the
counts add up to over a thousand), so the tests may run in any process and order.
"""

import io
import re
import zlib
from dataclasses import dataclass
from unittest import mock

import pytest
from django.apps import apps
from django.db import connection
from hypothesis import HealthCheck, given
from hypothesis import settings as fuzz
from hypothesis import strategies as st
from openpyxl import load_workbook

from budgets.workbook import importing
from budgets.workbook.export import budget_workbook_export
from budgets.workbook.importing import (
    ImportRefused,
    Preview,
    budget_workbook_import,
    budget_workbook_preview,
)
from tests.support import hostile

# The process's peak memory may grow by this much over a test (bombs are refused before
# they are read; tracemalloc per case would make the module five times slower —
# tests/budgets/workbook/test_uploads.py measures the bombs' peaks with it).
RSS_GROWTH_MB = 250
IMPORT_EVERY = 25
CJK = re.compile(r"[\u4e00-\u9fff]")
FUZZ = fuzz(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


class Quiet(bytes):
    """The base workbook, shown briefly when Hypothesis reports a failing case."""

    def __repr__(self):
        return f"<workbook of {len(self)} bytes>"


class QuietParts(dict):
    def __repr__(self):
        return f"<{len(self)} workbook parts>"


@pytest.fixture
def base(demo_drafts) -> bytes:
    """Example 000 with its longest sheets cut to three rows (a third faster to check)."""
    book = load_workbook(io.BytesIO(budget_workbook_export(budget=demo_drafts["000"])))
    for title in ("基本支出", "项目支出明细", "项目绩效指标", "文字说明"):
        book[title].delete_rows(5, book[title].max_row)
    out = io.BytesIO()
    book.save(out)
    return Quiet(out.getvalue())


@pytest.fixture
def parts(base) -> dict[str, bytes]:
    return QuietParts(hostile.parts(base))


def counts() -> tuple[int, ...]:
    """Rows of every model of the budgets app (historical records included), one query."""
    tables = [m._meta.db_table for m in apps.get_app_config("budgets").get_models()]
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return tuple(cursor.fetchone())


def _peak_mb() -> float:
    """The process's peak resident memory (VmHWM) since ``_peak_reset``."""
    with open("/proc/self/status", encoding="ascii") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _peak_reset() -> None:
    """Start the peak from the memory in use now (Linux: ``5`` to clear_refs)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")


@dataclass
class Cases:
    """The cases one test checked, the workbooks the preview accepted, and the memory in
    use when the test started (the process's peak is measured from there)."""

    checked: int = 0
    accepted: int = 0
    refused: int = 0
    start_mb: float = 0.0


CASES = Cases()


@pytest.fixture(autouse=True)
def cases() -> Cases:
    global CASES  # noqa: PLW0603  (check() is called from inside Hypothesis's runs)
    _peak_reset()
    CASES = Cases(start_mb=_peak_mb())
    return CASES


def check(data: bytes) -> None:
    """``data`` previews without an exception; refused, it imports nothing; memory bounded.

    A workbook the preview accepts (a mutation in an unused part) is imported for real only
    every ``IMPORT_EVERY``-th time: a successful import rewrites the demo budget, which
    costs a second, a hundred times what a refusal costs. A refused workbook is imported
    with the preview just made (``_import_with``: the import's first step would read the
    same bytes again, against the same tables), except every ``IMPORT_EVERY``-th, which
    reads it again; both raise ``ImportRefused`` with the preview's problems.
    """
    CASES.checked += 1
    preview = budget_workbook_preview(data=data)
    if preview.ok:
        CASES.accepted += 1
        if CASES.accepted % IMPORT_EVERY == 0:
            budget_workbook_import(data=data, replace=True)
    else:
        CASES.refused += 1
        for problem in preview.problems:
            assert CJK.search(str(problem)), problem
        before = counts()
        with pytest.raises(ImportRefused) as refused:
            if CASES.refused % IMPORT_EVERY == 0:
                budget_workbook_import(data=data, replace=True)
            else:
                _import_with(preview, data)
        assert [str(p) for p in refused.value.problems] == [str(p) for p in preview.problems]
        assert counts() == before  # zero partial writes
    grown = _peak_mb() - CASES.start_mb
    assert grown < RSS_GROWTH_MB, f"peak memory grew by {grown:.0f} MB"


def _import_with(preview: Preview, data: bytes) -> None:
    """``budget_workbook_import(data=data, replace=True)``, its own preview of ``data``
    being ``preview`` (made just before, nothing written since) instead of a second read."""

    def same(*, data: bytes, create_missing: bool = False) -> Preview:
        assert data is shown and not create_missing
        return preview

    shown = data
    with mock.patch.object(importing, "budget_workbook_preview", same):
        budget_workbook_import(data=data, replace=True)


# --- the archive as bytes: flipped, inserted, deleted bytes; truncation -----------------


ARCHIVE_CASES = 400


@fuzz(FUZZ, max_examples=ARCHIVE_CASES)
@given(data=st.data())
def _corrupted_archive_bytes(base, data):
    raw = bytearray(base)
    for _ in range(data.draw(st.integers(1, 4))):
        if len(raw) < 2:
            break
        at = data.draw(st.integers(0, len(raw) - 1))
        action = data.draw(st.sampled_from(["flip", "insert", "delete", "truncate"]))
        if action == "flip":
            raw[at] ^= data.draw(st.integers(1, 255))
        elif action == "insert":
            raw[at:at] = data.draw(st.binary(min_size=1, max_size=16))
        elif action == "delete":
            del raw[at : at + data.draw(st.integers(1, 64))]
        else:
            del raw[max(at, 1) :]
    check(bytes(raw))


def test_corrupted_archive_bytes(base, cases):
    _corrupted_archive_bytes(base=base)
    assert cases.checked >= ARCHIVE_CASES, cases


# --- one XML part corrupted, then zipped again (so the zip is fine, the XML is not) -----

XML_PARTS = [
    "[Content_Types].xml",
    "_rels/.rels",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    *[f"xl/worksheets/sheet{n}.xml" for n in range(1, 16)],
]


XML_CASES = 260


@fuzz(FUZZ, max_examples=XML_CASES)
@given(data=st.data(), name=st.sampled_from(XML_PARTS))
def _corrupted_xml_parts(parts, data, name):
    xml = bytearray(parts[name])
    at = data.draw(st.integers(0, len(xml)))
    action = data.draw(
        st.sampled_from(["truncate", "insert", "delete", "tag", "attribute", "entity"])
    )
    if action == "truncate":
        del xml[at:]
    elif action == "insert":
        xml[at:at] = data.draw(st.binary(min_size=1, max_size=12) | st.sampled_from(JUNK))
    elif action == "delete":
        del xml[at : at + data.draw(st.integers(1, 200))]
    elif action == "tag":
        xml = bytearray(re.sub(rb"<(\w+)", lambda m: b"<" + m.group(1)[::-1], bytes(xml), count=1))
    elif action == "attribute":
        xml = bytearray(re.sub(rb'="[^"]*"', lambda m: b'="\xff\x00<"', bytes(xml), count=3))
    else:
        xml[at:at] = b"&undefined;"
    check(hostile.rezip({**parts, name: bytes(xml)}))


def test_corrupted_xml_parts(parts, cases):
    _corrupted_xml_parts(parts=parts)
    assert cases.checked >= XML_CASES, cases


JUNK = [b"<", b">", b"</row>", b"<row>", b"<c>", b"]]>", b"<!--", b"\x00", b"&", b"<?x?>"]


# --- cells: wrong types, dates in code cells, formulas, huge values ---------------------

CELLS = [
    '<c t="d"><v>2022-01-01T00:00:00</v></c>',  # a date cell
    '<c t="d"><v>9999-99-99</v></c>',
    '<c s="0"><v>44562</v></c>',  # a serial number (a date once formatted)
    "<c><f>SUM(1,2)</f></c>",  # a formula without a stored result
    "<c><f>1/0</f><v>#DIV/0!</v></c>",
    '<c t="e"><v>#N/A</v></c>',
    '<c t="str"><f>A1</f><v>=HYPERLINK("http://x")</v></c>',
    "<c><v>1e308</v></c>",
    "<c><v>-1e308</v></c>",
    "<c><v>1e-300</v></c>",
    "<c><v>123456789012345678901234567890</v></c>",
    "<c><v>NaN</v></c>",
    "<c><v>inf</v></c>",
    '<c t="b"><v>2</v></c>',
    '<c t="b"><v>1</v></c>',
    '<c t="s"><v>0</v></c>',  # a shared string where there is no table
    '<c t="s"><v>-1</v></c>',
    '<c t="inlineStr"><is><t>' + "长" * 40_000 + "</t></is></c>",
    '<c t="inlineStr"><is><t>2022-01-01 00:00:00</t></is></c>',
    '<c t="inlineStr"><is><t>   </t></is></c>',
    '<c t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>',
    '<c t="unknown"><v>1</v></c>',
    '<c r="XFD1"><v>1</v></c>',
    '<c r="A0"><v>1</v></c>',
    "<c/>",
]
CELL = re.compile(r"<c(?=[\s/>])[^>]*?(?:/>|>.*?</c>)")
DATA_SHEETS = ["基本信息", "预算单位", "基本支出", "项目", "项目支出明细", "项目绩效指标"]
DATA_SHEETS += ["上年对比数", "政府采购", "国有资产", "整体绩效目标"]


CELL_CASES = 200


@fuzz(FUZZ, max_examples=CELL_CASES)
@given(
    data=st.data(),
    title=st.sampled_from(DATA_SHEETS),
    cells=st.lists(st.sampled_from(CELLS), min_size=1, max_size=3),
)
def _wrong_cells(base, parts, data, title, cells):
    name = hostile.sheet_part(base, title)
    xml = parts[name].decode()
    for cell in cells:
        found = list(CELL.finditer(xml))
        spot = found[data.draw(st.integers(0, len(found) - 1))]
        xml = xml[: spot.start()] + cell + xml[spot.end() :]
    check(hostile.rezip({**parts, name: xml.encode()}))


def test_wrong_cells(base, parts, cases):
    _wrong_cells(base=base, parts=parts)
    assert cases.checked >= CELL_CASES, cases


# --- missing parts and sheets; rows around the limit -------------------------------------


MISSING_CASES = 100


@fuzz(FUZZ, max_examples=MISSING_CASES)
@given(data=st.data())
def _missing_parts_and_sheets(base, parts, data):
    members = dict(parts)
    names = sorted(members)
    for name in data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True)):
        members.pop(name)
    if data.draw(st.booleans()):
        title = data.draw(st.sampled_from(DATA_SHEETS))
        workbook = members.get("xl/workbook.xml", b"").decode()
        members["xl/workbook.xml"] = re.sub(
            rf'<sheet [^>]*name="{title}"[^>]*/>', "", workbook
        ).encode()
    check(hostile.rezip(members))


def test_missing_parts_and_sheets(base, parts, cases):
    _missing_parts_and_sheets(base=base, parts=parts)
    assert cases.checked >= MISSING_CASES, cases


ROW_CASES = 60


@fuzz(FUZZ, max_examples=ROW_CASES)
@given(
    count=st.integers(1, 60), title=st.sampled_from(["基本支出", "项目支出明细", "专项转移支付"])
)
def _rows_up_to_the_limit(base, count, title, settings):
    settings.WORKBOOK_SHEET_MAX_ROWS = 50
    data = hostile.many_rows(base, count=count, title=title, seed=count)
    check(data)


def test_rows_up_to_the_limit(base, settings, cases):
    _rows_up_to_the_limit(base=base, settings=settings)
    assert cases.checked >= ROW_CASES, cases


GARBAGE_CASES = 6


def test_compressed_garbage_and_empty_members(parts, cases):
    """A member whose deflate stream is cut (zlib raises while rows stream)."""
    for name in ("xl/worksheets/sheet4.xml", "xl/workbook.xml", "xl/styles.xml"):
        check(hostile.rezip({**parts, name: b""}))
        stream = zlib.compress(parts[name])[:-40]
        check(hostile.rezip({**parts, name: stream}))
    assert cases.checked == GARBAGE_CASES


def test_the_tests_check_over_a_thousand_cases_in_all():
    """Each test above asserts the cases it checked; together that is over a thousand."""
    counts = [ARCHIVE_CASES, XML_CASES, CELL_CASES, MISSING_CASES, ROW_CASES, GARBAGE_CASES]
    assert sum(counts) >= 1000
