"""The page shell every app shares: links home go to the home page in the reader's language."""

import pytest
from bs4 import BeautifulSoup
from django.template.loader import render_to_string

pytestmark = pytest.mark.django_db


def home_links(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [
        a["href"]
        for a in html.select("a.site-name, main a")
        if a.text.strip()
        in {
            "浙江省社区教育指导中心",
            "Zhejiang Provincial Community Education Guidance Center",
            "返回首页",
            "Go to the home page",
        }
    ]


def test_the_site_name_links_to_the_home_page_of_the_readers_language(client, localised_site):
    assert home_links(client.get("/")) == ["/"]
    assert home_links(client.get("/en/")) == ["/en/"]


def test_a_missing_page_links_to_the_home_page_of_its_language(client, localised_site):
    chinese, english = client.get("/no-such-page/"), client.get("/en/no-such-page/")
    assert chinese.status_code == english.status_code == 404
    assert home_links(chinese) == ["/", "/"]
    assert home_links(english) == ["/en/", "/en/"]


def test_the_server_error_page_links_to_both_home_pages():
    html = BeautifulSoup(render_to_string("500.html"), "html.parser")
    assert {p.get("lang", "zh-hans"): p.a["href"] for p in html.select("p")} == {"zh-hans": "/", "en": "/en/"}
