"""No English in the admin: every changelist, add, change and history page of every
registered model, crawled as a superuser over the demo data, shows Chinese only.

“English” is a word with a lower-case letter: upper-case acronyms (PDF, XLSX, CSV, API,
IP, HTTP, SHA256 …), codes and numbers are allowed, and so are the product and key names
below. What the pages show of recorded request data (django-axes stores the path, browser
and headers of each login) and of password hashes (algorithm name, salt) is data, not
text of the product, and is left out.
"""

import contextlib
import json
import re
import subprocess
from pathlib import Path

from bs4 import BeautifulSoup
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from tests.factories import UserFactory

WORD = re.compile(r"[A-Za-z]*[a-z][A-Za-z]*")
# Django's own Chinese help text names the keys (按住 Control 键或 Mac 上的 Command 键).
ALLOWED = {"Excel", "Redis", "Control", "Command", "Mac"}
# Recorded request data of django-axes (path, browser, headers, form data).
REQUEST_DATA = ("path_info", "user_agent", "http_accept", "get_data", "post_data")


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style", "template", "bdi"]):  # bdi: a password hash's parts
        tag.decompose()
    for name in REQUEST_DATA:
        for tag in soup.select(f".field-{name}, .column-{name}"):
            tag.decompose()
        for tag in soup.select(f"#changelist-filter a[href*='{name}']"):
            tag.decompose()
    parts = [soup.get_text(" ")]
    for tag in soup.find_all(True):
        parts += [tag[a] for a in ("title", "placeholder", "aria-label", "alt") if tag.get(a)]
        if tag.name == "input" and tag.get("type") in {"submit", "button"}:
            parts.append(tag.get("value", ""))
    return " ".join(parts)


# A code with its digits, e.g. a catalogue entry's 来源 ``seed:000+002``, ``edition:2022``.
CODE = re.compile(r"\b[a-z]+:[0-9][0-9+]*")


def english_words(html: str) -> set[str]:
    text = CODE.sub(" ", visible_text(html))
    return {w for w in WORD.findall(text) if len(w) > 1 and w not in ALLOWED}


def test_the_check_finds_english():
    assert english_words('<p>选择 <b>Task Results</b></p><img alt="True">') == {
        "Task",
        "Results",
        "True",
    }
    assert english_words("<p>导出 PDF、XLSX、CSV，按住 Control 键，seed:000+002</p>") == set()


def _pages(user) -> list[str]:
    request = type("Request", (), {"user": user})()
    urls = [reverse("admin:index")]
    for model, model_admin in admin.site._registry.items():
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls.append(reverse(f"{name}_changelist"))
        if model_admin.has_add_permission(request):
            urls.append(reverse(f"{name}_add"))
        obj = model._default_manager.first()
        if obj is not None:
            for view in ("change", "history"):
                with contextlib.suppress(NoReverseMatch):  # not every admin has a history
                    urls.append(reverse(f"{name}_{view}", args=[obj.pk]))
    return urls


def test_no_english_on_any_admin_page(client, demo_budgets):
    root = UserFactory(username="u1", is_superuser=True)
    # Log in through the form, after one failed attempt: the login records exist too.
    client.post(reverse("admin:login"), {"username": "u1", "password": "wrong"})
    client.post(reverse("admin:login"), {"username": "u1", "password": "pass-12345"})
    found: dict[str, set[str]] = {}
    for url in _pages(root):
        response = client.get(url)
        assert response.status_code == 200, url
        if words := english_words(response.content.decode()):
            found[url] = words
    assert found == {}, "\n".join(f"{url}: {sorted(words)}" for url, words in found.items())


def test_filter_horizontal_and_other_admin_scripts_speak_chinese(client, db):
    """The 选择框 of groups and permissions is JavaScript: its catalogue has the Chinese."""
    client.force_login(UserFactory(username="u2", is_superuser=True))
    catalogue = client.get(reverse("admin:jsi18n")).content.decode()
    for chinese in ("选中要选择的%s，然后点击“选择”箭头按钮。", "移除全部%s"):
        assert json.dumps(chinese)[1:-1] in catalogue  # the catalogue is escaped JSON


def test_the_committed_catalogues_are_compiled_from_their_po(tmp_path):
    """The .mo files are committed (no gettext needed to run): they match their .po."""
    import gettext

    folder = Path(__file__).resolve().parent.parent / "locale/zh_Hans/LC_MESSAGES"
    for domain in ("django", "djangojs"):
        fresh = tmp_path / f"{domain}.mo"
        subprocess.run(["msgfmt", "-o", fresh, folder / f"{domain}.po"], check=True)
        with open(fresh, "rb") as new, open(folder / f"{domain}.mo", "rb") as old:
            assert gettext.GNUTranslations(old)._catalog == gettext.GNUTranslations(new)._catalog
