"""Downloads of a published disclosure: XLSX workbook, CSV files (and their ZIP)."""
