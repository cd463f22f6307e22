"""Check the rows a grid sends: every problem named by its row and cell, in Chinese.

Pure over the ``Lookups`` (no query), except on the error path of an unknown code, which
asks once per catalogue for the editions the code exists in. The subject checks are the
data-entry admin's own (``budgets/validation.py``), so a clerk reads the same words in
the grid, the admin and the workbook import.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from budgets.catalogue_messages import code_editions_table, unknown_code_message
from budgets.entry import lookups as texts
from budgets.entry.lookups import COST_TYPES, SOURCES, Lookups
from budgets.fields import ZERO, normalise_amount_text
from budgets.models import (
    BudgetUnit,
    EconomicScheme,
    EconomicSubject,
    ExpenditureLine,
    FunctionalSubject,
    LineKind,
    Project,
)
from budgets.models.registry import OWN_UNIT
from budgets.validation import (
    cross_kind_message,
    line_subject_errors,
    missing_pair_message,
)

FIELDS = ("unit", "functional", "dept", "gov", "source", "cost", "amount")
LABELS = {
    "unit": "预算单位",
    "functional": "功能分类",
    "dept": "部门经济分类",
    "gov": "政府经济分类",
    "source": "资金来源",
    "cost": "人员/公用经费",
    "amount": "金额",
}
MODEL_FIELDS = {
    "functional_subject": "functional",
    "dept_economic": "dept",
    "gov_economic": "gov",
}
REQUIRED = ("unit", "functional", "dept", "gov", "source", "amount")
CONTENT = ("functional", "dept", "gov", "amount")  # a row without any of them is empty
CODE = re.compile(r"^\s*(\d+)")


@dataclass
class Problem:
    """One message: its row (0-based, as the grid shows it: row + 1) and cell."""

    row: int
    field: str
    message: str

    def as_json(self) -> dict:
        return {"row": self.row, "field": self.field, "message": self.message}


@dataclass
class Checked:
    """The outcome of a check: the lines to write (unsaved, or with the id they keep)."""

    lines: list[ExpenditureLine] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # the grid row of each line
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    unknown: list[tuple[int, str, str]] = field(default_factory=list)  # row, field, code


def text(value) -> str:
    """A cell as typed or pasted: full-width forms folded, spaces trimmed."""
    if value is None:
        return ""
    return unicodedata.normalize("NFKC", str(value)).strip()


def code_of(value: str) -> str:
    """The code a cell starts with (``2101501 行政运行`` → ``2101501``), or the text."""
    match = CODE.match(value)
    return match.group(1) if match else value


def parse_amount(value: str) -> tuple[Decimal | None, str | None]:
    """``1,234.5`` → ``1234.50``; or the money fields' message."""
    try:
        number = Decimal(normalise_amount_text(value))
    except InvalidOperation:
        return None, texts.AMOUNT_FORMAT
    if not number.is_finite():
        return None, texts.AMOUNT_FORMAT
    if number < 0:
        return None, texts.AMOUNT_NEGATIVE
    if number != number.quantize(Decimal("0.01")):
        return None, texts.AMOUNT_PLACES
    if number.adjusted() >= 16:
        return None, texts.AMOUNT_BIG
    return number.quantize(Decimal("0.01")), None


def source_of(value: str) -> str | None:
    """A funding source by its number, key, full label or a part only it has."""
    if value.isdigit() and 1 <= int(value) <= len(SOURCES):
        return SOURCES[int(value) - 1][0]
    for key, label in SOURCES:
        if value in (key, label):
            return key
    found = [key for key, label in SOURCES if value in label]
    return found[0] if len(found) == 1 else None


def cost_of(value: str) -> str | None:
    """``人员``/``人员经费``/``1`` → personnel, ``公用``… → public, empty → default ("")."""
    if not value:
        return ""
    for label, key in COST_TYPES.items():
        if value in (label, label[:2], key, str(list(COST_TYPES).index(label) + 1)):
            return key
    return None


def unit_of(value: str, lookups: Lookups) -> BudgetUnit | None:
    code = code_of(value)
    if code in lookups.units:
        return lookups.units[code]
    by_name = [unit for unit in lookups.units.values() if unit.name == value]
    return by_name[0] if by_name else None


