"""The browser tests' Chromium: one per test process; each test opens its own contexts."""

import os

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium through Playwright, launched once per process (a launch takes
    about a second). Playwright's sync API runs an event loop in this thread; the ORM
    calls the tests make around it are still synchronous and safe."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield browser
        browser.close()
