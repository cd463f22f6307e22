"""The clerk's budget page in a real browser: the 填报进度 list, its links and the preview.

Debian's Chromium through Playwright at 1,280 px, logged in through the login form as
the 填报员 of example 000 (a draft). With ``SCREENSHOTS_DIR`` set, saves the progress list.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.urls import reverse

from budgets.models import NarrativeKey, ProjectIndicator
from tests.e2e.test_portal_browser import CHROMIUM, VIEWPORTS
from tests.factories import clerk_of

pytestmark = [
    pytest.mark.skipif(
        not shutil.which(CHROMIUM),
        reason=f"没有找到 Chromium（{CHROMIUM}）：scripts/setup.sh 会安装它",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_progress_list_links_and_the_draft_preview(live_server, demo_drafts, browser):
    budget = demo_drafts["000"]
    # Example 000 is complete; two things left out show how missing items are listed.
    budget.narrative_sections.filter(key=NarrativeKey.GLOSSARY).delete()
    ProjectIndicator.objects.filter(
        project__budget=budget, project__name="机关党建工作经费"
    ).delete()
    clerk_of(budget.department, username="clerk060")
    page = browser.new_page(viewport=VIEWPORTS["desktop"])
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "clerk060")
    page.fill("#id_password", "pass-12345")
    page.click("input[type=submit]")
    page.goto(live_server.url + reverse("admin:budgets_budget_change", args=[budget.pk]))
    progress = page.locator(".budget-progress")
    assert progress.is_visible()
    items = progress.locator("li")
    assert items.count() >= 5
    assert "尚缺 2 项" in progress.locator("h2").inner_text()
    assert progress.locator("li.missing").all_inner_texts() == [
        "✗ 尚未填写：名词解释",
        "✗ 尚未填写：项目“机关党建工作经费”的绩效指标（没有绩效指标）",
    ]
    folder = os.environ.get("SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        progress.screenshot(path=str(Path(folder) / "budget-progress-desktop.png"))
    # A link of the budget page lands on an element of the page (an inline group).
    link = progress.locator("li a[href*='#']").first
    target = link.get_attribute("href").split("#")[1]
    link.click()
    assert page.locator(f"#{target}").count() == 1
    # The preview of the tables answers for a draft (the old link was a 404).
    page.goto(live_server.url + reverse("admin:budgets_budget_change", args=[budget.pk]))
    with page.expect_navigation():
        page.click("text=预览公开表（按当前数据生成）")
    assert "尚未公开" in page.content()
    assert page.locator("#table-1").count() == 1
    page.close()
