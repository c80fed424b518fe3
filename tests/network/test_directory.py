"""The public directory: listing, filters, pagination, an organisation's page and its JSON-LD."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

from network.models import DirectoryIndexPage, OrganisationPage


def test_page_tree_rules(directory, home_page):
    assert DirectoryIndexPage in home_page.specific_class.allowed_subpage_models()
    assert directory.specific_class.allowed_subpage_models() == [OrganisationPage]
    assert OrganisationPage.allowed_subpage_models() == []
    assert OrganisationPage.allowed_parent_page_models() == [DirectoryIndexPage]


def test_listing_shows_live_organisations_only(client, make_organisation):
    make_organisation("西湖区社区学院")
    make_organisation("草稿中的社区学校", publish=False)
    html = client.get("/directory/").content.decode()
    assert "西湖区社区学院" in html
    assert "草稿中的社区学校" not in html


def test_filter_by_type(client, make_organisation):
    make_organisation("西湖区社区学院")
    make_organisation("良渚文化体验基地", kind=OrganisationPage.Kind.EXPERIENCE_BASE, region="余杭区")
    html = client.get("/directory/?type=experience_base").content.decode()
    assert "良渚文化体验基地" in html and "西湖区社区学院" not in html


def test_filter_by_city_includes_its_counties(client, make_organisation):
    make_organisation("西湖区社区学院", region="西湖区")
    make_organisation("杭州市社区大学", region="杭州市")
    make_organisation("鄞州区社区学院", region="鄞州区")
    html = client.get("/directory/?region=3301").content.decode()
    assert "西湖区社区学院" in html and "杭州市社区大学" in html
    assert "鄞州区社区学院" not in html


def test_unknown_filter_values_show_everything(client, make_organisation):
    make_organisation("西湖区社区学院")
    response = client.get("/directory/?type=nonsense&region=9999&page=abc")
    assert response.status_code == 200 and "西湖区社区学院" in response.content.decode()


def test_paginated(client, make_organisation, directory):
    for number in range(directory.per_page + 3):
        make_organisation(f"社区学校{number:02d}", kind=OrganisationPage.Kind.COMMUNITY_SCHOOL)
    first = client.get("/directory/").content.decode()
    second = client.get("/directory/?page=2").content.decode()
    assert first.count('class="card"') == directory.per_page
    assert second.count('class="card"') == 3


def _queries(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_listing_queries_do_not_grow_with_the_organisations(client, make_organisation):
    make_organisation(region="西湖区")
    make_organisation(region="杭州市")
    client.get("/directory/")  # warm the site and locale caches
    few = _queries(client, "/directory/")
    for number in range(8):
        make_organisation(region=["西湖区", "鄞州区", None][number % 3])
    assert _queries(client, "/directory/") == few
    assert _queries(client, "/directory/?region=3301&type=community_college") <= few + 1


def test_organisation_page_with_public_contacts_and_jsonld(client, make_organisation):
    page = make_organisation(
        "西湖区社区学院",
        level=OrganisationPage.Level.COUNTY,
        address="杭州市西湖区文三路 100 号",
        phone="0571-88880000",
        email="office@example.org",
        website="https://example.org/",
    )
    html = client.get(page.url).content.decode()
    assert "杭州市西湖区文三路 100 号" in html and "0571-88880000" in html
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "EducationalOrganization"
    assert data["name"] == "西湖区社区学院"
    assert data["address"]["addressLocality"] == "杭州市"
    assert data["address"]["streetAddress"] == "杭州市西湖区文三路 100 号"
    assert data["telephone"] == "0571-88880000" and data["url"] == "https://example.org/"


def test_association_is_a_plain_organization(client, make_organisation):
    page = make_organisation("浙江省社区教育协会", kind=OrganisationPage.Kind.ASSOCIATION, region=None)
    html = client.get(page.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "Organization" and "addressLocality" not in data["address"]
