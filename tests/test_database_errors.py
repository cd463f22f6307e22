"""A dropped, busy or locked database: the next request works, a failing one gets 503.

Requests go through Django's real WSGI handler in the test's own thread — as a sync
gunicorn worker serves them: one persistent connection (``CONN_MAX_AGE``) reused from
request to request, with the request signals that check and close it. (The test client
switches those signals off, and the live server closes its connections after every
request, so neither would show a stale persistent connection.)
"""

import sqlite3
from wsgiref.util import setup_testing_defaults

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.db import OperationalError, connection
from django.test import Client, RequestFactory

from config.errors import server_error
from tests.support.factories import BudgetFactory, staff_of
from tests.support.html import form_values

# serialized_rollback: the flush of a transactional test would remove the catalogues.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="terminating a server backend needs PostgreSQL (SQLite has no server)",
)
sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's write lock ('database is locked')"
)


def wsgi_get(path: str, cookie: str = "") -> tuple[int, str, dict]:
    """GET ``path`` through the WSGI handler: (status, body, headers)."""
    environ = {"PATH_INFO": path, "HTTP_COOKIE": cookie}
    setup_testing_defaults(environ)
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"], started["headers"] = status, dict(headers)

    response = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(response).decode()
    finally:
        response.close()  # sends request_finished, as a server does
    return int(started["status"].split()[0]), body, started["headers"]


def _terminate(pid: int) -> None:
    """Kill one server backend from another connection, waiting until it is gone."""
    import psycopg

    settings = connection.settings_dict
    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        autocommit=True,
    ) as killer:
        killer.execute("SELECT pg_terminate_backend(%s, 5000)", [pid])


def _backend_pid() -> int:
    return connection.connection.info.backend_pid


@postgres_only
def test_a_connection_dropped_between_requests_is_replaced():
    assert wsgi_get("/")[0] == 200
    stale = _backend_pid()  # kept open by CONN_MAX_AGE for the next request
    _terminate(stale)

    status, body, _ = wsgi_get("/")

    assert status == 200, body[:300]
    assert _backend_pid() != stale


@postgres_only
def test_a_connection_dropped_during_a_request_gives_the_chinese_503_page():
    assert wsgi_get("/")[0] == 200
    killed = []

    def kill_first_query(execute, sql, params, many, context):
        if not killed:  # the health check has passed; the request's own query fails
            killed.append(context["connection"].connection.info.backend_pid)
            _terminate(killed[0])
        return execute(sql, params, many, context)

    with connection.execute_wrapper(kill_first_query):
        status, body, headers = wsgi_get("/")

    assert killed
    assert status == 503
    assert "系统繁忙，请稍后重试" in body and "Traceback" not in body
    assert headers["Retry-After"] == "5"
    assert wsgi_get("/")[0] == 200  # the broken connection was closed, a new one works


@sqlite_only
def test_a_write_lock_held_too_long_gives_the_chinese_503_page():
    budget = BudgetFactory()
    clerk = staff_of("填报员", department=budget.department, username="c")
    client = Client()
    client.force_login(clerk)
    page = f"/admin/budgets/budget/{budget.pk}/change/"
    data = form_values(client.get(page).content.decode())

    options = connection.settings_dict["OPTIONS"]
    timeout = options["timeout"]
    other = sqlite3.connect(connection.settings_dict["NAME"], isolation_level=None)
    try:
        options["timeout"] = 0.2  # instead of waiting 20 s for the other writer
        connection.close()
        other.execute("BEGIN IMMEDIATE")  # another process is writing, for too long
        response = client.post(page, data)
    finally:
        other.rollback()
        other.close()
        options["timeout"] = timeout
        connection.close()

    assert response.status_code == 503
    assert "系统繁忙，请稍后重试" in response.content.decode()
    assert client.post(page, data).status_code == 302  # saved once the lock is free


def test_handler500_answers_503_for_a_database_failure_outside_a_view():
    request = RequestFactory().get("/")
    try:
        raise OperationalError("database is locked")
    except OperationalError:
        response = server_error(request)
    assert response.status_code == 503
    assert "系统繁忙，请稍后重试" in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        response = server_error(request)
    assert response.status_code == 500
    assert "服务器内部错误" in response.content.decode()
