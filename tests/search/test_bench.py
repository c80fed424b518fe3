"""The speed bench's corpus builder, tiny: deterministic text, real pages, found by the engine."""

import sys
from pathlib import Path

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import ContentPage
from search.indexing import rebuild

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import search_corpus  # noqa: E402


def test_synthetic_documents_are_deterministic_and_mixed():
    first = list(search_corpus.synthetic_documents(200))
    assert first == list(search_corpus.synthetic_documents(200))
    assert any(any(char.isascii() and char.isalpha() for char in body) for _title, _intro, body in first)


def test_bulk_inserted_pages_are_valid_and_searchable(home_page):
    parent = ContentPage(title="合成语料", slug="corpus")
    home_page.add_child(instance=parent)
    parent = Page.objects.get(pk=parent.pk)
    assert search_corpus.insert_pages(parent, search_corpus.synthetic_documents(30)) == 30
    assert ContentPage.objects.child_of(parent).count() == 30
    assert Page.find_problems() == ([], [], [], [], [])
    rebuild(get_search_backend())
    title = ContentPage.objects.child_of(parent).first().title
    assert ContentPage.objects.live().search(title[:4]).count() >= 1
