"""Warnings about suspicious data (not contradictions between tables)."""

from collections import defaultdict

from django.db.models import Min, Q, Sum

from budgets.fields import quantize
from budgets.models import EconomicCorrespondence, ExpenditureLine, Project
from budgets.validation import cross_kind_message, project_total_error, spending_plan_problems
from disclosures.checks.base import Collector, money
from disclosures.keyfigures import KeyFigures
from disclosures.narrative.comparisons import comparisons
from disclosures.places import Link, Place
from disclosures.tables.data import BudgetData


def check_data(data: BudgetData, figures: KeyFigures, out: Collector) -> None:
    """Invalid catalogue entries, changes without a reason, projects without goals."""
    _invalid_subjects(data, out)
    _cross_kind_pairs(data, out)
    _missing_reasons(data, figures, out)
    _project_goals(data, out)
    _declared_totals(data, out)
    spending_plans(data, out)


def _invalid_subjects(data: BudgetData, out: Collector) -> None:
    year = data.year
    invalid = (
        ExpenditureLine.objects.filter(budget_id=data.budget.pk)
        .filter(
            Q(functional_subject__valid_from__gt=year) | Q(functional_subject__valid_to__lt=year)
        )
        .values_list("functional_subject__code", "functional_subject__name")
        .annotate(first_line=Min("pk"))
        .order_by("functional_subject__code")
    )
    for code, name, first_line in invalid:
        out.warning(
            "data-subject-year",
            (3,),
            f"功能分类科目 {code} {name} 在 {year} 年度的科目目录中无效，请改用当年有效的科目。",
            Link(Place.LINE, str(first_line)),
        )


def _cross_kind_pairs(data: BudgetData, out: Collector) -> None:
    """Each line whose economic pair is meant for the other unit kind (行政 vs 事业), named:
    the same warning the admin form gives, here on every path (import, check_budget, the
    budget page's checks). Two queries whatever the size of the budget."""
    scopes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for dept, gov, applies in EconomicCorrespondence.objects.valid_in(data.year).values_list(
        "dept_code", "gov_code", "applies_to"
    ):
        scopes[dept, gov].add(applies)
    units = {unit.pk: unit for unit in data.units}
    suspects = {
        (c.dept_code, c.gov_code)
        for c in data.cells
        if c.unit_id in units
        and cross_kind_message(
            dept_code=c.dept_code,
            gov_code=c.gov_code,
            scopes=scopes.get((c.dept_code, c.gov_code), set()),
            unit=units[c.unit_id],
        )
    }
    if not suspects:
        return
    lines = (
        ExpenditureLine.objects.filter(budget_id=data.budget.pk)
        .values_list(
            "pk",
            "unit_id",
            "functional_subject__code",
            "dept_economic__code",
            "gov_economic__code",
            "project__name",
            "amount",
        )
        .order_by("unit__code", "pk")
    )
    for pk, unit_id, func, dept, gov, project, amount in lines:
        if (dept, gov) not in suspects or unit_id not in units:
            continue
        unit = units[unit_id]
        message = cross_kind_message(
            dept_code=dept, gov_code=gov, scopes=scopes[dept, gov], unit=unit
        )
        if message:
            where = f"项目“{project}”的" if project else "基本支出"
            out.warning(
                "data-pair-kind",
                (6,),
                f"支出明细（{unit.name}，{where}功能分类 {func}，{money(amount)} 万元）：{message}",
                Link(Place.LINE, str(pk)),
            )


def _missing_reasons(data: BudgetData, figures: KeyFigures, out: Collector) -> None:
    """Every figure the explanation compares with last year needs a 主要原因 when it changed."""
    for item in comparisons(data, figures).values():
        now, before = item.change.current, item.change.prior
        if before is None or not item.missing_reason(data.narrative):
            continue  # a change needs last year's figure: unknown is never a change
        higher, verb = ("高于", "增加") if now > before else ("低于", "减少")
        out.warning(
            "data-missing-reason",
            (8,) if "三公" in item.label else (1,),
            f"{item.label} {money(now)} 万元{higher}上年 {money(before)} 万元，"
            f"但未填写{verb}的主要原因。",
            Link(Place.NARRATIVE, item.reason_keys[0] if item.reason_keys else ""),
        )


def _project_goals(data: BudgetData, out: Collector) -> None:
    # A project whose lines the format counts as 基本支出 (Hebei: 人员类, 运转类) needs none.
    basic_only = {c.project_id for c in data.cells if c.kind == "basic"} - {
        c.project_id for c in data.cells if c.kind != "basic"
    }
    for project in data.projects:
        if project.pk in basic_only:
            continue
        indicators = data.project_indicators.get(project.pk, [])
        here = Link(Place.PROJECT, str(project.pk))
        if not indicators:
            out.warning(
                "data-project-goals",
                (12,),
                f"项目“{project.name}”（{project.code}）没有绩效指标。",
                here,
            )
        for indicator in indicators:
            if not indicator.value.strip():
                out.warning(
                    "data-indicator-value",
                    (12,),
                    f"项目“{project.name}”的绩效指标“{indicator.level3}”没有指标值。",
                    here,
                )
    for overall in data.department_indicators:
        if not overall.value.strip():
            out.warning(
                "data-indicator-value",
                (11,),
                f"整体绩效指标“{overall.level3}”没有指标值。",
                Link(Place.DEPARTMENT_INDICATORS),
            )


def _declared_totals(data: BudgetData, out: Collector) -> None:
    projects = Project.objects.filter(
        budget_id=data.budget.pk, declared_total__isnull=False
    ).annotate(lines_sum=Sum("lines__amount"))
    for project in projects:
        if message := project_total_error(project.declared_total, quantize(project.lines_sum)):
            out.error(
                "data-project-total",
                (10,),
                f"项目“{project.name}”：{message}",
                Link(Place.PROJECT, str(project.pk)),
            )


def spending_plans(data: BudgetData, out: Collector) -> None:
    """A 资金支出计划 being entered is cumulative and ends at 100% (a warning: it may be
    completed later). Whether a format needs one for every project is the format's rule."""
    for project in data.projects:
        plan = project.spending_plan
        if all(value is None for _, value in plan):
            continue
        for problem in spending_plan_problems(plan):
            out.warning(
                "data-spending-plan",
                (),
                f"项目“{project.name}”（{project.code}）：{problem}",
                Link(Place.PROJECT, str(project.pk)),
            )
