"""The assessor's pool for the relevance set: for each query, our engine's top 20 and every page
whose text holds the query's words (normalised with search.analysis.normalise, compared as plain
text, independent of the engine), each marked with its rank and whether it is judged relevant.
Use it to re-judge tests/search/relevance_queries.json when the demo content changes.

    .venv/bin/python bench/search_relevance_pool.py               # every query
    .venv/bin/python bench/search_relevance_pool.py 适老化 字幕     # some queries

SQLite only: the raw text is read with the stock SQLite indexer, the text the engine indexes.
"""

import sys

from search_setup import start, stop

POOL_DEPTH = 20


def page_texts():
    """(locale, slug) -> (title, normalised title, normalised title and body) for every public page."""
    from modelsearch.backends.database.sqlite.sqlite import ObjectIndexer
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from search.analysis import normalise

    stock = get_search_backend("wagtail.search.backends.database")
    texts = {}
    for page in Page.objects.live().public().exclude(depth=1).specific():
        indexed = ObjectIndexer(page, stock)
        locale = "en" if page.locale.language_code == "en" else "zh"
        texts[locale, page.slug] = (page.title, normalise(page.title), normalise(f"{indexed.title}\n{indexed.body}"))
    return texts


def print_pool(query, texts):
    from search.analysis import normalise
    from tests.search.relevance import ranked_slugs_at

    locale, relevant = query["locale"], set(query["relevant"])
    ranked = ranked_slugs_at(query["q"], locale, POOL_DEPTH)
    words = normalise(query["q"]).split()
    holding = [
        slug for (where, slug), (_t, _nt, text) in texts.items() if where == locale and all(w in text for w in words)
    ]
    pool = list(dict.fromkeys(ranked + holding))
    print(f"== {query['q']} ({locale}): pool {len(pool)}, text holds it {len(holding)}, relevant {len(relevant)}")
    for slug in pool:
        title, normalised_title, _text = texts[locale, slug]
        rank = ranked.index(slug) + 1 if slug in ranked else "-"
        in_title = "title" if all(w in normalised_title for w in words) else "     "
        mark = "relevant" if slug in relevant else "        "
        print(f"  {rank!s:>3} {in_title} {mark} {slug:28} {title}")
    for slug in sorted(relevant - set(pool)):
        print(f"  judged relevant but not pooled: {slug}")


def main(wanted):
    connection = start()
    try:
        if connection.vendor != "sqlite":
            raise SystemExit("The pool reads raw text with the SQLite indexer: run it without DATABASE_URL.")
        from tests.search.relevance import build_corpus, load_queries

        build_corpus()
        texts = page_texts()
        for query in load_queries():
            if not wanted or query["q"] in wanted:
                print_pool(query, texts)
    finally:
        stop(connection)


if __name__ == "__main__":
    main(set(sys.argv[1:]))
