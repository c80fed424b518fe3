"""The demo site builds, can be built twice without duplicates, and reads in both languages."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from calls.models import CallPage
from cms.core.models import NavigationMenu
from home.models import NewsPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_demo_content_is_complete_and_idempotent(client):
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    pages = Page.objects.count()
    news = NewsPage.objects.live().count()
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())

    assert Page.objects.count() == pages
    assert news >= 10
    assert NewsPage.objects.filter(kind="notice").count() >= 5
    assert NavigationMenu.objects.filter(slot="main").count() == 2

    home = client.get("/")
    assert home.status_code == 200 and "浙江省社区教育指导中心" in home.content.decode()
    english = client.get("/en/").content.decode()
    assert "Zhejiang Provincial Community Education Guidance Center" in english
    assert client.get("/en/about/").status_code == 200
    english_about = client.get("/en/about/").content.decode()
    assert "About the Center" in english_about
    assert "We guide community-education practice" in english_about and "开展社区教育实践指导" not in english_about
    assert "The center works in six areas" in english
    assert client.get("/api/v2/pages/?type=home.NewsPage").json()["meta"]["total_count"] == news
    manuscripts = CallPage.objects.get(slug="journal-2027-1-manuscripts", locale=Locale.get_default())
    assert [f.name for f in manuscripts.expertise.all()] == ["社区教育理论", "终身学习政策", "老年教育"]
    assert manuscripts.blind_review
    for url in ("/news/", "/news/rss/", "/sitemap.xml", "/about/"):
        assert client.get(url).status_code == 200, url

    # Links point where the site is served (WAGTAILADMIN_BASE_URL), not Wagtail's placeholder.
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/about/</loc>" in sitemap and "localhost" not in sitemap
    assert "<title>浙江省社区教育指导中心</title>" in home.content.decode()
    assert "<title>中心简介 - 浙江省社区教育指导中心</title>" in client.get("/about/").content.decode()
