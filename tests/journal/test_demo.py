"""The journal's demo content: complete, deterministic, idempotent and browsable."""

import datetime
import io

import pytest

from demo import journal as demo
from journal.counter import title_report
from journal.models import ArticlePage, CasePage, IssuePage, JournalPage, Person, ReportPage, ResearchProject

from .conftest import BROWSER


@pytest.mark.django_db
def test_demo_journal_is_complete_and_idempotent(home_page, client):
    demo.load(home_page, io.StringIO())
    counts = [model.objects.count() for model in (ArticlePage, IssuePage, Person, CasePage, ResearchProject)]
    titles = list(ArticlePage.objects.order_by("slug").values_list("title", flat=True))
    demo.load(home_page, io.StringIO())
    assert [model.objects.count() for model in (ArticlePage, IssuePage, Person, CasePage, ResearchProject)] == counts
    assert list(ArticlePage.objects.order_by("slug").values_list("title", flat=True)) == titles
    # A month of demo usage, replayed once: of the log's 79 visits, 16 by two robots and 15
    # reloads within 30 seconds are not counted.
    (november,) = title_report(datetime.date(2026, 11, 1))
    assert november.Total_Item_Investigations == november.Total_Item_Requests == 48
    assert november.Unique_Title_Investigations == 48  # each reader's visits are hours apart

    assert IssuePage.objects.filter(year__in=[2018, 2019], live=True).count() == 8
    assert ArticlePage.objects.live().count() >= 80
    assert len(set(titles)) == len(titles)
    assert CasePage.objects.live().count() >= 20
    assert ReportPage.objects.live().count() == 1
    assert ArticlePage.objects.exclude(title_en="").exclude(abstract_en="").count() == ArticlePage.objects.count()

    journal = JournalPage.objects.get()
    article = ArticlePage.objects.live().order_by("-path").first()
    for url in (journal.url, article.get_parent().url, article.url, journal.url + "rss/", "/oai/?verb=ListSets"):
        assert client.get(url, **BROWSER).status_code == 200, url
    for page in (CasePage.objects.first().get_parent(), ReportPage.objects.get()):
        assert client.get(page.url + "?region=huzhou", **BROWSER).status_code == 200
