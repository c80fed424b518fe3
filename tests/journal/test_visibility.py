"""Drafts and private articles never reach feeds, OAI-PMH, the sitemap or the API."""

import pytest
from wagtail.models import PageViewRestriction

from .conftest import BROWSER, make_article


@pytest.fixture
def hidden(issue, sections, four_authors):
    public = make_article(issue, "公开发表的文章", four_authors[:1], slug="public")
    draft = make_article(issue, "编辑中的草稿文章", four_authors[:1], slug="draft", publish=False)
    private = make_article(issue, "仅限会员的文章", four_authors[:1], slug="private")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    return public, draft, private


def body(client, url):
    response = client.get(url, **BROWSER)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
def test_feeds_list_only_public_articles(client, journal, hidden):
    for route in ("rss/", "atom/"):
        text = body(client, journal.url + route)
        assert "公开发表的文章" in text
        assert "编辑中的草稿文章" not in text and "仅限会员的文章" not in text


@pytest.mark.django_db
def test_issue_feed_skips_draft_issues(client, journal, issue):
    from .conftest import make_issue

    make_issue(journal, 2020, 1, publish=False)
    text = body(client, journal.url + "issues/rss/")
    assert "2019年第2期" in text and "2020年第1期" not in text


@pytest.mark.django_db
def test_oai_lists_only_public_articles(client, settings, hidden):
    settings.JOURNAL_OAI_REPOSITORY_ID = "sqjy.test"
    text = body(client, "/oai/?verb=ListRecords&metadataPrefix=oai_dc")
    assert "公开发表的文章" in text
    assert "编辑中的草稿文章" not in text and "仅限会员的文章" not in text
    public, draft, private = hidden
    assert f"article/{draft.pk}<" not in text and f"article/{private.pk}<" not in text


@pytest.mark.django_db
def test_sitemap_lists_only_public_articles(client, hidden):
    public, draft, private = hidden
    text = body(client, "/sitemap.xml")
    assert public.url in text
    assert "/draft/" not in text and "/private/" not in text


@pytest.mark.django_db
def test_api_lists_only_public_articles(client, hidden):
    data = client.get("/api/v2/pages/?type=journal.ArticlePage&fields=title,abstract").json()
    titles = {item["title"] for item in data["items"]}
    assert "公开发表的文章" in titles
    assert "编辑中的草稿文章" not in titles
    public, draft, private = hidden
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


@pytest.mark.django_db
def test_issue_and_archive_pages_skip_drafts(client, journal, issue, hidden, four_authors):
    author_url = journal.url + f"authors/{four_authors[0].pk}/"
    for url in (issue.url, journal.url + "keywords/?q=社区教育", author_url):
        text = body(client, url)
        assert "编辑中的草稿文章" not in text
    assert "公开发表的文章" in body(client, issue.url)
    assert "公开发表的文章" in body(client, author_url)


@pytest.mark.django_db
def test_articles_of_an_unpublished_issue_leave_every_public_list(client, settings, journal, issue, sections):
    from journal.models import OAITombstone

    settings.JOURNAL_OAI_REPOSITORY_ID = "sqjy.test"
    article = make_article(issue, "随期次撤下的文章", slug="with-issue", section=sections[0])
    issue.unpublish()  # what Wagtail does unless the editor also ticks "unpublish child pages"
    article.refresh_from_db()
    assert article.live  # Wagtail leaves the child live; the journal must still hide it
    for url in (
        journal.url + "rss/",
        journal.url + f"sections/{sections[0].slug}/",
        "/oai/?verb=ListRecords&metadataPrefix=oai_dc",
    ):
        assert "随期次撤下的文章" not in body(client, url), url
    assert "/with-issue/" not in body(client, "/sitemap.xml")
    oai = body(client, "/oai/?verb=ListIdentifiers&metadataPrefix=oai_dc")
    assert f'<header status="deleted">\n      <identifier>oai:sqjy.test:article/{article.pk}' in oai

    issue.save_revision().publish()
    assert not OAITombstone.objects.filter(article_id=article.pk).exists()
    assert "随期次撤下的文章" in body(client, "/oai/?verb=ListRecords&metadataPrefix=oai_dc")
    assert "/with-issue/" in body(client, "/sitemap.xml")


@pytest.mark.django_db
def test_deleting_an_issue_leaves_tombstones_for_its_articles(journal, issue):
    from journal.models import OAITombstone

    article = make_article(issue, "将被删除的文章", slug="doomed")
    issue.delete()
    assert OAITombstone.objects.filter(article_id=article.pk).exists()


@pytest.mark.django_db
def test_api_shows_authors_without_their_email(client, article):
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    assert [author["name"] for author in data["authors"]] == ["王小明", "李华", "欧阳春", "张三"]
    assert data["authors"][0]["orcid"] == "0000-0002-1825-0097"
    assert data["authors"][0]["corresponding"] is True
    assert data["section"] == "理论探索"
    assert "wang@example.org" not in client.get(f"/api/v2/pages/{article.pk}/").content.decode()
