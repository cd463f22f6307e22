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
# The background worker that renders PDFs (database queue), supervised: whenever it exits
# (crash, kill, out of memory) it is started again after a pause; it stops with this script.
supervise_worker() {
  local child="" status
  trap '[ -n "$child" ] && kill "$child" 2>/dev/null; exit 0' TERM INT
  while true; do
    $PY manage.py task_worker >> task_worker.log 2>&1 &
    child=$!
    status=0
    wait "$child" || status=$?
    echo "$(date '+%F %T') 后台任务进程已退出（退出码 ${status}），5 秒后重启。" >> task_worker.log
    sleep 5 &
    wait $! || true
  done
}
supervise_worker &
SUPERVISOR=$!
trap 'kill $SUPERVISOR 2>/dev/null || true' EXIT
PORT=${PORT:-8000}
echo
echo "站点地址：   http://127.0.0.1:${PORT}/"
echo "管理后台：   http://127.0.0.1:${PORT}/admin/   账号 admin / 密码 admin（仅限本地开发）"
echo "健康检查：   http://127.0.0.1:${PORT}/healthz   后台任务日志：task_worker.log"
echo "填报员示例： clerk060 / clerk060（只能看到新乡市红旗区医疗保障局）"
echo
$PY manage.py runserver "0.0.0.0:${PORT}"
