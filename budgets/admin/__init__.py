"""Chinese admin for data entry: catalogues, organisations, budgets, projects."""

from budgets.admin import (  # noqa: F401
    budget,
    catalogues,
    organisation,
    projects,
    rows,
    users,  # noqa: E402,F401
)
