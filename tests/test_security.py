"""Login lock-out, CSP and security headers, CSRF, deployment check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory

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
