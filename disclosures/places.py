"""Where a clerk enters something: the target of a 填报进度 item or of a check's link.

Format-neutral and free of URLs: the admin (``budgets/admin/progress.py``) turns a
:class:`Link` into the address of the page, inline or line where it is entered.
"""

from dataclasses import dataclass
from enum import StrEnum


class Place(StrEnum):
    NARRATIVE = "narrative"  # key: a NarrativeKey
    PRIOR_YEAR = "prior_year"
    LINES = "lines"  # the budget's basic lines
    LINE = "line"  # key: an ExpenditureLine pk
    PROJECT = "project"  # key: a Project pk
    GOAL = "goal"  # 部门整体绩效目标
    TASKS = "tasks"  # 年度主要任务
    DEPARTMENT_INDICATORS = "department_indicators"


@dataclass(frozen=True)
class Link:
    place: Place
    key: str = ""


@dataclass(frozen=True)
class ProgressItem:
    """One thing the budget's format prints: is it entered, and where is it entered."""

    label: str
    done: bool
    link: Link
    detail: str = ""  # e.g. “3 个项目缺少绩效指标”
