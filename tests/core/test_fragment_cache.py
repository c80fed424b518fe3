"""The fragment caches (menus, the centre's name): kept between requests, never stale, with the
page cache on or off (cms/core/fragment_cache.py)."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches

from cms.core.models import NavigationMenu, NavigationMenuItem, SiteIdentity
from home.models import NewsIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture(params=[300, 0], ids=["page-cache-on", "page-cache-off"])
def fragment_cache_on(request, settings, tmp_path):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_SECONDS = request.param
    settings.PAGE_CACHE_STAMP_FILE = str(tmp_path / "page-cache-stamp")
    caches["pages"].clear()
    yield
    caches["pages"].clear()


def menu_titles(client):
    page = BeautifulSoup(client.get("/").content, "html.parser")
    return [link.get_text() for link in page.select("nav.main-menu__bar a")]


def test_a_newly_published_page_shows_in_the_menu_at_once(fragment_cache_on, home_page, locales, client, committed):
    index = home_page.add_child(instance=NewsIndexPage(title="新闻通知", slug="news", live=False))
    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_page=index)
    assert menu_titles(client) == []  # a draft is never linked
    committed(lambda: index.save_revision().publish())
    assert menu_titles(client) == ["新闻通知"]


def test_a_renamed_page_shows_its_new_title_at_once(fragment_cache_on, news_index, locales, client, committed):
    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_page=news_index)
    assert menu_titles(client) == ["新闻通知"]

    def rename():
        news_index.title = "通知公告"
        news_index.save_revision().publish()

    committed(rename)
    assert menu_titles(client) == ["通知公告"]


def test_a_moved_page_links_to_its_new_address_at_once(fragment_cache_on, news_index, locales, client, committed):
    parent = news_index.get_parent()
    other = parent.add_child(instance=NewsIndexPage(title="栏目", slug="section"))
    other.save_revision().publish()
    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_page=news_index)
    client.get("/")
    committed(lambda: news_index.move(other, pos="last-child"))
    page = BeautifulSoup(client.get("/").content, "html.parser")
    assert [link["href"] for link in page.select("nav.main-menu__bar a")] == ["/section/news/"]


def test_a_changed_centre_name_shows_at_once(fragment_cache_on, home_page, locales, client, committed):
    identity, _ = SiteIdentity.objects.update_or_create(locale=locales["zh"], defaults={"center_name": "社区学院"})
    assert "社区学院" in client.get("/").content.decode()

    def rename():
        identity.center_name = "终身学习中心"
        identity.save()

    committed(rename)
    text = client.get("/").content.decode()
    assert "终身学习中心" in text and "社区学院" not in text
