"""Per-clause comments on a draft for comment: stored for review, never shown, honeypot and rate limit."""

import pytest
from django.core.cache import cache

from standards import authoring as a
from standards.models import ClauseComment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def comment_url(version, key="video.captions"):
    return f"{version.url}comment/{a.uid(key)}/"


def valid(**extra):
    return {
        "name": "王老师",
        "organisation": "余杭区社区学院",
        "email": "",
        "text": "建议明确字幕的文件格式。",
        **extra,
    }


def test_comment_is_stored_for_review_with_the_clause_number(client, draft_version):
    response = client.post(comment_url(draft_version), valid())
    assert response.status_code == 302 and response["Location"] == f"{draft_version.url}3.3/"
    comment = ClauseComment.objects.get()
    assert (comment.clause_id, comment.clause_number, comment.status) == (a.uid("video.captions"), "3.3", "new")
    assert comment.standard_id == draft_version.pk
    # Never published: the clause page shows the form, not the comment.
    page = client.get(f"{draft_version.url}3.3/").content.decode()
    assert "comment-form" in page and "建议明确字幕的文件格式" not in page


def test_honeypot_submissions_are_dropped_quietly(client, draft_version):
    response = client.post(comment_url(draft_version), valid(website="http://spam.example"))
    assert response.status_code == 302
    assert not ClauseComment.objects.exists()


def test_invalid_form_is_shown_again_with_errors(client, draft_version):
    response = client.post(comment_url(draft_version), valid(text="", email="not-an-address"))
    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"text", "email"}
    assert not ClauseComment.objects.exists()


def test_comments_are_rate_limited_per_address(client, draft_version):
    for _ in range(5):
        client.post(comment_url(draft_version), valid())
    client.post(comment_url(draft_version), valid())
    assert ClauseComment.objects.count() == 5


def test_no_comments_on_a_published_version_nor_by_get_nor_on_unknown_clauses(client, draft_version, published_version):
    assert client.post(comment_url(published_version, "video.length"), valid()).status_code == 404
    assert "comment-form" not in client.get(f"{published_version.url}3.3/").content.decode()
    assert client.get(comment_url(draft_version)).status_code == 405
    assert client.post(f"{draft_version.url}comment/nonsense/", valid()).status_code == 404
    assert not ClauseComment.objects.exists()


def test_editors_review_comments_in_the_admin(admin_client, client, draft_version):
    client.post(comment_url(draft_version), valid())
    listing = admin_client.get("/admin/snippets/standards/clausecomment/")
    assert listing.status_code == 200
    assert "王老师" in listing.content.decode()


def test_full_text_of_an_open_draft_links_each_clause_to_its_comment_form(client, draft_version, published_version):
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get(draft_version.url).content, "html.parser")
    assert page.select_one("#clause-3\\.2 .clause__comment a")["href"] == f"{draft_version.url}3.2/#comment"
    published = BeautifulSoup(client.get(published_version.url).content, "html.parser")
    assert published.select_one(".clause__comment") is None


def test_clause_pages_with_the_comment_form_are_never_cached_and_a_comment_purges(
    page_cache_on, committing_client, draft_version
):
    client = committing_client
    clause_url = f"{draft_version.url}3.3/"
    for _ in range(2):
        page = client.get(clause_url)
        assert "csrfmiddlewaretoken" in page.content.decode() and page.get("X-Page-Cache") != "hit"
    client.cookies.clear()
    client.get(draft_version.url)
    assert client.get(draft_version.url)["X-Page-Cache"] == "hit"
    client.post(comment_url(draft_version), valid())
    client.cookies.clear()
    assert client.get(draft_version.url)["X-Page-Cache"] == "miss"
