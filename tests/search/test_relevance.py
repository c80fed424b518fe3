"""The relevance set (tests/search/relevance_*.json) over the whole demo content, on the configured
embedded engine. The demo is loaded once for the module and rolled back afterwards."""

import pytest
from django.db import transaction
from wagtail.models import Page

from search.analysis import normalise
from tests.search.relevance import build_corpus, evaluate, load_queries, mean, public_pages, title_order

BROAD_QUERY = "社区教育"

# pytest-django sets the test database up only for tests that ask for it.
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def judged(django_db_setup, django_db_blocker):
    """Every query's scores and title order, and the public slugs, over the whole demo: computed in
    one transaction that is rolled back, so the tests below read plain data."""
    with django_db_blocker.unblock(), transaction.atomic():
        build_corpus()
        queries = load_queries()
        result = {
            "scores": evaluate(),
            "title_orders": {query["q"]: title_order(query["q"], query["locale"]) for query in queries},
            "slugs": {locale: set(public_pages(locale).values_list("slug", flat=True)) for locale in ("zh", "en")},
            "broad_titles": [page.title for page in public_pages("zh").search(BROAD_QUERY)[:10]],
            "broad_count": public_pages("zh").search(BROAD_QUERY).count(),
            "broad_titled": Page.objects.live().public().filter(title__contains=BROAD_QUERY).count(),
        }
        transaction.set_rollback(True)
    return result


def test_the_set_is_big_enough():
    queries = load_queries()
    chinese = [query for query in queries if query["locale"] == "zh"]
    traditional = [query for query in chinese if normalise(query["q"]) != query["q"]]
    assert len(chinese) >= 40 and len(traditional) >= 5
    assert len([query for query in queries if query["locale"] == "en"]) >= 10


def test_every_judged_page_is_in_the_demo(judged):
    unknown = {
        query["q"]: sorted(set(query["relevant"]) - judged["slugs"][query["locale"]])
        for query in load_queries()
        if set(query["relevant"]) - judged["slugs"][query["locale"]]
    }
    assert not unknown


def test_recall_and_precision_at_10(judged):
    scores = judged["scores"]
    report = "\n".join(
        f"{s.locale} {s.query}: recall {s.recall:.2f} precision {s.precision:.2f} missed {s.missed} got {s.found}"
        for s in scores
        if s.recall < 1 or s.precision < 1
    )
    assert mean(s.recall for s in scores) >= 0.95, report
    assert mean(s.precision for s in scores) >= 0.9, report
    assert all(s.recall >= 0.5 for s in scores if not s.known_failure), report
    # A judgment the engine is known to fail stays in the set and in the means; when the engine
    # learns to pass it, drop its "engine_fails" note.
    assert all(s.recall < 0.5 for s in scores if s.known_failure), report


def test_titles_rank_above_bodies(judged):
    """For every query, pages whose title holds the query come before those that only have it in the body."""
    orders = judged["title_orders"]
    out_of_order = {query: flags for query, flags in orders.items() if flags != sorted(flags, reverse=True)}
    assert not out_of_order
    # 社区教育 is in the text of about a hundred pages, in the title of about fifty: the first ten have it in the title.
    assert judged["broad_count"] > judged["broad_titled"] > 10
    assert all(BROAD_QUERY in title for title in judged["broad_titles"]), judged["broad_titles"]
