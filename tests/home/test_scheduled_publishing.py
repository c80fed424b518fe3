"""Expired pages leave, and scheduled pages arrive, on time with no timer running.

The first request after the moment (at most a minute later per process) unpublishes what expired
and publishes what is due: the page itself, its listing, the feeds, the API and the sitemap."""

import datetime

import pytest
from django.utils import timezone

from cms import scheduled_publishing
from tests.factories import news_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_requests(settings):
    settings.SCHEDULED_PUBLISHING_IN_REQUESTS = True
    a_minute_passes()


def a_minute_passes():
    scheduled_publishing.ScheduledPublishingMiddleware.next_check = 0.0


def visible_everywhere(client, page):
    return {
        "page": client.get(page.url).status_code == 200,
        "listing": page.title in client.get(page.get_parent().url).content.decode(),
        "feed": page.title in client.get("/news/rss/").content.decode(),
        "api": page.title in client.get("/api/v2/pages/?type=home.NewsPage&fields=title").content.decode(),
        "sitemap": page.url in client.get("/sitemap.xml").content.decode(),
    }


def test_an_expired_page_is_gone_everywhere_by_the_next_request(client, news_index, in_requests):
    item = news_page(news_index, "限时报名通知", slug="limited")
    item.expire_at = timezone.now() + datetime.timedelta(hours=1)
    item.save_revision().publish()
    assert all(visible_everywhere(client, item).values())

    item.__class__.objects.filter(pk=item.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    a_minute_passes()

    assert not any(visible_everywhere(client, item).values())
    item.refresh_from_db()
    assert item.expired and not item.live


def test_a_scheduled_page_goes_live_with_the_next_request(client, news_index, in_requests):
    item = news_page(news_index, "学习周开幕", slug="opening", publish=False)
    revision = item.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(seconds=1)
    revision.save(update_fields=["approved_go_live_at"])

    client.get("/")

    item.refresh_from_db()
    assert item.live
    assert all(visible_everywhere(client, item).values())


def test_nothing_due_means_no_publishing_run(client, news_index, in_requests, monkeypatch):
    news_page(news_index, "常规新闻", slug="regular")
    runs = []
    monkeypatch.setattr(scheduled_publishing, "call_command", lambda *args, **kwargs: runs.append(args))

    client.get("/")

    assert runs == []
