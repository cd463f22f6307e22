#!/usr/bin/env bash
# One command for a newcomer: install, migrate, load the demo budgets, start the site.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PY=.venv/bin/python
$PY manage.py migrate --noinput
$PY manage.py load_catalogues
$PY manage.py load_demo
$PY manage.py ensure_demo_admin
# The background worker that renders PDFs (database queue); stops with this script.
$PY manage.py db_worker --queue-name '*' > db_worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT
PORT=${PORT:-8000}
echo
echo "站点地址：   http://127.0.0.1:${PORT}/"
echo "管理后台：   http://127.0.0.1:${PORT}/admin/   账号 admin / 密码 admin（仅限本地开发）"
echo "填报员示例： clerk060 / clerk060（只能看到新乡市红旗区医疗保障局）"
echo
$PY manage.py runserver "0.0.0.0:${PORT}"
