"""Common words: counts stop at a bound ("more than N"), and beyond a bound ranking gives way to
recency, while title matches still come first and every page up to the bound stays reachable."""

import pytest
from django.db import connection

from search import embedded_service, service
from tests.factories import news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(news_index):
    titled = [news_page(news_index, title=f"银龄学堂周{n}", slug=f"t{n}") for n in range(3)]
    bodies = [news_page(news_index, title=f"老年大学{n}", slug=f"b{n}", introduction="银龄学堂工作") for n in range(4)]
    return titled, bodies


def candidates_module():
    # Each engine module can be imported only on its own database.
    if connection.vendor == "postgresql":
        from search.engines import postgres

        return postgres
    from search.engines import sqlite

    return sqlite


def test_count_is_exact_up_to_the_bound_and_says_more_beyond(many, monkeypatch):
    hits = service.search("银龄学堂").hits
    total = hits.results.count()  # the engine's exact count
    assert total >= 7 and hits.count() == total and hits.count_is_exact

    monkeypatch.setattr(embedded_service, "COUNT_BOUND", 5)
    bounded = service.search("银龄学堂").hits
    assert bounded.count() == 6 and not bounded.count_is_exact
    assert len(list(bounded[0:10])) == total  # the pages themselves are not cut by the count


def test_beyond_the_ranking_bound_titles_still_come_first_then_newest_first(many, monkeypatch):
    titled, bodies = many
    monkeypatch.setattr(candidates_module(), "RANKED_CANDIDATES", 2)
    found = [hit.page_id for hit in service.search("银龄学堂").hits[0:10]]
    # More matches than the bound in titles (3) and bodies (4): each part newest first, titles
    # before bodies, every page once.
    assert found[:3] == [page.pk for page in reversed(titled)]
    assert found[3:] == [page.pk for page in reversed(bodies)]


def test_page_and_api_say_more_than_the_bound(client, many, monkeypatch):
    monkeypatch.setattr(embedded_service, "COUNT_BOUND", 5)
    html = client.get("/search/", {"q": "银龄学堂"}).content.decode()
    assert "超过 5 条结果" in html or "More than 5 results" in html
    data = client.get("/api/search/", {"q": "银龄学堂"}).json()
    assert data["count"] == 5 and data["count_exact"] is False


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner settings")
def test_newest_first_leaves_the_planner_as_it_found_it(many, monkeypatch):
    # The newest-first walk turns plans off for its statement; the request's later queries
    # (facets, pages), in the same transaction here, must plan as usual.
    monkeypatch.setattr(candidates_module(), "RANKED_CANDIDATES", 2)
    assert len(list(service.search("银龄学堂").hits[0:10])) == 7
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), current_setting('enable_sort')")
        assert cursor.fetchone() == ("on", "on")
