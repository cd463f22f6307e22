"""填报进度 items several formats share: each asks the budget data whether a printed
item is entered (no queries; a format's ``progress`` composes them, see formats/base.py)."""

from budgets.models import NarrativeKey
from disclosures.keyfigures import key_figures
from disclosures.narrative.comparisons import comparisons
from disclosures.places import Link, Place, ProgressItem
from disclosures.tables.data import BudgetData


def narrative_items(data: BudgetData, keys: tuple[NarrativeKey, ...]) -> list[ProgressItem]:
    """The free texts the format prints (主要职责, 机构设置, 名词解释 …)."""
    return [
        ProgressItem(
            key.label,
            bool(data.narrative.get(key, "").strip()),
            Link(Place.NARRATIVE, key),
        )
        for key in keys
    ]


def lines_item(data: BudgetData) -> ProgressItem:
    return ProgressItem("支出明细", bool(data.cells), Link(Place.LINES))


def prior_year_item(data: BudgetData) -> ProgressItem:
    return ProgressItem("上年对比数", data.prior_year is not None, Link(Place.PRIOR_YEAR))


def reason_items(data: BudgetData) -> list[ProgressItem]:
    """A 增减主要原因 for every compared figure that changed against last year."""
    items = []
    for item in comparisons(data, key_figures(data)).values():
        if item.change.prior is None or not item.change.changed:
            continue
        items.append(
            ProgressItem(
                f"{item.label}增减原因",
                not item.missing_reason(data.narrative),
                Link(Place.NARRATIVE, item.reason_keys[0] if item.reason_keys else ""),
            )
        )
    return items


def project_items(data: BudgetData) -> list[ProgressItem]:
    """Each project's 绩效指标: at least one, each with its 指标值."""
    items = []
    for project in data.projects:
        indicators = data.project_indicators.get(project.pk, [])
        empty = sum(1 for i in indicators if not i.value.strip())
        detail = (
            "没有绩效指标" if not indicators else (f"{empty} 个指标没有指标值" if empty else "")
        )
        items.append(
            ProgressItem(
                f"项目“{project.name}”的绩效指标",
                bool(indicators) and not empty,
                Link(Place.PROJECT, str(project.pk)),
                detail,
            )
        )
    return items


def department_items(data: BudgetData) -> list[ProgressItem]:
    """部门整体绩效目标: 年度履职目标, 年度主要任务, 整体绩效指标 (each with a value)."""
    goal = data.goal is not None and bool(data.goal.objective.strip())
    empty = sum(1 for i in data.department_indicators if not i.value.strip())
    return [
        ProgressItem("年度履职目标", goal, Link(Place.GOAL)),
        ProgressItem("年度主要任务", bool(data.tasks), Link(Place.TASKS)),
        ProgressItem(
            "部门整体绩效指标",
            bool(data.department_indicators) and not empty,
            Link(Place.DEPARTMENT_INDICATORS),
            f"{empty} 个指标没有指标值" if empty else "",
        ),
    ]