class RowChecker:
    """Checks the rows of one grid: the basic lines of a budget, or one project's lines."""

    def __init__(self, lookups: Lookups, project: Project | None = None):
        self.lookups = lookups
        self.project = project
        self.result = Checked()

    def error(self, row: int, name: str, message: str) -> None:
        self.result.errors.append(Problem(row, name, message))

    def check(self, rows: list[dict]) -> Checked:
        for index, row in enumerate(rows):
            cells = {name: text(row.get(name)) for name in FIELDS}
            if not any(cells[name] for name in CONTENT):
                continue  # an empty row of the grid (unit and source may be preset)
            line = self.line(index, cells, row.get("id"))
            if line is not None:
                line.position = len(self.result.lines)
                self.result.lines.append(line)
                self.result.rows.append(index)
        self._unknown_codes()
        return self.result

    def _problems(self) -> int:
        return len(self.result.errors) + len(self.result.unknown)

    def line(self, index: int, cells: dict[str, str], line_id) -> ExpenditureLine | None:
        errors_before = self._problems()
        for name in REQUIRED:
            if not cells[name]:
                self.error(index, name, texts.REQUIRED.format(label=LABELS[name]))
        unit = self._unit(index, cells["unit"]) if cells["unit"] else None
        subjects = {
            "functional": self._subject(index, "functional", cells["functional"]),
            "dept": self._subject(index, "dept", cells["dept"]),
            "gov": self._subject(index, "gov", cells["gov"]),
        }
        source = source_of(cells["source"]) if cells["source"] else ""
        if source is None:
            self.error(
                index,
                "source",
                texts.UNKNOWN_SOURCE.format(value=cells["source"], count=len(SOURCES)),
            )
        cost = cost_of(cells["cost"]) if not self.project else ""
        if cost is None:
            self.error(index, "cost", texts.UNKNOWN_COST.format(value=cells["cost"]))
        amount, problem = parse_amount(cells["amount"]) if cells["amount"] else (None, None)
        if problem:
            self.error(index, "amount", problem)
        if self._problems() > errors_before:
            return None
        line = ExpenditureLine(
            id=line_id if isinstance(line_id, int) else None,
            budget=self.lookups.budget,
            unit=unit,
            kind=LineKind.PROJECT if self.project else LineKind.BASIC,
            project=self.project,
            functional_subject=subjects["functional"],
            dept_economic=subjects["dept"],
            gov_economic=subjects["gov"],
            funding_source=source or "",
            amount=amount if amount is not None else ZERO,
            cost_type_override=cost or "",
        )
        self._subject_rules(index, line)
        if self._problems() > errors_before:
            return None
        line.derive_cost_type()
        return line

    def _unit(self, index: int, value: str) -> BudgetUnit | None:
        unit = unit_of(value, self.lookups)
        if unit is None:
            self.result.unknown.append((index, "unit", code_of(value)))
            return None
        if self.project is not None and self.project.unit_id and unit.pk != self.project.unit_id:
            project_unit = self.project.unit.name
            message = texts.PROJECT_UNIT.format(unit=unit.name, project_unit=project_unit)
            self.error(index, "unit", message)
        return unit

    def _subject(self, index: int, name: str, value: str):
        if not value:
            return None
        code = code_of(value)
        table = getattr(self.lookups, name)
        if code not in table:
            self.result.unknown.append((index, name, code))
            return None
        return table[code]

    def _subject_rules(self, index: int, line: ExpenditureLine) -> None:
        """Level, scheme and province (validation.py), then the pair and its unit kind."""
        year = self.lookups.year
        for model_field, message in line_subject_errors(line, year).items():
            self.error(index, MODEL_FIELDS[model_field], message)
        if any(p.row == index for p in self.result.errors):
            return
        dept, gov = line.dept_economic, line.gov_economic
        if dept.province or gov.province:
            return  # a province's own entries have no published correspondence
        scopes = self.lookups.pairs.get((dept.code, gov.code), set())
        if not scopes:
            self.error(index, "gov", missing_pair_message(dept, gov))
        elif warning := cross_kind_message(
            dept_code=dept.code, gov_code=gov.code, scopes=scopes, unit=line.unit
        ):
            self.result.warnings.append(Problem(index, "gov", warning))

    def _unknown_codes(self) -> None:
        """Unknown codes, with the editions they exist in (one query per catalogue)."""
        if not self.result.unknown:
            return
        models = {
            "functional": (FunctionalSubject, "", "功能分类"),
            "dept": (EconomicSubject, EconomicScheme.DEPARTMENT, "部门经济分类"),
            "gov": (EconomicSubject, EconomicScheme.GOVERNMENT, "政府经济分类"),
        }
        tables: dict[str, dict] = {}
        units = self._other_units({code for _, name, code in self.result.unknown if name == "unit"})
        for index, name, code in self.result.unknown:
            if name == "unit":
                self.error(index, name, self._unit_message(code, units))
                continue
            model, scheme, label = models[name]
            if name not in tables:
                tables[name] = code_editions_table(model, scheme=scheme)
            editions = tables[name].get(code, [])
            message = unknown_code_message(
                label=label, code=code, year=self.lookups.year, editions=editions
            )
            self.error(index, name, message)
        self.result.errors.sort(key=lambda p: (p.row, FIELDS.index(p.field)))

    def _other_units(self, codes: set[str]) -> dict[str, BudgetUnit]:
        """Units of other departments with these codes (one query, on the error path)."""
        if not codes:
            return {}
        rows = BudgetUnit.objects.filter(code__in=codes)
        return {unit.code: unit for unit in rows.exclude(department=self.lookups.budget.department)}

    def _unit_message(self, code: str, others: dict[str, BudgetUnit]) -> str:
        department = self.lookups.budget.department
        if code in others:
            return OWN_UNIT.format(department=department.name, unit=others[code].name)
        return texts.UNKNOWN_UNIT.format(code=code, department=department.name)
