"""Published pages are cached: a repeat request builds nothing; a revision invalidates."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.revision import publish_correction

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


def test_random_queries_cannot_fill_the_cache(client, demo_budgets, settings):
    """Only LISTING_CACHE_LIMIT listing pages are stored per publication state."""
    settings.LISTING_CACHE_LIMIT = 5
    urls = [f"/disclosures/?q=随机{n}" for n in range(12)]
    for url in urls:
        _get(client, url)
    # The first five were stored: a repeat is a hit (one query, the newest publication).
    assert [_get(client, url)[1] for url in urls[:5]] == [1] * 5
    # The rest are rendered afresh each time (newest id, counter full, the search itself).
    assert all(_get(client, url)[1] > 1 for url in urls[5:])
    # A new publication is a new state: its pages are admitted again.
    publish_correction(demo_budgets["000"])
    _get(client, urls[11])
    assert _get(client, urls[11])[1] == 1


def test_parameters_a_page_does_not_read_name_no_new_entry(client, demo_budgets, settings):
    settings.LISTING_CACHE_LIMIT = 2
    _get(client, "/?x=1")
    for n in range(2, 10):
        assert _get(client, f"/?x={n}&utm={n}")[1] == 1  # the same page as /?x=1
    # A query longer than any real name is cut: it names the same page as its first 50.
    long = "医" * 50
    _get(client, f"/disclosures/?q={long}")
    assert _get(client, f"/disclosures/?q={long}{'疗' * 500}")[1] == 1
