"""Browsing the archive: by year and issue, section, keyword and author; most read; related."""

import pytest

from journal.usage import is_robot

from .conftest import BROWSER, make_article, make_issue, make_person


@pytest.fixture
def archive(journal, sections):
    wang, chen = make_person("王小明", "Wang Xiaoming"), make_person("陈静", "Chen Jing")
    early, late = make_issue(journal, 2018, 1), make_issue(journal, 2019, 1)
    return {
        "theory": make_article(early, "终身学习理论的新进展", [wang], slug="t1", section=sections[0],
                               keywords="终身学习；理论"),
        "practice": make_article(late, "文化礼堂里的社区课堂", [chen, wang], slug="p1", section=sections[1],
                                 keywords="文化礼堂；社区教育", keywords_en="cultural hall; community education"),
        "other": make_article(late, "老年大学的课程设计", [chen], slug="p2", section=sections[1], keywords="老年教育"),
        "people": (wang, chen),
        "issues": (early, late),
    }  # fmt: skip


def text(client, url):
    response = client.get(url, **BROWSER)
    assert response.status_code == 200, url
    return response.content.decode()


@pytest.mark.django_db
def test_archive_by_year_and_issue(client, journal, archive):
    page = text(client, journal.url)
    assert page.index("2019年第1期") < page.index("2018年第1期")


@pytest.mark.django_db
def test_table_of_contents_groups_by_section_in_editors_order(client, archive, sections):
    late = archive["issues"][1]
    sections[1].sort_order = 0  # the editors move 实践研究 before 理论探索
    sections[1].save()
    make_article(late, "学习型城市评价指标", [archive["people"][0]], slug="t2", section=sections[0])
    page = text(client, late.url)
    assert page.index("实践研究") < page.index("文化礼堂里的社区课堂") < page.index("理论探索")
    assert page.index("文化礼堂里的社区课堂") < page.index("老年大学的课程设计")  # page order within a section


@pytest.mark.django_db
def test_by_section_keyword_and_author(client, journal, archive, sections):
    practice = text(client, f"{journal.url}sections/{sections[1].slug}/")
    assert "文化礼堂里的社区课堂" in practice and "终身学习理论的新进展" not in practice
    assert client.get(f"{journal.url}sections/nope/", **BROWSER).status_code == 404

    keyword = text(client, f"{journal.url}keywords/?q=文化礼堂")
    assert "文化礼堂里的社区课堂" in keyword and "老年大学的课程设计" not in keyword
    assert "文化礼堂里的社区课堂" in text(client, f"{journal.url}keywords/?q=Cultural Hall")
    assert "文化礼堂里的社区课堂" not in text(client, f"{journal.url}keywords/?q=文化")  # whole keywords only
    assert text(client, f"{journal.url}keywords/?q=" + "长" * 500)  # odd input is not an error

    wang = archive["people"][0]
    author = text(client, f"{journal.url}authors/{wang.pk}/")
    assert "终身学习理论的新进展" in author and "文化礼堂里的社区课堂" in author
    assert "老年大学的课程设计" not in author
    assert client.get(f"{journal.url}authors/999999/", **BROWSER).status_code == 404
    assert text(client, f"{journal.url}sections/{sections[1].slug}/?page=abc")


@pytest.mark.django_db
def test_related_articles_share_authors_or_keywords(client, archive):
    page = text(client, archive["practice"].url)
    related = page[page.index("related") :]
    assert "终身学习理论的新进展" in related  # same author
    assert "老年大学的课程设计" in related  # same author 陈静


@pytest.mark.django_db
def test_usage_counts_people_not_robots_and_feeds_most_read(client, journal, archive):
    from journal.usage import totals

    practice, other = archive["practice"], archive["other"]
    for reader in range(3):  # three readers (a reader's reload counts once: test_counter.py)
        client.get(practice.url, REMOTE_ADDR=f"10.0.0.{reader + 1}", **BROWSER)
    client.get(other.url, **BROWSER)
    client.get(practice.url, HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    client.get(practice.url)  # no user agent at all
    assert totals(practice) == {"views": 3, "downloads": 0}
    most_read = text(client, f"{journal.url}most-read/")
    assert most_read.index("文化礼堂里的社区课堂") < most_read.index("老年大学的课程设计")
    assert "终身学习理论的新进展" not in most_read


def test_robot_detection():
    assert is_robot("")
    assert is_robot("Mozilla/5.0 (compatible; bingbot/2.0)")
    assert is_robot("python-requests/2.32")
    assert not is_robot("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Mobile/15E148 MicroMessenger/8.0")


@pytest.mark.django_db
def test_pdf_download_is_counted_and_redirects(client, archive):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from journal.usage import totals

    article = archive["other"]
    assert client.get(f"{article.url}pdf/", **BROWSER).status_code == 404
    pdf = Document(title="全文")
    pdf.file.save("other.pdf", ContentFile(b"%PDF-1.4"), save=False)
    pdf.save()
    article.pdf = pdf
    article.save_revision().publish()
    response = client.get(f"{article.url}pdf/", **BROWSER)
    assert response.status_code == 302 and response["Location"] == pdf.url
    assert totals(article)["downloads"] == 1


@pytest.mark.django_db
def test_article_views_are_counted_with_the_page_cache_on(
    page_cache_on, settings, django_capture_on_commit_callbacks, client, journal, archive
):
    """An article page comes from the page cache like any other, and every view is counted all
    the same; counting a view does not empty the cache for everyone else. A front cache, which
    could not count, is never let keep it."""
    from journal.usage import totals

    settings.WAGTAILFRONTENDCACHE = {
        "proxy": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": "http://cache"}
    }
    practice = archive["practice"]
    assert "s-maxage" in client.get(journal.url)["Cache-Control"], "other pages are left to the front cache"
    answers = []
    for reader in range(3):
        with django_capture_on_commit_callbacks(execute=True):  # as committed after a real request
            response = client.get(practice.url, REMOTE_ADDR=f"10.0.0.{reader + 1}", **BROWSER)
        answers.append(response["X-Page-Cache"])
        assert "X-Page-Cache-Notice" not in response, "the cache's own note is never sent"
        assert "max-age=0" in response["Cache-Control"] and "s-maxage" not in response["Cache-Control"], (
            "no browser or front cache may keep a page whose views are counted"
        )
    assert answers == ["miss", "hit", "hit"]
    assert totals(practice) == {"views": 3, "downloads": 0}
    assert client.get(journal.url)["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_a_cached_article_view_follows_the_counting_rules(page_cache_on, client, journal, archive):
    """Served from the cache, a robot's request and a click repeated within 30 seconds still
    count nothing."""
    from journal.usage import totals

    practice = archive["practice"]
    assert client.get(practice.url, **BROWSER)["X-Page-Cache"] == "miss"
    assert client.get(practice.url, **BROWSER)["X-Page-Cache"] == "hit"
    assert (
        client.get(practice.url, HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")["X-Page-Cache"]
        == "hit"
    )
    assert totals(practice)["views"] == 1
