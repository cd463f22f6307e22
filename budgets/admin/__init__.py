"""Chinese admin for data entry: catalogues, organisations, budgets, projects."""

from budgets.admin import budget, catalogues, organisation, projects  # noqa: F401
