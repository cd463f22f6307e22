"""Stale tasks are re-queued, live ones are not, and one PDF is queued once in the database."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from background.models import WorkerHeartbeat
from background.services import heartbeat_touch, tasks_requeue_stale
from disclosures.pdf.files import table_pdf_exists
from disclosures.pdf.tasks import pdf_enqueue, publication_render_pdfs
from disclosures.services.publishing import publication_create
from tests.disclosures.pdf.workers import RENDERED_TABLE, leave_one_table
from tests.support.factories import BudgetFactory

pytestmark = pytest.mark.django_db


def _running(*, worker_ids, started_ago: int) -> DBTaskResult:
    result = DBTaskResult.objects.get(pk=publication_render_pdfs.enqueue(1).id)
    result.status = TaskResultStatus.RUNNING
    result.worker_ids = worker_ids
    result.started_at = timezone.now() - timedelta(seconds=started_ago)
    result.save()
    return result


@pytest.fixture
def stale_after_a_minute(settings):
    settings.TASKS_STALE_SECONDS = 60
    settings.TASKS_MAX_ATTEMPTS = 3


def test_task_left_running_by_a_dead_worker_is_requeued_after_the_timeout(stale_after_a_minute):
    dead = _running(worker_ids=["dead"], started_ago=61)
    recent = _running(worker_ids=["busy"], started_ago=30)
    assert tasks_requeue_stale(backend_name="default") == (1, 0)
    dead.refresh_from_db()
    recent.refresh_from_db()
    assert dead.status == TaskResultStatus.READY and dead.started_at is None
    assert recent.status == TaskResultStatus.RUNNING  # not yet past the timeout


def test_a_long_task_of_a_worker_still_beating_is_left_alone(stale_after_a_minute):
    long = _running(worker_ids=["alive"], started_ago=600)
    heartbeat_touch(worker_id="alive", started_at=timezone.now())
    assert tasks_requeue_stale(backend_name="default") == (0, 0)
    long.refresh_from_db()
    assert long.status == TaskResultStatus.RUNNING


def test_a_task_that_killed_its_workers_too_often_is_failed(stale_after_a_minute):
    doomed = _running(worker_ids=["a", "b", "c"], started_ago=61)
    assert tasks_requeue_stale(backend_name="default") == (0, 1)
    doomed.refresh_from_db()
    assert doomed.status == TaskResultStatus.FAILED
    assert doomed.exception_class_path == "background.services.TaskAbandoned"


def test_heartbeat_is_one_row_per_worker_and_old_rows_go():
    WorkerHeartbeat.objects.create(
        worker_id="gone", hostname="h", pid=1, started_at=timezone.now(),
        seen_at=timezone.now() - timedelta(days=8),
    )  # fmt: skip
    heartbeat_touch(worker_id="w1", started_at=timezone.now())
    heartbeat_touch(worker_id="w1", started_at=timezone.now())
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["w1"]


def test_the_same_pdf_is_never_queued_twice_by_two_web_processes():
    publication = publication_create(budget=BudgetFactory())
    assert pdf_enqueue(publication=publication)
    cache.clear()  # another web process: its own (per-process) cache knows nothing
    assert not pdf_enqueue(publication=publication)
    assert DBTaskResult.objects.count() == 1


def test_a_finished_rendering_may_be_queued_again():
    publication = publication_create(budget=BudgetFactory())
    assert pdf_enqueue(publication=publication)
    DBTaskResult.objects.update(status=TaskResultStatus.FAILED)
    assert pdf_enqueue(publication=publication)  # e.g. after a failed render
    assert DBTaskResult.objects.count() == 2
    DBTaskResult.objects.all().delete()  # pruned results: queue anew
    assert pdf_enqueue(publication=publication)


def test_the_immediate_backend_renders_at_once(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    publication = publication_create(budget=BudgetFactory())
    leave_one_table(publication)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    assert pdf_enqueue(publication=publication)
    assert table_pdf_exists(publication, RENDERED_TABLE)
