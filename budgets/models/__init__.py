"""Domain models of a department budget. See docs/glossary.md for the Chinese terms."""

from budgets.models.budget import (
    Budget,
    BudgetStatus,
    NarrativeKey,
    NarrativeSection,
    PriorYearFigures,
)
from budgets.models.catalogues import (
    ClassificationLevel,
    CorrespondenceScope,
    EconomicCorrespondence,
    EconomicScheme,
    EconomicSubject,
    FunctionalSubject,
    correspondence_scope,
)
from budgets.models.lines import (
    CostType,
    ExpenditureLine,
    LineKind,
    Project,
    ProjectKind,
    default_cost_type,
)
from budgets.models.organisation import (
    PROVINCE_FORMATS,
    BudgetUnit,
    Department,
    DisclosureFormat,
    FiscalYear,
    Region,
    StaffProfile,
    UnitKind,
)
from budgets.models.other import (
    AssetCategory,
    AssetHolding,
    ProcurementCategory,
    ProcurementItem,
    TransferPayment,
)
from budgets.models.performance import (
    DepartmentIndicator,
    DepartmentTask,
    PerformanceGoal,
    ProjectIndicator,
    ProjectIndicatorLevel1,
)
from budgets.models.workflow import BudgetTransition, TransitionAction

__all__ = [
    "AssetCategory",
    "AssetHolding",
    "Budget",
    "BudgetStatus",
    "BudgetTransition",
    "BudgetUnit",
    "ClassificationLevel",
    "CorrespondenceScope",
    "CostType",
    "Department",
    "DisclosureFormat",
    "PROVINCE_FORMATS",
    "DepartmentIndicator",
    "DepartmentTask",
    "EconomicCorrespondence",
    "EconomicScheme",
    "EconomicSubject",
    "ExpenditureLine",
    "FiscalYear",
    "FunctionalSubject",
    "LineKind",
    "NarrativeKey",
    "NarrativeSection",
    "PerformanceGoal",
    "PriorYearFigures",
    "ProcurementCategory",
    "ProcurementItem",
    "Project",
    "ProjectIndicator",
    "ProjectIndicatorLevel1",
    "ProjectKind",
    "Region",
    "StaffProfile",
    "TransferPayment",
    "TransitionAction",
    "UnitKind",
    "correspondence_scope",
    "default_cost_type",
]
