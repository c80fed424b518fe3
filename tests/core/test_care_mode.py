"""Care mode (关怀模式): one switch in the header, a plain link that works without JavaScript,
remembered in a cookie; and the phone header whose menu folds behind one button."""

import pytest
from bs4 import BeautifulSoup

from cms.core.care_mode import CARE_MODE_COOKIE
from cms.core.models import NavigationMenu, NavigationMenuItem
from tests.factories import content_page

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def test_switching_on_sets_the_cookie_and_goes_back_to_the_page(client, localised_site):
    response = client.get("/care-mode/", {"on": "1", "next": "/news/?page=2"})
    assert response.status_code == 302
    assert response["Location"] == "/news/?page=2"
    assert response.cookies[CARE_MODE_COOKIE].value == "1"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_switching_off_removes_the_cookie(client, localised_site):
    client.cookies[CARE_MODE_COOKIE] = "1"
    response = client.get("/care-mode/", {"on": "0", "next": "/en/"})
    assert response["Location"] == "/en/"
    assert response.cookies[CARE_MODE_COOKIE].value == ""
    assert response.cookies[CARE_MODE_COOKIE]["max-age"] == 0


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""]
)
def test_the_switch_never_sends_the_reader_to_another_site(client, localised_site, target):
    response = client.get("/care-mode/", {"on": "1", "next": target})
    assert response["Location"] == "/"
    assert response.cookies[CARE_MODE_COOKIE].value == "1"


def test_the_header_switch_links_back_to_the_current_page(client, localised_site):
    switch = soup(client.get("/en/?x=1")).select_one("header a.care-switch")
    assert switch["href"] == "/care-mode/?on=1&next=/en/%3Fx%3D1"
    assert switch.text == "Care mode"
    # Following it, the same page comes back in care mode, with a switch to turn it off.
    client.get(switch["href"])
    page = soup(client.get("/en/?x=1"))
    assert "care-mode" in page.html["class"]
    assert page.select_one('link[href$="css/care-mode.css"]') is not None
    assert page.select_one("header a.care-switch")["href"].startswith("/care-mode/?on=0&")


def test_without_the_cookie_pages_have_no_care_mode(client, localised_site):
    page = soup(client.get("/"))
    assert "care-mode" not in (page.html.get("class") or [])
    assert page.select_one('link[href$="css/care-mode.css"]') is None


def test_every_page_kind_carries_care_mode(client, localised_site):
    client.cookies[CARE_MODE_COOKIE] = "1"
    for path in ("/", "/no-such-page/", "/learning-map/", "/progress/", "/activities/"):
        page = soup(client.get(path))
        assert "care-mode" in page.html["class"], path


def test_the_phone_menu_opens_without_javascript(client, localised_site, locales):
    about = content_page(localised_site["zh"], title="中心简介", slug="about")
    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_page=about, sort_order=0)
    page = soup(client.get("/"))
    fold = page.select_one("header details.main-menu__fold")
    # A <details> disclosure: closed at first, its <summary> is the one button that opens it.
    assert fold is not None and not fold.has_attr("open")
    assert fold.summary.text.strip() == "菜单"
    assert [a["href"] for a in fold.select("nav.main-menu a")] == ["/about/"]
    # Structured data (JSON-LD) is the only script: nothing that runs.
    assert all(script.get("type") == "application/ld+json" for script in page.select("script"))
