"""django-import-export resources of the budget workbook: one per sheet of ``layout.SHEETS``.

The column names are the Chinese headers of ``layout.py``; codes are text, amounts
Decimal 万元. The workbook export and import and the per-model admin pages all use these.
"""

from budgets.workbook.resources.base import (
    BudgetLookups,
    SheetField,
    SheetResource,
    result_problems,
)
from budgets.workbook.resources.forms import (
    DepartmentGoalResource,
    OtherLineResource,
    PriorTotalsResource,
    ProjectPlanResource,
    ProjectTextResource,
)
from budgets.workbook.resources.lines import (
    BasicLineResource,
    ProjectIndicatorResource,
    ProjectLineResource,
    ProjectResource,
    UnitResource,
)
from budgets.workbook.resources.other import (
    AssetResource,
    GoalIndicatorResource,
    GoalResource,
    InfoResource,
    NarrativeResource,
    PriorYearResource,
    ProcurementResource,
    TaskResource,
    TransferResource,
)

# Sheet key (layout.py) → its resource, in the order the workbook is read.
RESOURCES = {
    "info": InfoResource,
    "units": UnitResource,
    "basic_lines": BasicLineResource,
    "other_lines": OtherLineResource,
    "projects": ProjectResource,
    "project_lines": ProjectLineResource,
    "project_indicators": ProjectIndicatorResource,
    "project_texts": ProjectTextResource,
    "project_plans": ProjectPlanResource,
    "objective": GoalResource,
    "tasks": TaskResource,
    "department_goals": DepartmentGoalResource,
    "indicators": GoalIndicatorResource,
    "narrative": NarrativeResource,
    "prior_totals": PriorTotalsResource,
    "previous_year": PriorYearResource,
    "procurement": ProcurementResource,
    "assets": AssetResource,
    "transfer_payments": TransferResource,
}

__all__ = [
    "RESOURCES",
    "AssetResource",
    "BasicLineResource",
    "BudgetLookups",
    "DepartmentGoalResource",
    "OtherLineResource",
    "PriorTotalsResource",
    "ProjectPlanResource",
    "ProjectTextResource",
    "GoalIndicatorResource",
    "GoalResource",
    "InfoResource",
    "NarrativeResource",
    "PriorYearResource",
    "ProcurementResource",
    "ProjectIndicatorResource",
    "ProjectLineResource",
    "ProjectResource",
    "SheetField",
    "SheetResource",
    "TaskResource",
    "TransferResource",
    "UnitResource",
    "result_problems",
]
