"""`indexing_deferred`: a long job's saves are indexed once, when it ends, with what was saved last."""

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from cms.core.search_index import indexing_deferred
from tests.factories import news_page


def entries_for(page):
    return IndexEntry.objects.filter(object_id=str(page.pk))


def test_what_a_deferred_job_saves_is_indexed_once_it_ends(news_index):
    with indexing_deferred():
        page = news_page(news_index, title="乡村学堂开学", slug="school")
        assert not entries_for(page).exists(), "not indexed while the job runs"
        page.title = "乡村学堂秋季开学"
        page.save_revision().publish()
    assert entries_for(page).exists()
    found = Page.objects.live().search("秋季开学")
    assert [result.pk for result in found] == [page.pk], "indexed as it was saved last"


def test_saving_indexes_at_once_again_after_the_job(news_index):
    with indexing_deferred():
        pass
    page = news_page(news_index, title="老年大学招生", slug="enrol")
    assert entries_for(page).exists()
