"""Pre-rendered published pages (issue 16 item 5): stored once, served before the views.

A stored page is told from a rendered one by its queries: the fast path makes none.
"""

import datetime
import io
import json
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from budgets.services.workflow import budget_reopen
from disclosures.models import Publication
from disclosures.published.files import (
    manifest_name,
    manifest_read,
    page_file,
    publication_prerender,
    published_storage,
    render_stamp,
)
from tests.disclosures.revision import publish_correction
from tests.factories import UserFactory

BASE = "/disclosures/410702/2022/060/"
PAGES = [BASE, f"{BASE}v1/", f"{BASE}tables/"] + [f"{BASE}tables/{n}/" for n in range(1, 13)]
TEXT_FILES = [f"{BASE}tables/{n}.csv" for n in (1, 3, 12)] + ["/api/disclosures/410702/2022/060/"]
PACKED = [f"{BASE}xlsx/", f"{BASE}csv/", f"{BASE}tables/3.xlsx", f"{BASE}tables/12.xlsx"]
# Headers that differ between any two responses of the same page, or only say how they
# were made: none. Everything the response says is compared.


def _get(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body, len(queries)


def _publication(code="060"):
    return Publication.objects.get(department_code=code, is_current=True)


def _store(code="060"):
    assert publication_prerender(publication_id=_publication(code).pk)


def _xlsx(body: bytes) -> list:
    workbook = load_workbook(io.BytesIO(body))
    return [
        (ws.title, sorted(str(r) for r in ws.merged_cells.ranges), list(ws.values))
        for ws in workbook.worksheets
    ]


def _zip(body: bytes) -> dict:
    with zipfile.ZipFile(io.BytesIO(body)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_stored_pages_are_the_dynamic_render_with_the_same_headers(client, demo_budgets):
    dynamic = {url: _get(client, url) for url in PAGES + TEXT_FILES + PACKED}
    assert all(q > 0 and r.status_code == 200 for r, _, q in dynamic.values())
    _store()
    for url, (rendered, rendered_body, _) in dynamic.items():
        stored, body, queries = _get(client, url)
        assert queries == 0, url  # answered from the stored file
        assert stored.status_code == 200
        if url in PACKED:  # the archives carry the time they were made: compare contents
            parse = _xlsx if url.endswith("xlsx/") or url.endswith(".xlsx") else _zip
            assert parse(body) == parse(rendered_body), url
            skip = {"ETag", "Content-Length"}
        else:
            assert body == rendered_body, url
            skip = set()
        assert {k: v for k, v in stored.items() if k not in skip} == {
            k: v for k, v in rendered.items() if k not in skip
        }, url
    # What a citizen reads: the same parsed page, figures and the publication's date.
    html = BeautifulSoup(_get(client, BASE)[1], "html.parser")
    assert "第 1 版，发布于" in html.select_one("p.meta").text
    assert "2,297.34" in html.select_one("dl.key-figures").text
    headers = _get(client, BASE)[0]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY" and "ETag" in headers
    download = _get(client, f"{BASE}tables/3.csv")[0]
    assert download["Content-Disposition"].startswith('attachment; filename="2022_03.csv"')
    assert "UTF-8''" in download["Content-Disposition"]


def test_stored_date_is_the_publications_not_the_rendering(client, demo_budgets):
    """发布于 (item 6) and Last-Modified are the publication's time, whenever it is stored."""
    moment = datetime.datetime(2022, 5, 20, 23, 30, tzinfo=datetime.UTC)  # 21 May in Beijing
    Publication.objects.filter(pk=_publication().pk).update(published_at=moment)
    _store()
    response, body, queries = _get(client, BASE)
    assert queries == 0
    assert "第 1 版，发布于 2022年5月21日" in body.decode()
    assert response["Last-Modified"] == "Fri, 20 May 2022 23:30:00 GMT"


def test_conditional_requests_answer_304_on_both_paths(client, demo_budgets):
    for stored in (False, True):
        if stored:
            _store()
        first, _, _ = _get(client, f"{BASE}tables/7/")
        again, body, queries = _get(client, f"{BASE}tables/7/", if_none_match=first["ETag"])
        assert again.status_code == 304 and body == b""
        assert (queries == 0) is stored
        since = _get(client, BASE, if_modified_since=_get(client, BASE)[0]["Last-Modified"])[0]
        assert since.status_code == 304
        assert _get(client, BASE, if_none_match='"other"')[0].status_code == 200


def test_a_new_version_replaces_the_stored_one_at_once(client, demo_budgets):
    _store()
    first = _publication()
    assert "2,297.34" in _get(client, BASE)[1].decode()
    publish_correction(demo_budgets["000"])
    # Before the worker has stored version 2, nothing of version 1 is served as current.
    assert manifest_read(region="410702", year=2022, department="060") is None
    response, body, queries = _get(client, BASE)
    assert queries > 0 and "第 2 版" in body.decode() and "2,298.34" in body.decode()
    old = _get(client, f"{BASE}v1/")[1].decode()
    assert "已有更新的" in old and "2,297.34" in old
    csv = _get(client, f"{BASE}tables/10.csv")[1].decode("utf-8-sig")
    assert "2122.81" in csv  # 项目支出 2,121.81 + 1.00
    # A late run for version 1 (its worker was slow) writes no manifest.
    assert publication_prerender(publication_id=first.pk) is False
    assert manifest_read(region="410702", year=2022, department="060") is None
    _store()
    response, body, queries = _get(client, BASE)
    assert queries == 0 and "第 2 版" in body.decode() and "2,298.34" in body.decode()
    # The old version's URL is never answered from the new version's files.
    response, body, queries = _get(client, f"{BASE}v1/")
    assert queries > 0 and "已有更新的" in body.decode()
    assert _get(client, f"{BASE}v2/")[2] == 0


def test_drafts_are_never_stored(client, demo_drafts):
    call_command("prerender", stdout=io.StringIO())
    storage = published_storage()
    assert not storage.exists("current") and not storage.exists("publications")
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin)
    response, body, queries = _get(client, f"{BASE}preview/")
    assert response.status_code == 200 and queries > 0
    assert _get(client, BASE)[0].status_code == 404


def test_a_draft_revision_leaves_the_stored_version_alone(client, demo_budgets):
    _store()
    finance = UserFactory(username="finance", is_superuser=True)
    budget_reopen(budget=demo_budgets["000"], user=finance, comment="更正")
    response, body, queries = _get(client, BASE)
    assert queries == 0 and "第 1 版" in body.decode()


def test_request_dependent_pages_bypass_the_stored_files(client, demo_budgets):
    _store()
    for url in (f"{BASE}?format=hubei", f"{BASE}tables/3/?x=1", f"{BASE}v9/"):
        assert _get(client, url)[2] > 0, url
    assert client.get(f"{BASE}preview/").status_code == 302  # staff only, to the login
    with CaptureQueriesContext(connection) as queries:
        client.post(BASE)
    assert len(queries) > 0  # the view answers, not the stored file
    # A Host not allowed is refused on the fast path too.
    assert client.get(BASE, HTTP_HOST="evil.example").status_code == 400


@pytest.mark.parametrize("damage", ["missing", "cut", "manifest", "stamp"])
def test_a_missing_or_damaged_file_is_rendered_instead(client, demo_budgets, damage):
    expected = _get(client, f"{BASE}tables/3/")[1]
    _store()
    publication = _publication()
    storage = published_storage()
    name = page_file(publication.pk, render_stamp(), "table-3")
    manifest = manifest_name(region="410702", year=2022, department="060")
    if damage in ("missing", "cut"):
        storage.delete(name)
        if damage == "cut":
            storage.save(name, io.BytesIO(expected[:1000]))
    else:
        data = json.loads(storage.open(manifest).read())
        storage.delete(manifest)
        text = "{not json" if damage == "manifest" else json.dumps({**data, "stamp": "old"})
        storage.save(manifest, io.BytesIO(text.encode()))
    response, body, queries = _get(client, f"{BASE}tables/3/")
    assert response.status_code == 200 and queries > 0
    assert body == expected
    # Other pages of the manifest are still served from their files (when it is readable).
    assert (_get(client, f"{BASE}tables/4/")[2] == 0) is (damage in ("missing", "cut"))


def test_prerender_command_writes_what_is_missing(demo_budgets):
    out = io.StringIO()
    call_command("prerender", "--region", "410702", stdout=out)
    assert "已生成 1 个" in out.getvalue()
    out = io.StringIO()
    call_command("prerender", stdout=out)
    assert (
        "已生成 3 个" in out.getvalue()
    )  # the other three demos and "1 个已是最新" in out.getvalue()


@pytest.mark.xdist_group("demo_pdfs")  # shares 000's document PDF with test_document.py
def test_the_pdf_task_stores_the_pages_and_pdfs_served_with_their_headers(client, demo_budgets):
    """The background task (here run in process) renders the PDFs, then stores everything;
    a stored PDF is the worker's file byte for byte, with the dynamic view's headers."""
    from disclosures.pdf.tasks import publication_render_pdfs

    base = BASE  # 000: twelve tables (002 has 46 with its forms, 003 52), the fewest PDFs
    publication = _publication()
    publication_render_pdfs.call(publication.pk)
    publication.refresh_from_db()
    storage = published_storage()
    for url, page in ((f"{base}pdf/", "pdf"), (f"{base}tables/8.pdf", "table-8.pdf")):
        stored, body, queries = _get(client, url)
        assert queries == 0 and body[:5] == b"%PDF-"
        assert body == storage.open(page_file(publication.pk, render_stamp(), page)).read()
        storage.delete(manifest_name(region="410702", year=2022, department="060"))
        rendered, rendered_body, queries = _get(client, url)
        assert queries > 0 and rendered_body == body
        assert dict(stored.items()) == dict(rendered.items()), url
        assert stored["Content-Type"] == "application/pdf"
        assert publication_prerender(publication_id=publication.pk)
    assert _get(client, f"{base}tables/8/")[2] == 0


def test_the_manifest_is_read_once_while_unchanged_and_again_when_replaced(
    client, demo_budgets, monkeypatch
):
    """The fast path keeps each manifest prepared in memory; one ``stat`` tells a new one."""
    from disclosures.published import prepared

    reads = []
    read = prepared.stored_bytes
    monkeypatch.setattr(prepared, "stored_bytes", lambda name: reads.append(name) or read(name))
    _store()
    first = [_get(client, f"{BASE}tables/{n}/") for n in (3, 3, 4)]
    assert [q for _, _, q in first] == [0, 0, 0] and len(reads) == 1
    # Rewritten (as another machine would): its new headers are served at once.
    storage = published_storage()
    manifest = manifest_name(region="410702", year=2022, department="060")
    data = json.loads(storage.open(manifest).read())
    data["pages"]["table-3"]["etag"] = '"rewritten"'
    storage.delete(manifest)
    storage.save(manifest, io.BytesIO(json.dumps(data).encode()))
    response, body, queries = _get(client, f"{BASE}tables/3/")
    assert queries == 0 and response["ETag"] == '"rewritten"' and len(reads) == 2
    assert body == first[0][1]
    storage.delete(manifest)
    assert _get(client, f"{BASE}tables/3/")[2] > 0  # removed: the view renders


def test_the_memory_of_manifests_is_bounded(client, demo_budgets, monkeypatch):
    from disclosures.published import prepared

    monkeypatch.setattr(prepared, "MANIFESTS_KEPT", 1)
    _store("060")
    _store("058")
    other = "/disclosures/420323/2022/058/tables/3/"
    for url in (f"{BASE}tables/3/", other, f"{BASE}tables/3/", other):
        response, _, queries = _get(client, url)
        assert response.status_code == 200 and queries == 0, url
        assert len(prepared._MANIFESTS) == 1


def test_stored_pages_follow_a_changed_policy_and_hosts(client, demo_budgets, settings):
    """The prepared headers (CSP) and the hosts checked follow the settings."""
    _store()
    assert "img-src 'self' data:" in _get(client, BASE)[0]["Content-Security-Policy"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    stored, _, queries = _get(client, BASE)
    assert queries == 0 and stored["Content-Security-Policy"] == "default-src 'none'"
    settings.ALLOWED_HOSTS = ["other.example"]
    assert _get(client, BASE)[0].status_code == 400  # testserver no longer allowed
