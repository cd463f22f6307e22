"""Transient database errors: which they are, and how a background job gets past them."""

import functools
import logging
import time

from django.db import InterfaceError, OperationalError, connections, transaction
from django_tasks_db.utils import exclusive_transaction

logger = logging.getLogger("background")

# A locked SQLite file, a PostgreSQL connection that was terminated or timed out, a
# server restart: the next attempt on a fresh connection may well succeed. Programming
# and integrity errors are not transient and are never retried.
TRANSIENT_DATABASE_ERRORS = (OperationalError, InterfaceError)


def connections_reset() -> None:
    """Close every open connection so the next query opens a fresh one.

    A connection inside an atomic block is left alone: closing it would silently drop the
    caller's transaction (the error then surfaces to the caller instead).
    """
    for connection in connections.all(initialized_only=True):
        if not connection.in_atomic_block:
            connection.close()


def exclusive_write(using: str | None = None):
    """An atomic block that, on SQLite, takes the write lock first (``BEGIN EXCLUSIVE``).

    django-tasks-db's ``exclusive_transaction`` sets the mode on the connection object, but
    opening a connection resets it: on a connection not yet open the block would begin
    DEFERRED, read, then fail at once with ``database is locked`` when it tries to write
    while another connection writes. So the connection is opened first.
    """
    transaction.get_connection(using).ensure_connection()
    return exclusive_transaction(using)


def database_retry(*, attempts: int = 3, delay: float = 1.0):
    """Run an idempotent background job again after a transient database error.

    The job is re-run from the start on a fresh connection, waiting ``delay``, then twice
    that, and so on; the last error is raised.
    """

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for attempt in range(1, attempts + 1):
                try:
                    return func(*args, **kwargs)
                except TRANSIENT_DATABASE_ERRORS as error:
                    if attempt == attempts:
                        raise
                    wait = delay * 2 ** (attempt - 1)
                    logger.warning(
                        "任务 %s 遇到暂时性数据库错误（%s），%.1f 秒后重试（第 %d 次）",
                        func.__name__,
                        error,
                        wait,
                        attempt,
                    )
                    connections_reset()
                    time.sleep(wait)
            return None  # not reached: the loop returns or raises

        return wrapper

    return decorate
