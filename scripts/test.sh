#!/usr/bin/env bash
# Run the whole test suite (lint first). SQLite by default; PostgreSQL when DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy  # type check budgets, disclosures, background, config (pyproject.toml)
.venv/bin/python manage.py makemigrations --check --dry-run  # no model change without its migration
echo "数据库：${DATABASE_URL:-sqlite（默认）}"
# Two processes (pytest-xdist; TEST_PROCESSES=0 for one). Tests are handed out in
# pytest-django's order (transactional ones, which empty the database, last in each
# process); modules whose tests share state are marked xdist_group and run in one process.
exec .venv/bin/python -m pytest -n "${TEST_PROCESSES:-2}" --dist loadgroup "$@"
