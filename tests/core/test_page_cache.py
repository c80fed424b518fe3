"""The anonymous page cache: a second visit costs no query, and no visitor ever sees a stale or
someone else's page (cms/core/page_cache.py, page_cache_purge.py)."""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Page, PageViewRestriction

from cms.core import page_cache, scheduled_publishing
from cms.core.care_mode import CARE_MODE_COOKIE
from cms.core.models import NavigationMenu, NavigationMenuItem, SiteSettings
from cms.core.page_cache_purge import purge_after_commit
from tests.conftest import cached_twice
from tests.factories import content_page, news_page

pytestmark = pytest.mark.django_db


def test_a_second_anonymous_visit_costs_no_query(page_cache_on, news_index, client, django_assert_num_queries):
    news_page(news_index, "学习周开幕")
    first = client.get("/news/")
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get("/news/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=0" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    assert second["ETag"] == first["ETag"]
    assert second["Content-Security-Policy"]  # the security headers are added to cached answers too


def test_a_browser_revalidating_gets_304_without_the_page(page_cache_on, home_page, client):
    etag = client.get("/")["ETag"]
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304  # from the cache
    assert client.get("/", HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    caches["pages"].clear()
    assert client.get("/", HTTP_IF_NONE_MATCH=etag).status_code == 304  # rebuilt, same content


def test_head_is_answered_from_the_entry_get_made(page_cache_on, home_page, client):
    client.get("/")
    assert client.head("/")["X-Page-Cache"] == "hit"


def test_each_language_and_query_string_has_its_own_entry(page_cache_on, localised_site, client):
    chinese = client.get("/").content.decode()
    english = client.get("/en/")
    assert english["X-Page-Cache"] == "miss"
    assert "Zhejiang Provincial" in english.content.decode() and english.content.decode() != chinese
    assert client.get("/?page=2")["X-Page-Cache"] == "miss"


def test_care_mode_visitors_have_their_own_entry(page_cache_on, home_page, client):
    cached_twice(client, "/")
    client.cookies[CARE_MODE_COOKIE] = "1"
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    del client.cookies[CARE_MODE_COOKIE]
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_off_when_page_cache_seconds_is_zero(settings, home_page, client):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    second = client.get("/")
    assert "X-Page-Cache" not in second and "public" not in second.get("Cache-Control", "")


# --- what purges -------------------------------------------------------------------------------


def test_publishing_a_page_shows_it_in_its_listing(page_cache_on, news_index, client, committed):
    cached_twice(client, "/news/")
    committed(lambda: news_page(news_index, "社区学习活动周开幕"))
    assert "社区学习活动周开幕" in client.get("/news/").content.decode()


def test_editing_and_republishing_shows_the_change(page_cache_on, news_index, client, committed):
    item = news_page(news_index, "旧标题", slug="item")
    assert "旧标题" in cached_twice(client, "/news/item/")

    def edit():
        item.title = "新标题"
        item.save_revision().publish()

    committed(edit)
    assert "新标题" in client.get("/news/item/").content.decode()


def test_unpublishing_removes_the_page_and_its_listing_entry(page_cache_on, news_index, client, committed):
    item = news_page(news_index, "将撤下的通知", slug="gone")
    cached_twice(client, "/news/gone/")
    assert "将撤下的通知" in cached_twice(client, "/news/")
    committed(item.unpublish)
    assert client.get("/news/gone/").status_code == 404
    assert "将撤下的通知" not in client.get("/news/").content.decode()


def test_moving_a_page_changes_its_address(page_cache_on, news_index, home_page, client, committed):
    about = content_page(home_page, "中心简介", slug="about")
    other = content_page(home_page, "其他", slug="other")
    cached_twice(client, "/about/")
    committed(lambda: Page.objects.get(pk=about.pk).move(other, pos="last-child"))
    moved = client.get("/about/")
    assert moved.status_code == 301 and moved["Location"].endswith("/other/about/")  # Wagtail's redirect
    assert client.get("/other/about/").status_code == 200


def test_deleting_a_page(page_cache_on, news_index, client, committed):
    item = news_page(news_index, "将删除的通知", slug="deleted")
    cached_twice(client, "/news/deleted/")
    committed(lambda: Page.objects.get(pk=item.pk).delete())
    assert client.get("/news/deleted/").status_code == 404


def test_publishing_a_translation(page_cache_on, localised_site, client, committed):
    english_home = localised_site["en"]
    cached_twice(client, "/en/")

    def retitle():
        english_home.introduction = "Learning for everyone, everywhere"
        english_home.save_revision().publish()

    committed(retitle)
    assert "Learning for everyone, everywhere" in client.get("/en/").content.decode()


def test_a_scheduled_page_going_live_and_one_expiring(page_cache_on, news_index, client, committed):
    due = news_page(news_index, "定时发布的通知", slug="due", publish=False)
    revision = due.save_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(seconds=1)
    revision.save(update_fields=["approved_go_live_at"])
    expiring = news_page(news_index, "到期下线的通知", slug="expiring")
    type(expiring).objects.filter(pk=expiring.pk).update(expire_at=timezone.now() - datetime.timedelta(seconds=1))
    before = cached_twice(client, "/news/")
    assert "定时发布的通知" not in before and "到期下线的通知" in before

    committed(scheduled_publishing.publish_what_is_due)  # what the timer and the middleware run

    after = client.get("/news/").content.decode()
    assert "定时发布的通知" in after and "到期下线的通知" not in after


def test_site_settings_change(page_cache_on, site, client, committed):
    cached_twice(client, "/")

    def change():
        settings_row = SiteSettings.for_site(site)
        settings_row.phone = "0571-88886666"
        settings_row.save()

    committed(change)
    assert "0571-88886666" in client.get("/").content.decode()


def test_menu_change(page_cache_on, news_index, locales, client, committed):
    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_url="/news/", title="新闻")
    cached_twice(client, "/")
    committed(lambda: NavigationMenuItem.objects.create(menu=menu, link_url="/sitemap.xml", title="网站地图索引"))
    assert "网站地图索引" in client.get("/").content.decode()


def test_a_document_change_purges(page_cache_on, home_page, client, committed):
    cached_twice(client, "/")
    committed(lambda: Document.objects.create(title="年度报告", file=ContentFile(b"report", name="report.txt")))
    assert client.get("/")["X-Page-Cache"] == "miss"


def test_one_purge_per_transaction_however_many_rows(page_cache_on, home_page, client, committed, monkeypatch):
    purges = []
    monkeypatch.setattr(page_cache, "purge", lambda: purges.append(1))

    def many_changes():
        for number in range(5):
            content_page(home_page, f"页面{number}", slug=f"page-{number}")
        purge_after_commit()

    committed(many_changes)
    assert len(purges) == 1


def test_the_generation_is_shared_by_every_process(page_cache_on, home_page, client, committed):
    """With the process-local memory cache, another worker sees a purge through the stamp file."""
    cached_twice(client, "/")
    generation = page_cache.current_generation()
    committed(lambda: content_page(home_page, "新页面", slug="new"))
    assert page_cache.current_generation() != generation


def test_front_cache_is_purged_with_every_live_page(page_cache_on, home_page, client, committed, monkeypatch):
    purged = []
    monkeypatch.setattr(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge_batch", lambda self, urls: purged.extend(urls)
    )
    with override_settings(
        WAGTAILFRONTENDCACHE={
            "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cache"}
        }
    ):
        page = client.get("/")
        assert "s-maxage=300" in page["Cache-Control"]  # a Wagtail page the front cache can be told to drop
        assert "s-maxage" not in client.get("/?page=2")["Cache-Control"]  # not purgeable by URL: revalidated
        committed(lambda: content_page(home_page, "新页面", slug="new"))
    assert "http://testserver/" in purged and "http://testserver/new/" in purged


