"""Shared fixtures. The catalogues are loaded by migration 0002, so every test database has them."""

import pytest


def _demo(*options):
    from django.core.management import call_command

    call_command("load_demo", *options, verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    from budgets.models import Budget

    return {
        "000": Budget.objects.get(department__region__code="410702", fiscal_year__year=2022),
        "001": Budget.objects.get(department__region__code="411200", fiscal_year__year=2023),
        "002": Budget.objects.get(department__region__code="420323", fiscal_year__year=2022),
        "003": Budget.objects.get(department__region__code="130609", fiscal_year__year=2024),
    }


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hasher():
    """Tests hash a password for every user they make: PBKDF2 takes ~0.3 s a time, MD5
    microseconds. Production keeps Django's default hashers (settings.py)."""
    from django.test.utils import override_settings

    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


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


@pytest.fixture
def demo_budgets(db):
    """Both demo budgets loaded and published (version 1) through ``load_demo``."""
    return _demo()


@pytest.fixture
def demo_drafts(db):
    """Both demo budgets loaded as drafts (``load_demo --draft``), for tests that edit them."""
    return _demo("--draft")
