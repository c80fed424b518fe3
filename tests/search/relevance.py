"""The relevance set: the whole demo content plus an original fixture corpus, queries with the
pages that must be found (judged by pooling, see relevance_queries.json's notes), and recall@10 /
precision@10. Shared by the tests and bench/search_relevance.py.
"""

import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from django.core.management import call_command
from wagtail.models import Locale, Page

from home.models import ContentPage, HomePage
from search.analysis import american_spelling, normalise, stem

HERE = Path(__file__).resolve().parent
CORPUS_FILE = HERE / "relevance_corpus.json"
QUERIES_FILE = HERE / "relevance_queries.json"
CUTOFF = 10


def load_corpus_documents():
    return json.loads(CORPUS_FILE.read_text(encoding="utf-8"))


def load_queries():
    return json.loads(QUERIES_FILE.read_text(encoding="utf-8"))


def build_corpus():
    """The whole demo, loaded by `load_demo_content` itself (every section, the English shell and
    menus), then the fixture documents as content pages under each language's home page.

    The judgments in relevance_queries.json were made over exactly this corpus: a change to any
    section's demo text can change which pages must be found, and the test then says so.
    """
    call_command("load_demo_content", stdout=io.StringIO())
    zh_home = HomePage.objects.get(locale=Locale.get_default())
    homes = {"zh": zh_home, "en": zh_home.get_translation(Locale.objects.get(language_code="en"))}
    for document in load_corpus_documents():
        page = ContentPage(
            title=document["title"],
            slug=document["key"],
            introduction=document["introduction"],
            body=[("paragraph", f"<p>{document['body']}</p>")],
            live=document.get("publish", True),
        )
        homes[document["locale"]].add_child(instance=page)
        revision = page.save_revision()
        if document.get("publish", True):
            revision.publish()
    return homes


LOCALE_CODES = {"zh": "zh-hans", "en": "en"}


def public_pages(locale):
    return Page.objects.live().public().filter(locale=Locale.objects.get(language_code=LOCALE_CODES[locale]))


def ranked_pages(query, locale, backend=None, limit=CUTOFF):
    from wagtail.search.backends import get_search_backend

    search_backend = get_search_backend(backend) if backend else get_search_backend()
    return list(search_backend.search(query, public_pages(locale))[:limit])


def ranked_slugs(query, locale, backend=None):
    return [page.slug for page in ranked_pages(query, locale, backend)]


def ranked_slugs_at(query, locale, depth):
    """The slugs of the first `depth` results on the default engine (the assessor's pool)."""
    return [page.slug for page in ranked_pages(query, locale, limit=depth)]


@dataclass
class QueryScore:
    query: str
    locale: str
    recall: float
    precision: float
    found: list
    missed: list
    known_failure: str | None = None


def score(query, retrieved, vendor=None):
    relevant = set(query["relevant"])
    top = retrieved[:CUTOFF]
    hits = [slug for slug in top if slug in relevant]
    recall = len(hits) / min(len(relevant), CUTOFF)
    # Nothing retrieved is a miss, not a perfect precision.
    precision = len(hits) / len(top) if top else 0.0
    missed = sorted(relevant - set(top))
    # "engine_fails" notes, per database, a judgment our engine is known to fail there.
    known_failure = query.get("engine_fails", {}).get(vendor)
    return QueryScore(query["q"], query["locale"], recall, precision, top, missed, known_failure)


def evaluate(backend=None):
    from django.db import connection

    return [
        score(query, ranked_slugs(query["q"], query["locale"], backend), connection.vendor) for query in load_queries()
    ]


def title_order(query, locale, limit=50):
    """For the first `limit` results: whether each page's title holds every word of the query
    (normalised the way the engine normalises; Chinese compared as plain text, English words by
    their stems, as the engine compares them: "Volunteer teachers" holds "volunteering")."""
    words = normalise(query).split()
    return [all(_holds(word, page.title) for word in words) for page in ranked_pages(query, locale, limit=limit)]


def _holds(word, title):
    title = normalise(title)
    if not word.isascii():
        return word in title
    return _stem(word) in {_stem(other) for other in re.findall(r"[a-z0-9]+", title)}


def _stem(word):
    return stem(american_spelling(word))


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0
