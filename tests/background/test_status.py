"""Queue state made visible: /healthz, ``tasks_status`` and the admin's 后台任务状态 page."""

import io
import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background.services import heartbeat_touch
from budgets.services.roles import CLERK_GROUP, FINANCE_GROUP
from disclosures.pdf.tasks import publication_render_pdfs
from tests.support.factories import DepartmentFactory, staff_of

pytestmark = pytest.mark.django_db


def _queued(*, waited: int) -> None:
    result = publication_render_pdfs.enqueue(1)
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - timedelta(seconds=waited)
    )


def test_healthz_is_ok_with_an_idle_queue(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    body = response.json()
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["queue"]["status"] == "ok" and body["queue"]["queued"] == 0


def test_healthz_is_503_when_work_waits_and_no_worker_beats(client, settings):
    settings.HEALTHZ_QUEUE_STALE_SECONDS = 600
    _queued(waited=601)
    response = client.get("/healthz")
    assert response.status_code == 503
    queue = response.json()["queue"]
    assert queue["status"] == "stale" and queue["queued"] == 1
    assert queue["oldest_queued_seconds"] >= 601 and queue["heartbeat_age_seconds"] is None

    heartbeat_touch(worker_id="busy", started_at=timezone.now())  # a worker is at it
    assert client.get("/healthz").status_code == 200


def test_healthz_is_503_when_the_queue_store_is_unreachable(client, settings):
    settings.RQ_QUEUES = {"default": {"URL": "redis://127.0.0.1:1/0"}}  # nothing listens
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "queue": {"status": "error"}}


def test_healthz_is_503_when_the_database_is_down(tmp_path):
    """A site whose database cannot be opened answers 503 (through the whole middleware
    stack) and says nothing secret."""
    code = (
        "import django; django.setup(); from django.test import Client;"
        "r = Client().get('/healthz'); print(r.status_code, r.content.decode())"
    )
    missing = tmp_path / "no" / "such" / "dir" / "db.sqlite3"
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"sqlite:///{missing}",
        "DJANGO_ALLOWED_HOSTS": "testserver",
    }
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=settings.BASE_DIR, env=env, capture_output=True,
        text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    status, body = out.strip().rsplit("\n", 1)[-1].split(" ", 1)
    assert status == "503"
    assert json.loads(body) == {
        "status": "error",
        "database": "error",
        "queue": {"status": "error"},
    }


def test_tasks_status_command(settings):
    settings.HEALTHZ_QUEUE_STALE_SECONDS = 600
    _queued(waited=700)
    out = io.StringIO()
    call_command("tasks_status", stdout=out)
    text = out.getvalue()
    assert "队列后端：database" in text and "排队中：1" in text and "失败：0" in text
    assert "已等待 7" in text and "工作进程最后心跳：无" in text and "状态：异常" in text
    with pytest.raises(CommandError, match="任务队列异常"):
        call_command("tasks_status", "--check", stdout=io.StringIO())

    heartbeat_touch(worker_id="w", started_at=timezone.now())
    out = io.StringIO()
    call_command("tasks_status", "--check", stdout=out)
    assert "状态：正常" in out.getvalue() and "秒前" in out.getvalue()


def test_admin_status_page_for_the_finance_bureau_only(client):
    department = DepartmentFactory()
    _queued(waited=5)
    heartbeat_touch(worker_id="w", started_at=timezone.now())
    url = "/admin/background/workerheartbeat/"
    client.force_login(staff_of(FINANCE_GROUP, region=department.region, username="fin"))
    page = client.get(url).content.decode()
    for text in ("后台任务状态", "排队中", "<td>1</td>", "已等待", "工作进程最后心跳", "正常"):
        assert text in page
    assert "后台任务状态" in client.get("/admin/").content.decode()  # listed on the index

    client.force_login(staff_of(CLERK_GROUP, department=department, username="clerk"))
    assert client.get(url).status_code == 403
    assert "后台任务状态" not in client.get("/admin/").content.decode()


def test_healthz_is_not_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True  # production: a plain-HTTP probe must still be answered
    assert client.get("/healthz").status_code == 200
    assert client.get("/").status_code == 301
