"""Contact data of experts and volunteers never leaves the admin: not on pages, in the API,
search, the sitemap or feeds. Only public profiles and the 百佳 roll are public at all."""

import pytest

from network.models import TOP_100

from .conftest import SECRET_EMAIL, SECRET_ID, SECRET_PHONE

SECRETS = (SECRET_PHONE, SECRET_EMAIL, SECRET_ID, "wang.private")


def assert_no_contact_data(text):
    for secret in SECRETS:
        assert secret not in text


@pytest.fixture
def people(directory, make_organisation, expert, make_volunteer):
    make_organisation("西湖区社区学院")
    top = make_volunteer("陈秀英", honours=[(2025, TOP_100)], phone=SECRET_PHONE, email=SECRET_EMAIL)
    other = make_volunteer("赵志强", honours=[(2025, "优秀志愿者")], phone="13700000000")
    return {"expert": expert, "top": top, "other": other}


def test_public_expert_profile_without_contact_data(client, directory, people):
    listing = client.get("/directory/experts/").content.decode()
    assert "王建华" in listing and "教授" in listing
    response = client.get(f"/directory/experts/{people['expert'].pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "王建华" in html and "浙江开放大学" in html and "老年教育" in html
    assert_no_contact_data(html)
    assert_no_contact_data(listing)


def test_expert_without_public_profile_is_not_shown(client, directory, people):
    expert = people["expert"]
    expert.public_profile = False
    expert.save()
    assert client.get(f"/directory/experts/{expert.pk}/").status_code == 404
    assert "王建华" not in client.get("/directory/experts/").content.decode()


def test_top_100_roll_lists_only_that_honour_and_no_contacts(client, directory, people):
    response = client.get("/directory/volunteers/top-100/2025/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "陈秀英" in html and "赵志强" not in html
    assert "120.5" in html
    assert_no_contact_data(html)
    assert "13700000000" not in html
    assert "陈秀英" in client.get("/directory/volunteers/top-100/").content.decode()  # the latest year
    assert client.get("/directory/volunteers/top-100/2019/").status_code == 404


def test_api_has_no_people_and_no_contact_data(client, directory, people):
    listing = client.get("/api/v2/pages/", {"fields": "*"}).content.decode()
    detail = client.get(f"/api/v2/pages/{directory.pk}/").content.decode()
    for text in (listing, detail):
        assert_no_contact_data(text)
        assert "王建华" not in text and "陈秀英" not in text
    assert client.get("/api/v2/snippets/").status_code == 404


def test_search_finds_no_people_and_no_contact_data(client, directory, people):
    for query in ("王建华", "陈秀英", SECRET_PHONE, SECRET_EMAIL):
        for url in ("/search/", "/api/search/"):
            text = client.get(url, {"q": query}).content.decode().split('class="search-layout"')[-1]
            assert_no_contact_data(text)
            assert "/directory/experts/" not in text
    assert "西湖区社区学院" in client.get("/search/", {"q": "西湖区社区学院"}).content.decode()


def test_sitemap_lists_public_routes_without_contact_data(client, directory, people):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/directory/experts/{people['expert'].pk}/" in sitemap
    assert "/directory/volunteers/top-100/2025/" in sitemap
    assert_no_contact_data(sitemap)


def test_feeds_carry_no_contact_data(client, news_index, people):
    for url in ("/news/rss/", "/news/atom/"):
        response = client.get(url)
        assert response.status_code == 200
        assert_no_contact_data(response.content.decode())
