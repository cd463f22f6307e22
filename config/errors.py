"""When the database is busy or gone: a Chinese 503 page, never a 500 traceback page.

A write lock held longer than the busy timeout (SQLite ``database is locked``), a
PostgreSQL deadlock or lock time-out, or a connection terminated in the middle of a
request are *operational* failures: nothing the user did is wrong, the transaction has
been rolled back, and the same request will work a moment later. Django would answer
them with a 500. ``DatabaseUnavailableMiddleware`` answers 503 "系统繁忙，请稍后重试"
with ``Retry-After`` for failures raised by a view, and ``server_error`` (the project's
``handler500``) does the same for failures raised anywhere else (e.g. a middleware
saving the session), so the last resort is always the Chinese page.

The pages are rendered without the request: no context processor may touch the database
that has just failed.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template.loader import render_to_string

logger = logging.getLogger("django.request")

BUSY_STATUS = 503
RETRY_AFTER_SECONDS = 5
BUSY_FALLBACK = "<!DOCTYPE html><title>系统繁忙</title><h1>系统繁忙，请稍后重试</h1>"
ERROR_FALLBACK = "<!DOCTYPE html><title>服务器错误</title><h1>服务器内部错误，请稍后重试</h1>"

# InterfaceError: psycopg's "connection already closed" after the backend went away.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def _page(template: str, fallback: str) -> str:
    try:
        return render_to_string(template)
    except Exception:  # an error page must not fail itself (e.g. a missing static manifest)
        logger.exception("错误页面 %s 无法渲染", template)
        return fallback


def busy_response() -> HttpResponse:
    """The Chinese 503 page, telling browsers and load balancers to retry shortly."""
    response = HttpResponse(_page("503.html", BUSY_FALLBACK), status=BUSY_STATUS)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """Turn a view's operational database failure into the 503 page (logged as an error)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_UNAVAILABLE):
            return None
        logger.error(
            "数据库暂不可用（%s），已返回 503：%s",
            type(exception).__name__,
            request.path,
            exc_info=exception,
        )
        return busy_response()


def server_error(request):
    """``handler500``: the 503 page for database failures, else the Chinese 500 page."""
    exception = sys.exc_info()[1]
    if isinstance(exception, DATABASE_UNAVAILABLE):
        return busy_response()
    return HttpResponseServerError(_page("500.html", ERROR_FALLBACK))