# --- never cached ------------------------------------------------------------------------------


def never_cached(client, url):
    for _ in range(2):
        response = client.get(url)
        assert response.get("X-Page-Cache") != "hit", url
        assert "public" not in response.get("Cache-Control", ""), url
    return response


def test_a_signed_in_editor_is_never_served_nor_stored(page_cache_on, home_page, client, admin_user):
    anonymous = cached_twice(client, "/")
    client.force_login(admin_user)
    editor_view = never_cached(client, "/")
    assert editor_view.content.decode() != anonymous  # the editor's page carries the user bar
    client.logout()
    client.cookies.clear()
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert client.get("/").content.decode() == anonymous


def test_the_admin_and_previews_are_never_cached(page_cache_on, home_page, client, admin_user):
    client.force_login(admin_user)
    never_cached(client, "/admin/")
    never_cached(client, f"/admin/pages/{home_page.pk}/edit/preview/")
    client.logout()
    client.cookies.clear()
    assert client.get("/admin/").status_code == 302
    assert "X-Page-Cache" not in client.get("/admin/login/")


def test_the_health_check_is_never_cached(page_cache_on, home_page, client):
    response = client.get("/healthz/")
    assert "X-Page-Cache" not in response


def test_a_password_protected_page_is_never_cached(page_cache_on, home_page, client):
    secret = content_page(home_page, "内部资料", slug="internal", body=[])
    PageViewRestriction.objects.create(page=secret, restriction_type="password", password="open-sesame")
    form = never_cached(client, "/internal/")
    assert 'name="password"' in form.content.decode()
    action = form.content.decode().split('action="')[1].split('"')[0]
    assert client.post(action, {"password": "open-sesame", "return_url": "/internal/"}).status_code == 302
    assert 'name="password"' not in never_cached(client, "/internal/").content.decode()


def test_a_login_restricted_page_is_never_cached(page_cache_on, home_page, client):
    members = content_page(home_page, "会员专区", slug="members")
    PageViewRestriction.objects.create(page=members, restriction_type="login")
    assert client.get("/members/").status_code == 302
    member = User.objects.create_user("member", password="member-password-1")
    client.force_login(member)
    assert "会员专区" in never_cached(client, "/members/").content.decode()


def test_a_response_that_sets_a_cookie_or_holds_a_csrf_token_is_not_stored(page_cache_on, home_page, client):
    from django.middleware.csrf import get_token

    assert page_cache.response_is_storable(_request_using_csrf(get_token), _ok()) is False
    response = _ok()
    response.set_cookie("anything", "1")
    assert page_cache.response_is_storable(_plain_request(), response) is False
    assert page_cache.response_is_storable(_plain_request(), _ok()) is True


def test_a_post_is_never_cached(page_cache_on, home_page, client):
    client.get("/")
    assert "X-Page-Cache" not in client.post("/", {})


def test_messages_waiting_bypass_the_cache(page_cache_on, home_page, client):
    client.get("/")
    client.cookies["messages"] = "anything"
    assert "X-Page-Cache" not in client.get("/")


def _ok():
    from django.http import HttpResponse

    return HttpResponse("page")


def _plain_request():
    from django.test import RequestFactory

    return RequestFactory().get("/")


def _request_using_csrf(get_token):
    request = _plain_request()
    get_token(request)
    return request
