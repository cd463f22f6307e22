"""One Excel workbook per department-year budget: export, preview (dry run) and import."""
