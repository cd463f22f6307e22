"""Reading figures and texts out of table cells (``disclosures/checks/base.py``).

A cell holds ``Value`` (an amount, a text or nothing); the checks read it through
``amount_of`` and ``text_of``, which narrow it instead of trusting the cell's kind.
"""

from decimal import Decimal

from budgets.fields import ZERO
from disclosures.checks.base import amount_of, text_of
from disclosures.tables.base import Row, RowKind


def _row() -> Row:
    return Row(RowKind.ITEM, {"code": "201", "amount": Decimal("12.30"), "empty": None})


def test_amount_of_reads_amounts_and_zero_for_anything_else():
    row = _row()
    assert amount_of(row, "amount") == Decimal("12.30")
    assert amount_of(row, "code") == ZERO  # a text is not an amount
    assert amount_of(row, "empty") == ZERO
    assert amount_of(row, "absent") == ZERO


def test_amount_of_a_row_the_table_lacks_is_zero():
    # first_row() gives None for a table without e.g. a 合计行: the rule then reports the
    # mismatch against zero instead of failing with AttributeError.
    assert amount_of(None, "total") == ZERO


def test_text_of_reads_texts_and_empty_for_anything_else():
    row = _row()
    assert text_of(row, "code") == "201"
    assert text_of(row, "amount") == ""  # an amount is not a code
    assert text_of(row, "empty") == ""
    assert text_of(row, "absent") == ""
