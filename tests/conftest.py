"""Fixtures shared by every app's tests: a site, and the same site with English."""

import pytest
from django.core.cache import cache, caches
from django.utils import translation
from wagtail.models import Locale, Page, Site

from home.models import HomePage, NewsIndexPage
from tests.browser.chromium import browser  # noqa: F401  (one Chromium per session, for every folder)


def pytest_report_header(config):
    from django.conf import settings

    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine}"


@pytest.fixture(autouse=True)
def _reset_language():
    """Each test starts in the default language, whatever the last one activated."""
    translation.activate("zh-hans")
    yield
    translation.activate("zh-hans")


@pytest.fixture
def locales(db):
    return {
        "zh": Locale.objects.get(language_code="zh-hans"),
        "en": Locale.objects.get(language_code="en"),
    }


@pytest.fixture
def home_page(db, locales):
    """A published HomePage at the root of the default site, replacing Wagtail's welcome page."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePage(title="浙江省社区教育指导中心", slug="home", locale=locales["zh"], introduction="服务全民终身学习")
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True, site_name="测试")
    Site.clear_site_root_paths_cache()
    return home


@pytest.fixture
def site(home_page):
    return Site.objects.get(root_page=home_page)


@pytest.fixture
def news_index(home_page):
    index = NewsIndexPage(title="新闻通知", slug="news", introduction="动态与通知")
    home_page.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def localised_site(home_page, locales):
    """The site with an English home page made through wagtail-localize."""
    from cms.core.translation import translate

    english_home = translate(
        home_page,
        locales["en"],
        {"浙江省社区教育指导中心": "Zhejiang Provincial Community Education Guidance Center"},
    )
    return {"zh": home_page, "en": english_home}


@pytest.fixture
def committing_client(client, django_capture_on_commit_callbacks):
    """The test client, with each POST's transaction.on_commit callbacks run, as after a real
    request (wagtail-localize publishes translations on commit, which a test never reaches)."""

    class CommittingClient(type(client)):
        def post(self, *args, **kwargs):
            with django_capture_on_commit_callbacks(execute=True):
                return super().post(*args, **kwargs)

    client.__class__ = CommittingClient
    return client


@pytest.fixture
def page_cache_on(settings, tmp_path):
    """The page cache on (the test settings keep it off), with a generation stamp of its own."""
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_STAMP_FILE = str(tmp_path / "page-cache-stamp")
    for store in (cache, caches["pages"]):
        store.clear()
    yield
    for store in (cache, caches["pages"]):
        store.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as a committed transaction would: the purge waits for the commit."""

    def run(change):
        with django_capture_on_commit_callbacks(execute=True):
            change()

    return run


def cached_twice(client, url):
    """Visit twice; the second answer must come from the cache. Returns its text."""
    assert client.get(url)["X-Page-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit", url
    return second.content.decode()
