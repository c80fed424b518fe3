"""The search engine's part of `/healthz/`: Elasticsearch answers when it is configured; the
embedded engines live in the database, which the database check covers."""

from search.engines import elasticsearch


def search_engine():
    if not elasticsearch.configured():
        return True
    return bool(elasticsearch.connect().ping())
