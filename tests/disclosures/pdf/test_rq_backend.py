"""The RQ backend against the real Redis server: queued once, worked by a real rq worker.

Redis database 2 (``RQ_TEST_REDIS_URL``) is emptied before and after. Skipped — saying
why — only when no Redis server answers.
"""

import io
import os

import django_rq
import pytest
import redis
from django.core.management import call_command
from django_tasks_rq.backend import Job
from pypdf import PdfReader
from rq import SimpleWorker

from background.models import QueuedTask
from disclosures.pdf.files import table_pdf_exists
from disclosures.pdf.tasks import publication_render_pdfs
from disclosures.services.publishing import publication_create
from tests.disclosures.pdf.conftest import squeeze
from tests.disclosures.pdf.workers import RENDERED_TABLE, leave_one_table
from tests.support.factories import BudgetFactory

# Database 2, and under pytest-xdist one database per worker process (gw0 → 2, gw1 → 3 …),
# so that two processes never flush each other's queue.
WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
REDIS_URL = os.environ.get("RQ_TEST_REDIS_URL", f"redis://127.0.0.1:6379/{2 + WORKER % 14}")


@pytest.fixture
def rq_backend(settings, tmp_path):
    server = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"Redis 不可达（{REDIS_URL}）：跳过 RQ 后端测试")
    server.flushdb()
    settings.MEDIA_ROOT = tmp_path
    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    yield django_rq.get_queue("default", job_class=Job)
    server.flushdb()


def _status() -> str:
    out = io.StringIO()
    call_command("tasks_status", stdout=out)
    return out.getvalue()


# The rq worker runs the task in this process, which closes connections between jobs.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_pdf_is_queued_once_in_redis_and_made_by_an_rq_worker(client, rq_backend):
    budget = BudgetFactory()
    publication = publication_create(budget=budget)  # queues the rendering
    leave_one_table(publication)
    department = budget.department
    url = f"/disclosures/{department.region.code}/{budget.year}/{department.code}/"
    assert rq_backend.count == 1
    assert client.get(f"{url}tables/{RENDERED_TABLE}.pdf").status_code == 202
    assert rq_backend.count == 1  # asking again queues nothing more
    assert "队列后端：rq" in _status() and "排队中：1" in _status()

    worker = django_rq.get_worker("default", job_class=Job, worker_class=SimpleWorker)
    assert worker.work(burst=True)

    result_id = QueuedTask.objects.get(key=f"pdf:{publication.pk}").result_id
    assert publication_render_pdfs.get_result(result_id).status == "SUCCESSFUL"
    assert table_pdf_exists(publication, RENDERED_TABLE)
    response = client.get(f"{url}tables/{RENDERED_TABLE}.pdf")
    assert response.status_code == 200
    reader = PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    assert "2022年部门支出预算表" in squeeze(reader.pages[0].extract_text())
    status = _status()
    assert "排队中：0" in status and "失败：0" in status
    assert "心跳：无" in status  # a burst worker unregisters when it is done

    assert client.get(f"{url}tables/{RENDERED_TABLE}.pdf").status_code == 200
    assert rq_backend.count == 0
