"""The bilingual shell: /en/ in English, the switcher goes to the translation when it exists."""

import pytest
from bs4 import BeautifulSoup

from cms.core.models import NavigationMenu, NavigationMenuItem, SiteIdentity
from cms.core.translation import translate
from tests.factories import content_page

pytestmark = pytest.mark.django_db


def switcher_links(response):
    html = BeautifulSoup(response.content, "html.parser")
    return {a["hreflang"]: a["href"] for a in html.select(".language-switcher a")}


def test_english_home_answers_in_english(client, localised_site):
    response = client.get("/en/")
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en"
    assert "Zhejiang Provincial Community Education Guidance Center" in html.h1.text
    assert "Skip to content" in html.find("a", class_="skip-link").text


def test_the_footer_and_title_name_the_center_in_the_readers_language(client, localised_site, locales):
    identity = SiteIdentity.objects.get(locale=locales["zh"])
    identity.center_name, identity.address = "某某社区学院", "杭州市文三路1号"
    identity.save()

    def shell(url):
        html = BeautifulSoup(client.get(url).content, "html.parser")
        return html.find("footer").text, html.find("a", class_="site-name").text, html.title.text

    chinese = shell("/")
    assert "某某社区学院" in chinese[0] and "杭州市文三路1号" in chinese[0] and chinese[1] == "某某社区学院"
    # Untranslated, English pages show the Chinese name rather than none.
    assert "某某社区学院" in shell("/en/")[0]

    translate(identity, locales["en"], {"某某社区学院": "Some Community College", "杭州市文三路1号": "1 Wensan Road"})
    english = shell("/en/")
    assert "Some Community College" in english[0] and "1 Wensan Road" in english[0] and "某某社区学院" not in english[0]
    assert english[1] == "Some Community College"
    assert shell("/")[1] == "某某社区学院"


def test_switcher_goes_to_the_translated_page(client, localised_site, locales):
    about = content_page(localised_site["zh"], title="中心简介", slug="about")
    translate(about, locales["en"], {"中心简介": "About the Center"})

    assert switcher_links(client.get("/about/")) == {"en": "/en/about/"}
    assert switcher_links(client.get("/en/about/")) == {"zh-Hans": "/about/"}
    english = BeautifulSoup(client.get("/en/about/").content, "html.parser")
    assert english.h1.text == "About the Center"
    alternates = {link["hreflang"] for link in english.select("link[rel=alternate][hreflang]")}
    assert alternates == {"zh-Hans", "en", "x-default"}


def test_switcher_says_in_words_when_the_page_is_not_translated(client, localised_site):
    page = content_page(localised_site["zh"], title="仅有中文", slug="chinese-only")
    html = BeautifulSoup(client.get("/chinese-only/").content, "html.parser")
    link = html.select_one(".language-switcher a[hreflang=en]")
    # Visible text, not a tooltip: phones show no title attributes.
    assert " ".join(link.text.split()) == "English （本页尚未翻译）"
    assert not link.has_attr("title")
    assert link["href"] == f"/en/untranslated/{page.pk}/"


def test_the_untranslated_notice_links_to_the_original_and_the_nearest_translation(client, localised_site, locales):
    section = content_page(localised_site["zh"], title="专题", slug="topics")
    translate(section, locales["en"], {"专题": "Topics"})
    page = content_page(section, title="仅有中文", slug="chinese-only")

    response = client.get(f"/en/untranslated/{page.pk}/")

    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    assert html.html["lang"] == "en"
    assert html.h1.text == "This page is not available in English yet"
    links = {a.text: a["href"] for a in html.select("main a")}
    assert links["仅有中文"] == "/topics/chinese-only/"
    assert links["Topics"] == "/en/topics/"
    assert html.select_one('meta[name="robots"]')["content"] == "noindex"


def test_the_untranslated_notice_leads_on_once_the_translation_exists(client, localised_site, locales):
    page = content_page(localised_site["zh"], title="中心简介", slug="about")
    translate(page, locales["en"], {"中心简介": "About the Center"})
    response = client.get(f"/en/untranslated/{page.pk}/")
    assert response.status_code == 302 and response["Location"] == "/en/about/"


def test_the_untranslated_notice_shows_no_unpublished_page(client, localised_site):
    draft = content_page(localised_site["zh"], title="草稿", slug="draft", publish=False)
    assert client.get(f"/en/untranslated/{draft.pk}/").status_code == 404


def test_untranslated_english_url_is_not_found(client, localised_site):
    content_page(localised_site["zh"], title="仅有中文", slug="chinese-only")
    assert client.get("/en/chinese-only/").status_code == 404


def test_menus_are_read_in_the_readers_language(client, localised_site, locales):
    about = content_page(localised_site["zh"], title="中心简介", slug="about")
    translate(about, locales["en"], {"中心简介": "About the Center"})
    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_page=about, sort_order=0)

    chinese = BeautifulSoup(client.get("/").content, "html.parser").select(".main-menu__bar a")
    english = BeautifulSoup(client.get("/en/").content, "html.parser").select(".main-menu__bar a")

    assert [(a.text, a["href"]) for a in chinese] == [("中心简介", "/about/")]
    assert [(a.text, a["href"]) for a in english] == [("About the Center", "/en/about/")]


def test_menu_never_links_to_a_draft(client, home_page, locales):
    draft = content_page(home_page, title="草稿", slug="draft", publish=False)
    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_page=draft, sort_order=0)
    assert "草稿" not in client.get("/").content.decode()


def test_interface_strings_follow_the_language(client, localised_site):
    chinese = client.get("/").content.decode()
    english = client.get("/en/").content.decode()
    assert "新闻" in chinese and "通知公告" in chinese
    assert "News" in english and "Notices" in english
