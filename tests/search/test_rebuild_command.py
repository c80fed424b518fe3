"""`rebuild_search_index`: rebuilds the embedded index with a progress bar; clear errors."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail.search.models import IndexEntry

from tests.factories import news_page


def test_rebuild_restores_a_wiped_index_and_shows_progress(news_index):
    news_page(news_index, title="长三角社区教育协作会议", slug="delta")
    IndexEntry.objects.all().delete()
    assert not Page.objects.live().search("长三角").count()

    out = io.StringIO()
    call_command("rebuild_search_index", stdout=out)
    output = out.getvalue()
    assert "[##############################]" in output and "home.NewsPage" in output
    assert "default: indexed" in output
    assert [page.slug for page in Page.objects.live().search("长三角")] == ["delta"]


def test_an_unknown_backend_is_a_clear_error(db):
    with pytest.raises(CommandError, match="Unknown search backend 'nope'"):
        call_command("rebuild_search_index", backend="nope", stdout=io.StringIO())
