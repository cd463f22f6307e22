#!/usr/bin/env bash
# Run the whole test suite (lint first). SQLite by default; PostgreSQL when DATABASE_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "数据库：${DATABASE_URL:-sqlite（默认）}"
exec .venv/bin/python -m pytest "$@"
