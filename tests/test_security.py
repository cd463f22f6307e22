"""Login lock-out, CSP and security headers, CSRF, deployment check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.support.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_repeated_login_failures_lock_the_account(settings):
    UserFactory(username="alice")
    client = Client()
    url = reverse("admin:login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "alice", "password": "wrong"})
    response = client.post(url, {"username": "alice", "password": "pass-12345"})
    assert "登录已被暂时锁定" in response.content.decode()
    assert "_auth_user_id" not in client.session


LOCKED = "登录已被暂时锁定"


def _fail(client, username, address):
    url = reverse("admin:login")
    return client.post(url, {"username": username, "password": "wrong"}, REMOTE_ADDR=address)


def _login(username, address):
    client = Client()
    response = client.post(
        reverse("admin:login"),
        {"username": username, "password": "pass-12345"},
        REMOTE_ADDR=address,
    )
    return response, client


@pytest.fixture
def _fast_hasher(settings):
    """Many logins per test: hash cheaply (each failure still runs the hasher once)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_limits_are_per_user_and_per_address(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_ADDRESS_FAILURE_LIMIT == 30


@pytest.mark.usefixtures("_fast_hasher")
def test_many_user_names_from_one_address_lock_the_address(settings):
    UserFactory(username="dora")
    client = Client()
    names = [f"guess{n}" for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT)]
    # One failure per name (far below the per-user limit); together they reach the address's.
    responses = [_fail(client, name, "203.0.113.7") for name in names]
    assert LOCKED not in responses[-2].content.decode()
    assert LOCKED in responses[-1].content.decode()
    response, locked_client = _login("dora", "203.0.113.7")  # right password, locked address
    assert LOCKED in response.content.decode()
    assert "_auth_user_id" not in locked_client.session
    response, other_client = _login("dora", "198.51.100.9")  # another address still works
    assert response.status_code == 302
    assert other_client.session["_auth_user_id"] == str(UserFactory(username="dora").pk)


@pytest.mark.usefixtures("_fast_hasher")
def test_a_colleagues_login_does_not_reset_the_address_count(settings):
    UserFactory(username="erin")
    client = Client()
    for n in range(settings.AXES_ADDRESS_FAILURE_LIMIT - 1):
        _fail(client, f"guess{n}", "203.0.113.8")
    response, _ = _login("erin", "203.0.113.8")  # below the limit: a colleague gets in
    assert response.status_code == 302
    assert LOCKED in _fail(client, "guess-last", "203.0.113.8").content.decode()


@pytest.mark.usefixtures("_fast_hasher")
def test_one_user_retrying_does_not_lock_out_the_colleagues(settings):
    UserFactory(username="gina")
    client = Client()
    for _ in range(settings.AXES_ADDRESS_FAILURE_LIMIT + 5):  # long after their own lock-out
        _fail(client, "hasty", "203.0.113.10")
    assert _login("gina", "203.0.113.10")[0].status_code == 302


@pytest.mark.usefixtures("_fast_hasher")
def test_a_user_below_both_limits_still_logs_in(settings):
    UserFactory(username="fred")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        _fail(client, "fred", "203.0.113.9")
    assert _login("fred", "203.0.113.9")[0].status_code == 302


def test_correct_login_works(db):
    UserFactory(username="bob")
    client = Client()
    response = client.post(reverse("admin:login"), {"username": "bob", "password": "pass-12345"})
    assert response.status_code == 302


def test_pages_carry_csp_and_security_headers(client):
    response = client.get(reverse("admin:login"))
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_admin_forms_require_csrf():
    UserFactory(username="carol")
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("admin:login"), {"username": "carol", "password": "pass-12345"})
    assert response.status_code == 403


def test_check_deploy_is_clean():
    root = Path(__file__).resolve().parent.parent
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k" * 20 + "-Zq8#vX2!pL9@tR4$wN7%yB1^mC6&hJ3*",
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
