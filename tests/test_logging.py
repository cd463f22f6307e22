"""With DEBUG off, a server error leaves its traceback in the log (stderr, and a file)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """
from django.test import Client, override_settings
with override_settings(ROOT_URLCONF="tests.support.error_urls"):
    response = Client(raise_request_exception=False).get("/broken/", secure=True)
print("status", response.status_code)
"""


def _production_shell(tmp_path, **extra) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "k" * 20 + "-Zq8#vX2!pL9@tR4$wN7%yB1^mC6&hJ3*",
        "DJANGO_ALLOWED_HOSTS": "testserver",
        **extra,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_a_server_error_is_logged_with_its_traceback(tmp_path):
    log_file = tmp_path / "django.log"
    result = _production_shell(tmp_path, DJANGO_LOG_FILE=str(log_file))
    assert "status 500" in result.stdout, result.stdout + result.stderr
    for text in (result.stderr, log_file.read_text(encoding="utf-8")):
        assert "Internal Server Error: /broken/" in text
        assert "Traceback (most recent call last)" in text
        assert "deliberate-failure-7f3a" in text


def test_without_a_log_file_errors_still_reach_stderr(tmp_path):
    result = _production_shell(tmp_path)
    assert "status 500" in result.stdout, result.stdout + result.stderr
    assert "Traceback (most recent call last)" in result.stderr
