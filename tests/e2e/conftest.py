"""The browser tests' Chromium, through Playwright."""

import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture
def browser():
    """Headless Chromium, launched for each test (about a second).

    Not once per process: while Playwright's sync API is open, its event loop counts as
    running in this thread, and Django then hands out other database connections (asgiref
    keeps them per async context), without the serialized migrated rows that the next
    transactional test's set-up restores. The ORM calls a test makes around the browser
    are still synchronous and safe (committed data, a live server's test).
    """
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()
