"""The search engine's part of `/healthz/`: whether the configured engine answers."""

from search.service import get_search_service


def search_engine():
    return get_search_service().answers()
