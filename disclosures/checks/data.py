"""Warnings about suspicious data (not contradictions between tables)."""

from django.db.models import Q, Sum

from budgets.fields import quantize
from budgets.models import (
    ExpenditureLine,
    NarrativeKey,
    NarrativeSection,
    PriorYearFigures,
    Project,
)
from budgets.validation import project_total_error
from disclosures.checks.base import Collector, money
from disclosures.tables.data import BudgetData
from disclosures.tables.t08_three_public import three_public_figures

THREE_PUBLIC_ITEMS = (
    ("outbound", "three_public_outbound", "因公出国（境）费"),
    ("vehicle_purchase", "three_public_vehicle_purchase", "公务用车购置费"),
    ("vehicle_operation", "three_public_vehicle_operation", "公务用车运行维护费"),
    ("reception", "three_public_reception", "公务接待费"),
)


def check_data(data: BudgetData, out: Collector) -> None:
    """Invalid catalogue entries, 三公 increases without a reason, projects without goals."""
    _invalid_subjects(data, out)
    _three_public_increase(data, out)
    _project_goals(data, out)
    _declared_totals(data, out)


def _invalid_subjects(data: BudgetData, out: Collector) -> None:
    year = data.year
    invalid = (
        ExpenditureLine.objects.filter(budget_id=data.budget.pk)
        .filter(
            Q(functional_subject__valid_from__gt=year) | Q(functional_subject__valid_to__lt=year)
        )
        .values_list("functional_subject__code", "functional_subject__name")
        .distinct()
    )
    for code, name in invalid:
        out.warning(
            "data-subject-year",
            (3,),
            f"功能分类科目 {code} {name} 在 {year} 年度的科目目录中无效，请改用当年有效的科目。",
        )


def _three_public_increase(data: BudgetData, out: Collector) -> None:
    prior = PriorYearFigures.objects.filter(budget_id=data.budget.pk).first()
    if prior is None:
        return
    has_reason = (
        NarrativeSection.objects.filter(
            budget_id=data.budget.pk, key=NarrativeKey.REASON_THREE_PUBLIC
        )
        .exclude(text="")
        .exists()
    )
    figures = three_public_figures(data)
    for key, prior_field, label in THREE_PUBLIC_ITEMS:
        now, before = figures[key], getattr(prior, prior_field)
        if now > before and not has_reason:
            out.warning(
                "data-three-public",
                (8,),
                f"“三公”经费中{label} {money(now)} 万元高于上年 {money(before)} 万元，但未填写增加的主要原因。",
            )


def _project_goals(data: BudgetData, out: Collector) -> None:
    for project in data.projects:
        indicators = data.project_indicators.get(project.pk, [])
        if not indicators:
            out.warning(
                "data-project-goals", (12,), f"项目“{project.name}”（{project.code}）没有绩效指标。"
            )
        for indicator in indicators:
            if not indicator.value.strip():
                out.warning(
                    "data-indicator-value",
                    (12,),
                    f"项目“{project.name}”的绩效指标“{indicator.level3}”没有指标值。",
                )
    for indicator in data.department_indicators:
        if not indicator.value.strip():
            out.warning(
                "data-indicator-value", (11,), f"整体绩效指标“{indicator.level3}”没有指标值。"
            )


def _declared_totals(data: BudgetData, out: Collector) -> None:
    projects = Project.objects.filter(
        budget_id=data.budget.pk, declared_total__isnull=False
    ).annotate(lines_sum=Sum("lines__amount"))
    for project in projects:
        if message := project_total_error(project.declared_total, quantize(project.lines_sum)):
            out.error("data-project-total", (10,), f"项目“{project.name}”：{message}")
