"""The relevance set: the demo site plus an original fixture corpus, queries with the documents
that must be found, and recall@10 / precision@10. Shared by the tests and bench/search_relevance.py.
"""

import io
import json
from dataclasses import dataclass
from pathlib import Path

from wagtail.models import Locale, Page

from home import demo as site_demo
from home.models import ContentPage

HERE = Path(__file__).resolve().parent
CORPUS_FILE = HERE / "relevance_corpus.json"
QUERIES_FILE = HERE / "relevance_queries.json"
CUTOFF = 10


def load_corpus_documents():
    return json.loads(CORPUS_FILE.read_text(encoding="utf-8"))


def load_queries():
    return json.loads(QUERIES_FILE.read_text(encoding="utf-8"))


def build_corpus():
    """The site's demo content (home, about, news; English shell), then the fixture documents as
    content pages under each language's home page.

    Only the site section is loaded, not every app's demo loader: the judgments name the pages
    that must be found, and another app's pages would change them without anyone noticing.
    """
    _site, zh_home = site_demo.ensure_home_page()
    site_demo.translate_shell(zh_home, site_demo.load(zh_home, io.StringIO()))
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


def ranked_slugs(query, locale, backend=None):
    from wagtail.search.backends import get_search_backend

    search_backend = get_search_backend(backend) if backend else get_search_backend()
    results = search_backend.search(query, public_pages(locale))[:CUTOFF]
    return [page.slug for page in results]


@dataclass
class QueryScore:
    query: str
    locale: str
    recall: float
    precision: float
    found: list
    missed: list


def score(query, retrieved):
    relevant = set(query["relevant"])
    top = retrieved[:CUTOFF]
    hits = [slug for slug in top if slug in relevant]
    recall = len(hits) / min(len(relevant), CUTOFF)
    # Nothing retrieved is a miss, not a perfect precision.
    precision = len(hits) / len(top) if top else 0.0
    return QueryScore(query["q"], query["locale"], recall, precision, top, sorted(relevant - set(top)))


def evaluate(backend=None):
    return [score(query, ranked_slugs(query["q"], query["locale"], backend)) for query in load_queries()]


def mean(values):
    values = list(values)
    return sum(values) / len(values) if values else 0.0
