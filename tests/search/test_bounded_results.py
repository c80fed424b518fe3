"""Common words: counts stop at a bound ("more than N") and ranking scores a bounded candidate set,
while title matches still come first and every page up to the bound stays reachable."""

import pytest
from django.db import connection

from search import service
from tests.factories import news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(news_index):
    titled = [news_page(news_index, title=f"社区教育周{n}", slug=f"t{n}") for n in range(3)]
    bodies = [news_page(news_index, title=f"老年大学{n}", slug=f"b{n}", introduction="社区教育工作") for n in range(4)]
    return titled, bodies


def candidates_module():
    # Each engine module can be imported only on its own database.
    if connection.vendor == "postgresql":
        from search.engines import postgres

        return postgres
    from search.engines import sqlite

    return sqlite


def test_count_is_exact_up_to_the_bound_and_says_more_beyond(many, monkeypatch):
    results = service.search("社区教育").results
    total = results.results.count()  # the engine's exact count
    assert total >= 7 and results.count() == total and results.count_is_exact

    monkeypatch.setattr(service, "COUNT_BOUND", 5)
    bounded = service.search("社区教育").results
    assert bounded.count() == 6 and not bounded.count_is_exact
    assert len(list(bounded[0:10])) == total  # the pages themselves are not cut by the count


def test_ranking_a_bounded_candidate_set_keeps_titles_first(many, monkeypatch):
    titled, bodies = many
    monkeypatch.setattr(candidates_module(), "RANKED_CANDIDATES", 2)
    found = [page.pk for page in service.search("社区教育").results[0:10]]
    title_pks = {page.pk for page in titled}
    # Two title candidates, then two body-only ones: no page twice, titles before bodies.
    assert len(found) == len(set(found)) == 4
    assert set(found[:2]) <= title_pks and not set(found[2:]) & title_pks
    assert set(found[2:]) <= {page.pk for page in bodies}


def test_page_and_api_say_more_than_the_bound(client, many, monkeypatch):
    monkeypatch.setattr(service, "COUNT_BOUND", 5)
    html = client.get("/search/", {"q": "社区教育"}).content.decode()
    assert "超过 5 条结果" in html or "More than 5 results" in html
    data = client.get("/api/search/", {"q": "社区教育"}).json()
    assert data["count"] == 5 and data["count_exact"] is False
