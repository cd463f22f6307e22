"""Selectors behind the catalogue pickers: path labels, ranked search, the budget's year.

A catalogue has about a hundred 项 named 行政运行, so a picker that shows only the name is
useless: every option and every workbook message carries the whole path
(``210 卫生健康支出 › 21015 医疗保障管理事务 › 2101501 行政运行``). Labels for a page of
results are computed with one query for all the parents, whatever the page size.
"""

import unicodedata
from typing import Any
from urllib.parse import parse_qs, urlparse

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.db.models.functions import Substr
from django.urls import Resolver404, resolve

from budgets.models import Budget, ClassificationLevel, EconomicSubject, FunctionalSubject, Project

PATH_SEPARATOR = " › "
OPEN_END = 9999
PARENT_LEVELS = (
    ClassificationLevel.CATEGORY,
    ClassificationLevel.SECTION,
)  # an entry still valid: compare it as if valid for ever


def normalise_term(term: str) -> str:
    """The search term as stored: full-width digits and spaces folded (NFKC: ２１０ = 210)."""
    return unicodedata.normalize("NFKC", term or "").strip()


def _parent_codes(code: str) -> list[str]:
    return [code[:length] for length in (3, 5) if length < len(code)]


def _pick(candidates: list, subject, year: int | None):
    """The parent row for ``subject``: valid in ``year`` (or in the subject's last year);
    the subject's own province first, then a national row."""
    last = year if year and subject.is_valid_in(year) else (subject.valid_to or OPEN_END)
    province = getattr(subject, "province", "")
    scoped = [c for c in candidates if getattr(c, "province", "") in ("", province)]
    scoped.sort(key=lambda c: (getattr(c, "province", "") == province, c.valid_from))
    valid = [c for c in scoped if c.valid_from <= last <= (c.valid_to or OPEN_END)]
    chosen = valid or [c for c in scoped if c.valid_from <= last] or scoped
    return chosen[-1] if chosen else None


def label_paths(subjects, *, year: int | None = None) -> dict[int, str]:
    """``{pk: "210 卫生健康支出 › 21015 … › 2101501 行政运行"}`` for catalogue rows of one
    model, with one query for all their parents (none when every row is a 类)."""
    subjects = list(subjects)
    if not subjects:
        return {}
    model = type(subjects[0])
    codes = {parent for s in subjects for parent in _parent_codes(s.code)}
    parents: dict[tuple, list] = {}
    if codes:
        rows = model.objects.filter(code__in=codes)
        if model is EconomicSubject:
            rows = rows.filter(scheme__in={s.scheme for s in subjects})
        for row in rows:
            parents.setdefault((getattr(row, "scheme", ""), row.code), []).append(row)
    labels = {}
    for subject in subjects:
        parts = []
        for code in _parent_codes(subject.code):
            found = parents.get((getattr(subject, "scheme", ""), code), [])
            parent = _pick(found, subject, year)
            parts.append(str(parent) if parent else code)
        labels[subject.pk] = PATH_SEPARATOR.join([*parts, str(subject)])
    return labels


def label_path(subject, *, year: int | None = None) -> str:
    """The path label of one catalogue row (one query)."""
    return label_paths([subject], year=year)[subject.pk]


def subject_search(queryset: QuerySet, term: str) -> QuerySet:
    """Rows matching ``term``, ranked: the exact code, then codes starting with it, then
    names containing it, then the 项 of a 类/款 whose name contains it; by code within."""
    term = normalise_term(term)
    if not term:
        return queryset.order_by("code", "valid_from")
    # The 类/款 whose name contains the term, read first (a short list of codes): an IN on
    # the row's code prefixes is much cheaper than a correlated subquery per row.
    parent_codes = []
    if not term.isdigit():  # a code is not searched among the names of 类 and 款
        parents = queryset.model.objects.filter(name__icontains=term, level__in=PARENT_LEVELS)
        parent_codes = list(parents.values_list("code", flat=True).distinct())
    queryset = queryset.annotate(
        picker_category=Substr("code", 1, 3), picker_section=Substr("code", 1, 5)
    )
    rank = Case(
        When(code=term, then=Value(0)),
        When(code__startswith=term, then=Value(1)),
        When(name__icontains=term, then=Value(2)),
        default=Value(3),
        output_field=IntegerField(),
    )
    matches = Q(code__startswith=term) | Q(name__icontains=term)
    if parent_codes:
        matches |= Q(picker_category__in=parent_codes) | Q(picker_section__in=parent_codes)
    return queryset.filter(matches).annotate(picker_rank=rank).order_by("picker_rank", "code")


def referring_budget(request) -> Budget | None:
    """The budget whose change page asked for the options (Django's autocomplete sends
    only the field, so the page is read from the Referer); None when it cannot be told.
    Kept on the request: the search and the labels ask for it, one query in all."""
    if not hasattr(request, "_picker_budget"):
        request._picker_budget = _referring_budget(request)
    return request._picker_budget


def _referring_budget(request) -> Budget | None:
    """The budget of a budget's or project's change page, or of the add-project page
    opened from a budget (``…/project/add/?budget=<pk>``)."""
    try:
        referer = urlparse(request.headers.get("Referer", ""))
        match = resolve(referer.path)
        if match.url_name == "budgets_project_add":
            pk = int(parse_qs(referer.query).get("budget", [""])[0])
        else:
            pk = int(match.kwargs.get("object_id", ""))
    except (Resolver404, ValueError, TypeError):
        return None
    related = Budget.objects.select_related("fiscal_year", "department__region")
    if match.url_name in ("budgets_budget_change", "budgets_project_add"):
        return related.filter(pk=pk).first()
    if match.url_name == "budgets_project_change":
        return related.filter(pk__in=Project.objects.filter(pk=pk).values("budget")).first()
    return None


def scope_to_budget(queryset: QuerySet, budget: Budget | None) -> QuerySet:
    """Entries valid in the budget's year (economic: national + the region's province);
    without a budget, every entry still valid (no end year)."""
    if budget is None:
        return queryset.filter(valid_to__isnull=True)
    editions: Any = queryset  # the catalogue models' EditionQuerySet (valid_in)
    if queryset.model is EconomicSubject:
        return editions.valid_in(budget.year, budget.department.region.code)
    if queryset.model is FunctionalSubject:
        return editions.valid_in(budget.year)
    return queryset


def table_path(table: dict, code: str) -> str:
    """The path label of ``code`` from a ``{code: row}`` table of one edition (the workbook
    import's lookups): no query, whatever the number of messages."""
    parts = [code[:length] for length in (3, 5) if length < len(code)] + [code]
    return PATH_SEPARATOR.join(str(table[part]) if part in table else part for part in parts)
