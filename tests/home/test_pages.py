"""Every page type renders, in the right language, with the shell readers rely on."""

import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from wagtail.models import Page

from cms.core.models import NavigationMenu, NavigationMenuItem, SiteSettings
from home.models import ContentPage, HomePage, NewsIndexPage, NewsPage
from tests.factories import content_page, news_page

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_home_page_renders_in_chinese_with_the_center_name(client, site):
    settings = SiteSettings.for_site(site)
    settings.icp_number = "浙ICP备12345678号"
    settings.public_security_number = "浙公网安备 33010602000001号"
    settings.save()

    response = client.get("/")

    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "zh-Hans"
    assert "浙江省社区教育指导中心" in page.title.text
    footer = page.find("footer").text
    assert "浙ICP备12345678号" in footer
    assert "浙公网安备 33010602000001号" in footer
    assert "跳到正文" in page.find("a", class_="skip-link").text


def test_content_page_renders_its_streamfield_blocks(client, home_page):
    page = content_page(
        home_page,
        body=[
            ("heading", {"text": "主要职责", "level": "h2"}),
            ("paragraph", "<p>开展社区教育实践指导。</p>"),
            ("quote", {"text": "让每一座文化礼堂都成为课堂。", "attribution": "中心"}),
            (
                "table",
                {
                    "caption": "年度目标",
                    "table": {"data": [["项目", "目标"], ["特色课程", "100"]], "first_row_is_table_header": True},
                },
            ),
        ],
    )

    response = client.get(page.url)

    assert response.status_code == 200
    html = soup(response)
    assert html.find("h2", string="主要职责")
    assert "开展社区教育实践指导。" in html.text
    assert html.find("blockquote")
    assert html.find("table") and "特色课程" in html.find("table").text
    breadcrumbs = html.find("nav", class_="breadcrumbs")
    assert breadcrumbs.find("a")["href"] == "/"


def test_news_index_lists_news_newest_first_and_filters_notices(client, news_index):
    import datetime

    news_page(news_index, "旧闻", slug="old", date=datetime.date(2019, 1, 1))
    news_page(news_index, "新闻", slug="new", date=datetime.date(2019, 6, 1))
    news_page(news_index, "通知", slug="notice", kind=NewsPage.Kind.NOTICE, date=datetime.date(2019, 3, 1))

    titles = [a.text for a in soup(client.get("/news/")).select(".news-index li > a")]
    assert titles == ["新闻", "通知", "旧闻"]

    notices = [a.text for a in soup(client.get("/news/?kind=notice")).select(".news-index li > a")]
    assert notices == ["通知"]


def test_news_page_renders_with_chinese_date(client, news_index):
    page = news_page(news_index, "学习活动周开幕")
    response = client.get(page.url)
    assert response.status_code == 200
    assert "2019年10月20日" in response.content.decode()


@pytest.mark.parametrize("page_number", ["abc", "-1", "9999", "1' OR '1'='1", ""])
def test_news_index_pagination_never_fails(client, news_index, page_number):
    for number in range(12):
        news_page(news_index, f"新闻{number}", slug=f"n{number}")
    response = client.get("/news/", {"page": page_number})
    assert response.status_code == 200


def test_news_index_paginates_ten_per_page(client, news_index):
    for number in range(12):
        news_page(news_index, f"新闻{number}", slug=f"n{number}")
    first = soup(client.get("/news/"))
    second = soup(client.get("/news/?page=2"))
    assert len(first.select(".news-index > li")) == 10
    assert len(second.select(".news-index > li")) == 2
    assert first.select_one(".pagination a[rel=next]")["href"] == "?page=2"


def test_news_index_runs_a_fixed_number_of_queries(client, news_index, django_assert_max_num_queries):
    for number in range(10):
        news_page(news_index, f"新闻{number}", slug=f"n{number}")
    client.get("/news/")  # warm the site and settings caches
    with django_assert_max_num_queries(21) as few:  # 26 before the main menu was resolved once a request
        client.get("/news/")
    for number in range(10, 30):
        news_page(news_index, f"新闻{number}", slug=f"n{number}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/news/")


def test_home_page_runs_few_queries_with_menus_from_the_fragment_cache(
    client, news_index, locales, settings, tmp_path, django_assert_max_num_queries
):
    settings.FRAGMENT_CACHE_SECONDS = 3600
    settings.PAGE_CACHE_STAMP_FILE = str(tmp_path / "page-cache-stamp")
    caches["pages"].clear()
    for slot in ("main", "footer"):
        menu = NavigationMenu.objects.create(slot=slot, locale=locales["zh"])
        NavigationMenuItem.objects.create(menu=menu, link_page=news_index)
        NavigationMenuItem.objects.create(menu=menu, link_url="/sitemap.xml", title="网站地图")
    for number in range(3):
        news_page(news_index, f"新闻{number}", slug=f"n{number}")
    client.get("/")  # fills the fragment cache
    # Menus, the centre's name and its other names come from the cache; the sections are plain
    # pages (one query, not one per page type). It was 43 on the demo before the fragment caches.
    with django_assert_max_num_queries(16):
        response = client.get("/")
    assert "网站地图" in response.content.decode()
    caches["pages"].clear()


def test_unknown_page_is_a_404_with_a_friendly_page(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面不存在" in response.content.decode()


def test_page_tree_rules():
    assert NewsPage.can_create_at(NewsIndexPage()) is True
    assert NewsPage.can_create_at(HomePage()) is False
    assert ContentPage.can_create_at(HomePage()) is True
    assert HomePage.can_create_at(Page(depth=1)) is True
    assert NewsPage.subpage_types == []


def test_robots_txt_points_at_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_static_assets_are_local(client, home_page):
    html = soup(client.get("/"))
    for tag in html.find_all(["link", "script", "img"]):
        url = tag.get("href") or tag.get("src") or ""
        if tag.name == "link" and tag.get("rel") in (["alternate"], ["canonical"]):  # addresses, not assets
            continue
        assert not url.startswith(("http://", "https://", "//")), f"external asset: {url}"
