"""The test database as migrated (catalogues, roles), for fixtures wider than one test.

A transactional test (live server, workers) commits for real; at its end Django empties
every table (``flush``) and, with ``serialized_rollback``, puts the migrated rows back only
at the *next* transactional test's set-up. In between the database is empty. pytest sets
up session- and module-scoped fixtures before a test's own database fixture, so such a
fixture first needed by a transactional test that follows another one found no catalogue:
``load_demo`` stopped with “功能分类科目 2101501 在目录中不存在” (``scripts/screenshots.sh``,
all browser tests in one process). ``migrated_database`` restores the migrated rows first,
as that set-up would (``tests/test_migrated_database.py``).
"""

from collections import defaultdict
from contextlib import contextmanager

from django.core import serializers
from django.db import connection, transaction


def database_emptied() -> bool:
    """True when no catalogue entry is there (migration 0002 loads them): flushed."""
    from budgets.models import FunctionalSubject

    return not FunctionalSubject.objects.exists()


def database_migrated_restore() -> None:
    """Put back the rows the migrations wrote, from the copy Django serialised when it
    created the test database (the rows are saved by key: rows that are there stay)."""
    contents = getattr(connection, "_test_serialized_contents", None)
    if contents is None:
        raise RuntimeError(
            "测试数据库已被清空，且没有迁移后数据的序列化副本：事务性测试须使用 serialized_rollback"
        )
    connection.creation.deserialize_db_from_string(contents)


def rows_insert(data: str) -> None:
    """What Django's ``deserialize_db_from_string`` does, for an emptied database: the rows
    inserted table by table with ``bulk_create`` (Django saves them one at a time, two
    queries each: a second before every transactional test). Foreign keys are checked
    at the end, as there."""
    rows: dict[type, list] = defaultdict(list)
    links: dict[type, list] = defaultdict(list)
    for item in serializers.deserialize("json", data, using=connection.alias):
        obj = item.object
        rows[type(obj)].append(obj)
        for name, keys in (item.m2m_data or {}).items():
            field = obj._meta.get_field(name)
            through = field.remote_field.through
            own = through._meta.get_field(field.m2m_field_name()).attname
            other = through._meta.get_field(field.m2m_reverse_field_name()).attname
            links[through] += [through(**{own: obj.pk, other: key}) for key in keys]
    with transaction.atomic(), connection.constraint_checks_disabled():
        for model, objects in [*rows.items(), *links.items()]:
            model._base_manager.bulk_create(objects)
        tables = {model._meta.db_table for model in [*rows, *links]}
        connection.check_constraints(table_names=sorted(tables))


def faster_restore(creation) -> None:
    """Make ``creation.deserialize_db_from_string`` (called by every serialized-rollback
    test's set-up) insert in bulk when the database is empty, as it is after a flush."""
    django_restore = creation.deserialize_db_from_string

    def restore(data: str) -> None:
        if database_emptied():
            rows_insert(data)
        else:
            django_restore(data)

    creation.deserialize_db_from_string = restore


def faster_flush(operations) -> None:
    """Make PostgreSQL's flush (the end of every transactional test) ``DELETE`` the rows
    instead of ``TRUNCATE`` the tables: a test leaves a few thousand rows, and TRUNCATE
    replaces each of the sixty tables' files (~0.4 s a flush, DELETE ~0.03 s). The tables
    end up as empty either way; every foreign key is deferrable (Django makes them so),
    checked at the flush's commit. Resetting sequences or cascading keeps Django's SQL."""
    django_flush = operations.sql_flush

    def sql_flush(style, tables, *, reset_sequences=False, allow_cascade=False):
        if not tables or reset_sequences or allow_cascade:
            return django_flush(
                style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        quote = operations.quote_name
        return ["SET CONSTRAINTS ALL DEFERRED;"] + [
            f"DELETE FROM {quote(table)};" for table in tables
        ]

    operations.sql_flush = sql_flush


@contextmanager
def migrated_database(django_db_blocker):
    """Database access for a session- or module-scoped fixture, on the migrated rows."""
    with django_db_blocker.unblock():
        if database_emptied():
            database_migrated_restore()
        yield
