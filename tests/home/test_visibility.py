"""Drafts and private pages never reach the public: sitemap, feeds, API."""

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.factories import news_page

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def mixed_news(news_index):
    public = news_page(news_index, "公开新闻", slug="public")
    draft = news_page(news_index, "草稿新闻", slug="draft", publish=False)
    private = news_page(news_index, "内部新闻", slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    unpublished = news_page(news_index, "已撤下新闻", slug="unpublished")
    unpublished.unpublish()
    return {"public": public, "draft": draft, "private": private, "unpublished": unpublished}


def test_sitemap_lists_only_live_public_pages(client, mixed_news):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = [loc.text for loc in ET.fromstring(response.content).findall("s:url/s:loc", SITEMAP_NS)]
    assert "http://testserver/news/public/" in locations
    for hidden in ("draft", "private", "unpublished"):
        assert f"http://testserver/news/{hidden}/" not in locations


def test_sitemap_includes_english_pages_with_alternates(client, localised_site):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in root.findall("s:url/s:loc", SITEMAP_NS)]
    assert "http://testserver/" in locations and "http://testserver/en/" in locations
    links = root.findall("s:url/{http://www.w3.org/1999/xhtml}link", SITEMAP_NS)
    assert {link.get("hreflang") for link in links} == {"zh-Hans", "en"}


@pytest.mark.parametrize("feed", ["rss", "atom"])
def test_feeds_list_only_live_public_news(client, mixed_news, feed):
    response = client.get(f"/news/{feed}/")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    titles = [element.text for element in root.iter() if element.tag.endswith("title")]
    assert "公开新闻" in titles
    for hidden in ("草稿新闻", "内部新闻", "已撤下新闻"):
        assert hidden not in titles


def test_pages_api_lists_only_live_public_pages(client, mixed_news):
    response = client.get("/api/v2/pages/", {"type": "home.NewsPage", "fields": "title,date,kind"})
    assert response.status_code == 200
    data = response.json()
    titles = [item["title"] for item in data["items"]]
    assert titles == ["公开新闻"]
    assert data["items"][0]["kind"] == "news"
    for page in ("draft", "private", "unpublished"):
        assert client.get(f"/api/v2/pages/{mixed_news[page].pk}/").status_code == 404


def test_pages_api_search_does_not_find_drafts(client, mixed_news):
    titles = [item["title"] for item in client.get("/api/v2/pages/", {"search": "草稿新闻"}).json()["items"]]
    assert "草稿新闻" not in titles


def test_documents_api_hides_documents_in_private_collections(client, home_page):
    Document = get_document_model()
    root = Collection.get_first_root_node()
    private = root.add_child(name="内部资料")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    Document.objects.create(title="公开文件", file=ContentFile(b"public", name="public.txt"), collection=root)
    Document.objects.create(title="内部文件", file=ContentFile(b"secret", name="secret.txt"), collection=private)

    titles = [item["title"] for item in client.get("/api/v2/documents/").json()["items"]]

    assert titles == ["公开文件"]


def test_a_private_document_is_served_only_through_wagtail_to_those_allowed(client, home_page):
    Document = get_document_model()
    private = Collection.get_first_root_node().add_child(name="内部资料")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    document = Document.objects.create(
        title="内部文件", file=ContentFile(b"secret", name="secret.txt"), collection=private
    )

    assert document.url == f"/documents/{document.pk}/{document.filename}"  # the view, never MEDIA_URL
    anonymous = client.get(document.url)
    client.force_login(get_user_model().objects.create_user(username="staff", password="x"))
    signed_in = client.get(document.url)

    assert anonymous.status_code == 302 and "secret" not in anonymous.content.decode()
    assert signed_in.status_code == 200 and b"".join(signed_in.streaming_content) == b"secret"


def test_script_bearing_files_are_not_accepted_as_documents():
    form_class = get_document_form(get_document_model())
    for name, content in [
        ("x.xml", b"<x:script xmlns:x='http://www.w3.org/1999/xhtml'>alert(1)</x:script>"),
        ("x.html", b"<script>alert(1)</script>"),
        ("x.svg", b"<svg onload='alert(1)'/>"),
    ]:
        form = form_class({"title": name}, {"file": SimpleUploadedFile(name, content)})
        assert not form.is_valid() and "file" in form.errors, name


def test_sitemap_queries_do_not_grow_with_the_number_of_pages(client, news_index, localised_site):
    def sitemap_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/sitemap.xml").status_code == 200
        return len(queries)

    for number in range(3):
        news_page(news_index, f"通知{number}", slug=f"notice-{number}")
    few = sitemap_queries()  # the first also fills Wagtail's per-site caches
    for number in range(3, 13):
        news_page(news_index, f"通知{number}", slug=f"notice-{number}")
    assert sitemap_queries() <= few <= 12  # before the fix: one more query per page
