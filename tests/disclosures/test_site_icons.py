"""The favicon (issue 16): linked from every page, and ``/favicon.ico`` is never a 404;
and a page's 发布于 date is its publication's (in Beijing time)."""

import datetime

from disclosures.models import Publication


def test_favicon_is_served_at_the_root(db, client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert "max-age" in response["Cache-Control"]
    assert client.post("/favicon.ico").status_code == 405


def test_every_page_links_the_icons(demo_budgets, client):
    for url in ("/", "/disclosures/410702/", "/disclosures/410702/2022/060/"):
        html = client.get(url).content.decode()
        assert 'rel="icon" href="/static/favicon.ico"' in html, url
        assert 'href="/static/favicon.svg" type="image/svg+xml"' in html, url
    from django.contrib.staticfiles import finders

    for name in ("favicon.ico", "favicon.svg", "apple-touch-icon.png"):
        assert finders.find(name), name


def test_published_date_is_the_publications_own(demo_budgets, client):
    """23:30 UTC on 20 May is 21 May in Beijing; version 1 keeps its date after a revision."""
    publication = Publication.objects.get(department_code="060")
    moment = datetime.datetime(2022, 5, 20, 23, 30, tzinfo=datetime.UTC)
    Publication.objects.filter(pk=publication.pk).update(published_at=moment)
    html = client.get("/disclosures/410702/2022/060/").content.decode()
    assert "第 1 版，发布于 2022年5月21日" in html
