"""Chinese admin for data entry: catalogues, organisations, budgets, projects."""

from budgets.admin import (  # noqa: F401
    budget,
    catalogues,
    organisation,
    projects,
    users,  # noqa: E402,F401
)
