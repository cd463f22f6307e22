"""What every budget-sheet resource shares: columns from layout.py, code lookups, checks.

A resource reads one sheet of the workbook (or one admin upload) row by row through
django-import-export's ``import_data``: widgets turn cells into values, ``after_init_instance``
attaches the budget, ``validate_instance`` runs the field checks (no query) and the
resource's cross-column ``check``. With ``collect=True`` (the whole-workbook import) nothing
is saved: valid instances are kept in ``collected`` and written in bulk later, once every
sheet has passed. Without it (the admin) rows are saved one by one as usual.
"""

from collections import defaultdict
from copy import copy
from functools import cached_property
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Max
from import_export import resources
from import_export.fields import Field

from budgets.models import (
    Budget,
    BudgetStatus,
    BudgetUnit,
    Department,
    EconomicCorrespondence,
    FiscalYear,
    Project,
    Region,
)
from budgets.services.demo import SubjectCache
from budgets.workbook.layout import Sheet
from budgets.workbook.reading import Problem
from budgets.workbook.widgets import (
    AmountWidget,
    BoolWidget,
    CodeLookupWidget,
    PercentWidget,
    PriceWidget,
    TextWidget,
    YearWidget,
)

BLANK = "必填项为空"


class SheetField(Field):
    """One column of a layout sheet: its Chinese header, whether it is required, its blank."""

    def __init__(self, sheet: Sheet, key: str, *, attribute=None, widget=None, blank="", **kw):
        column = sheet.column(key)
        if widget is None:
            widget = _default_widget(column.kind)
        if blank == "" and column.kind in ("amount", "percent", "price"):
            blank = None
        elif blank == "" and column.kind == "bool":
            blank = False
        super().__init__(attribute=attribute or key, column_name=column.header, widget=widget, **kw)
        self.key, self.required, self.blank = key, column.required, blank

    def clean(self, row, **kwargs):
        value = row.get(self.column_name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.required:
                raise ValueError(BLANK)
            return self.blank
        return self.widget.clean(value, row=row, **kwargs)


def _default_widget(kind: str):
    if kind == "amount":
        return AmountWidget()
    if kind == "percent":
        return PercentWidget()
    if kind == "price":
        return PriceWidget()
    if kind == "bool":
        return BoolWidget()
    if kind == "int":
        return YearWidget()
    return TextWidget(dates=kind == "text")


class BudgetLookups:
    """The codes a budget's rows refer to, each table loaded once (one query per model).

    ``budget`` is the budget rows go into (for a workbook that is not imported yet, an
    unsaved stand-in); ``units`` and ``projects`` are ``{code: instance}`` of that budget,
    replaced by the workbook's own sheets while a workbook is read.
    """

    def __init__(self, *, budget: Budget, from_sheets: bool = False):
        self.budget = budget
        self.year = budget.fiscal_year.year
        self.department_code = budget.department.code
        self.from_sheets = from_sheets

    @classmethod
    def for_workbook(cls, head: dict, existing: Budget | None) -> "BudgetLookups":
        """Lookups for a workbook: the existing budget, or an unsaved one from 基本信息
        (of ``head["department"]`` when that department exists already)."""
        if existing is not None:
            return cls(budget=existing, from_sheets=True)
        department = head.get("department") or Department(
            region=Region(code=head["region_code"], name=head["region_name"]),
            code=head["department_code"],
            name=head["department_name"],
        )
        budget = Budget(department=department, fiscal_year=FiscalYear(year=head["year"]))
        return cls(budget=budget, from_sheets=True)

    @cached_property
    def subjects(self) -> SubjectCache:
        """The year's catalogue with the region's province's own entries (7-digit 子目)."""
        return SubjectCache(self.year, self.budget.department.region.code)

    @cached_property
    def pairs(self) -> set[tuple[str, str]]:
        """(部门经济分类, 政府经济分类) code pairs that correspond in the year."""
        valid = EconomicCorrespondence.objects.valid_in(self.year)
        return set(valid.values_list("dept_code", "gov_code"))

    @cached_property
    def units(self) -> dict[str, BudgetUnit]:
        department = self.budget.department
        if department.pk is None:
            return {}
        return {u.code: u for u in BudgetUnit.objects.filter(department=department)}

    @cached_property
    def projects(self) -> dict[str, Project]:
        if self.budget.pk is None or self.from_sheets:
            return {}
        return {
            p.code: p for p in Project.objects.filter(budget=self.budget).select_related("unit")
        }

    @cached_property
    def goals(self) -> dict:
        """The budget's 整体绩效分目标 by reference (年度目标1); the sheet's while reading one."""
        from budgets.models import DepartmentGoal

        if self.budget.pk is None or self.from_sheets:
            return {}
        return {g.code: g for g in DepartmentGoal.objects.filter(budget=self.budget)}

    def table(self, source: str) -> dict:
        """The ``{code: instance}`` dict a lookup widget resolves against."""
        if source in ("functional", "dept", "gov"):
            return getattr(self.subjects, source)
        return getattr(self, source)

    def position_base(self, model) -> int:
        """Where appended rows start numbering (0 when the whole budget is being read)."""
        if self.from_sheets or self.budget.pk is None:
            return 0
        rows = model.objects.filter(**{_budget_path(model): self.budget})
        top = rows.aggregate(top=Max("position"))["top"]
        return 0 if top is None else top + 1


def _budget_path(model) -> str:
    return "project__budget" if not hasattr(model, "budget") else "budget"


class SheetResource(resources.ModelResource):
    """A ModelResource for one sheet of ``layout.SHEETS``; see the module docstring."""

    sheet: Sheet
    _meta: Any  # import-export's ResourceOptions (untyped), set by its metaclass
    budget_field = "budget"  # "" for models without a budget (units, project indicators)

    def __init__(self, *, lookups: BudgetLookups | None = None, collect: bool = False, **kw):
        super().__init__(**kw)
        self.lookups, self.collect = lookups, collect
        self.collected: list = []
        self.positions: dict = defaultdict(int)
        self._position_base: int | None = None
        if collect:  # nothing to show as a diff; spare the copies
            meta = copy(self._meta)
            meta.skip_diff = True
            self._meta = meta
        for field in self.fields.values():
            if isinstance(field.widget, CodeLookupWidget) and lookups is not None:
                source = field.widget.source
                field.widget.lookup = lambda source=source: self.import_lookups.table(source)
                field.widget.missing = field.widget.missing.format(code="{code}", year=lookups.year)
                field.widget.year = lookups.year  # for the unknown-code message

    @property
    def import_lookups(self) -> BudgetLookups:
        """The budget's lookups; only an import (which always has them) checks rows."""
        if self.lookups is None:
            raise RuntimeError("只有导入时才核对代码（缺少预算的查找表）。")
        return self.lookups

    @classmethod
    def get_display_name(cls) -> str:
        return cls.sheet.title

    def headers(self) -> dict[str, str]:
        """Model attribute → Chinese column header."""
        return {f.attribute: f.column_name for f in self.fields.values()}

    def after_init_instance(self, instance, new, row, **kwargs):
        if self.budget_field and self.lookups is not None:
            setattr(instance, self.budget_field, self.lookups.budget)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """Field checks (no query), then the cross-column ``check`` if every cell was fine."""
        errors = dict(import_validation_errors or {})
        exclude = {*errors, *(f.name for f in instance._meta.fields if f.is_relation)}
        try:
            instance.clean_fields(exclude=exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if not errors:
            self.complete(instance)
            errors = {k: [v] for k, v in self.check(instance).items() if v}
        if errors:  # keyed by the Chinese column header, as the admin shows them
            headers = self.headers()
            raise ValidationError({headers.get(k, k): v for k, v in errors.items()})

    def complete(self, instance) -> None:
        """Fill in what no column gives (position, derived fields) once the row is valid."""
        if hasattr(instance, "position"):
            instance.position = self.next_position(self.position_group(instance))

    def position_group(self, instance):
        return None

    def next_position(self, group) -> int:
        if self._position_base is None:
            lookups = self.lookups
            self._position_base = lookups.position_base(self._meta.model) if lookups else 0
        position = self._position_base + self.positions[group]
        self.positions[group] += 1
        return position

    def check(self, instance) -> dict[str, str]:
        """Cross-column checks against the cached lookups: ``{attribute: message}``."""
        return {}

    def save_instance(self, instance, is_create, row, **kwargs):
        if self.collect:
            self.collected.append(instance)
            return
        if self.lookups is not None and self.lookups.budget.status != BudgetStatus.DRAFT:
            raise ValidationError("只能导入到草稿预算")
        super().save_instance(instance, is_create, row, **kwargs)

    def after_import(self, dataset, result, **kwargs):
        """Nothing: ids are never imported, so no sequence needs resetting."""


def result_problems(resource, result, numbers: list[int]) -> list[Problem]:
    """The problems of an ``import_data`` result, at their sheet row and column."""
    title, headers = resource.sheet.title, resource.headers()
    problems = [Problem(title, 0, "", str(error.error)) for error in result.base_errors]
    columns = set(headers.values())
    for row in result.invalid_rows:
        number = numbers[row.number - 1]
        for key, messages in row.error_dict.items():
            column = key if key in columns else headers.get(key, "")
            problems += [Problem(title, number, column, m) for m in messages]
    for number, errors in result.row_errors():
        problems += [Problem(title, numbers[number - 1], "", str(e.error)) for e in errors]
    return problems
