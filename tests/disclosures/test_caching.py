"""Published pages are cached: a repeat request builds nothing; a revision invalidates."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.disclosures.revision import publish_correction

URL = "/disclosures/410702/2022/060/"


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(queries)


def test_repeat_request_is_served_from_the_cache(client, demo_budgets):
    first, first_queries = _get(client, URL)
    second, second_queries = _get(client, URL)
    assert second.content == first.content
    # A hit only looks up which publication is current (one indexed query).
    assert second_queries == 1 < first_queries
    assert "max-age" in second["Cache-Control"]
    for url in (f"{URL}tables/", f"{URL}tables/7/"):
        _get(client, url)
        assert _get(client, url)[1] == 1


def test_publishing_a_revision_invalidates_the_cached_pages(client, demo_budgets):
    assert "2,297.34" in _get(client, URL)[0].content.decode()
    _get(client, f"{URL}v1/")
    publish_correction(demo_budgets["000"])
    current = _get(client, URL)[0].content.decode()
    assert "第 2 版" in current and "2,298.34" in current
    old = _get(client, f"{URL}v1/")[0].content.decode()
    assert "已有更新的" in old and "第 2 版" in old and "2,297.34" in old


def test_listings_and_api_are_cached_until_something_is_published(client, demo_budgets):
    for url in ("/", "/disclosures/?q=医疗", "/api/disclosures/410702/2022/060/"):
        _get(client, url)
        # A hit: which publication is newest (listings) or current (API), nothing else.
        assert _get(client, url)[1] == 1, url
    assert "2,297.34" in _get(client, "/")[0].content.decode()
    publish_correction(demo_budgets["000"])
    assert "2,298.34" in _get(client, "/")[0].content.decode()
    api = client.get("/api/disclosures/410702/2022/060/").json()
    assert api["version"] == 2
