#!/usr/bin/env bash
# Refresh docs/screenshots/ (home, a disclosure page, the region page and its charts;
# desktop 1280 px and phone 375 px; the clerks' line-entry grid, read-only grid and the
# budget page's 填报进度 list at 1280 px)
# by running the browser end-to-end test with SCREENSHOTS_DIR set.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SCREENSHOTS_DIR="$PWD/docs/screenshots" .venv/bin/python -m pytest tests/e2e -q -p no:cacheprovider
ls -l docs/screenshots/
