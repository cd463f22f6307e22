"""Shared fixtures. The catalogues are loaded by migration 0002, so every test database has them."""

import pytest

from tests.support import moved

moved.install()


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hasher():
    """Tests hash a password for every user they make: PBKDF2 takes ~0.3 s a time, MD5
    microseconds. Production keeps Django's default hashers (settings.py)."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True, scope="session")
def _process_media_root(tmp_path_factory):
    """Generated files go to this test process's own directory (never the repository's
    media/, never another process's under pytest-xdist); tests may set their own."""
    from django.test.utils import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(autouse=True, scope="session")
def _serialized_rows_in_bulk():
    """Serialized-rollback tests get the migrated rows back by bulk inserts (tests/support/
    database.py; ``tests/test_migrated_database.py`` checks it gives Django's rows)."""
    from django.db import connection

    from tests.support.database import faster_restore

    faster_restore(connection.creation)


@pytest.fixture(autouse=True, scope="session")
def _flush_by_delete():
    """PostgreSQL: a transactional test's flush deletes the rows rather than truncating the
    tables (tests/support/database.py; ``tests/test_migrated_database.py`` flushes)."""
    from django.db import connection

    from tests.support.database import faster_flush

    if connection.vendor == "postgresql":
        faster_flush(connection.ops)


@pytest.fixture(autouse=True, scope="session")
def _pdf_rendered_once():
    """WeasyPrint turns the same HTML into the same bytes (no dates, no random ids), in
    seconds for a whole demo document: a test process renders each distinct HTML once and
    hands every later caller the same bytes. Any change to a disclosure, template or CSS
    changes the HTML, so that is rendered for real (tests/test_pdf_cache.py)."""
    from disclosures.pdf import render

    real = render.html_to_pdf
    rendered: dict[str, bytes] = {}

    def html_to_pdf(html: str) -> bytes:
        if html not in rendered:
            rendered[html] = real(html)
        return rendered[html]

    render.html_to_pdf = html_to_pdf
    yield rendered
    render.html_to_pdf = real


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: SQLite may reuse a rolled-back row's id."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture(autouse=True)
def _own_media_root(settings, tmp_path):
    """Generated files (PDFs, pre-rendered pages) of a test go to its own directory: ids
    repeat between tests, and publishing removes a budget's stored manifest."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def _demo_snapshots(django_db_setup, django_db_blocker):
    """``load_demo`` run once per test process and state (published, drafts), before any
    test's transaction, its rows kept to be copied (tests/support/demo.py)."""
    from tests.support.database import migrated_database
    from tests.support.demo import Snapshots

    snapshots = Snapshots()
    with migrated_database(django_db_blocker):
        snapshots.get()
        snapshots.get("--draft")
    return snapshots


def _demo(request, snapshots, *options: str) -> dict:
    from django.db import connection

    from tests.support.demo import demo_load

    if connection.in_atomic_block or "live_server" in request.fixturenames:
        # In a test's transaction, or committed for a live server's tests (a browser has
        # no use for the PDF tasks that publishing queues when it commits).
        return snapshots.get(*options).restore()
    # Another transactional test (workers, concurrent requests) commits for real, with the
    # on-commit work of publishing (the PDF tasks): it runs load_demo itself.
    return demo_load(*options)


@pytest.fixture
def demo_budgets(request, _demo_snapshots, db):
    """Both demo budgets loaded and published (version 1) through ``load_demo``: a copy, in
    the test's transaction, of the rows it wrote once per test process (tests/support/demo.py)."""
    return _demo(request, _demo_snapshots)


@pytest.fixture
def demo_drafts(request, _demo_snapshots, db):
    """Both demo budgets loaded as drafts (``load_demo --draft``), for tests that edit them."""
    return _demo(request, _demo_snapshots, "--draft")
