"""Issue and article pages cost the same number of queries whatever their size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .conftest import BROWSER, make_article, make_issue, make_person


def fill(issue, sections, articles, authors_each):
    people = [make_person(f"作者{issue.pk}{n}", f"Zuozhe {n}") for n in range(authors_each)]
    return [
        make_article(issue, f"文章{issue.pk}-{n}", people, slug=f"i{issue.pk}-a{n}", section=sections[n % 2])
        for n in range(articles)
    ]


def warm(client, *urls):
    """First requests fill per-process caches and create the day's usage rows; measure after."""
    for url in urls:
        client.get(url, **BROWSER)


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **BROWSER)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_issue_page_query_count_does_not_grow_with_articles(client, journal, sections, django_assert_max_num_queries):
    small, large = make_issue(journal, 2018, 1), make_issue(journal, 2018, 2)
    fill(small, sections, articles=2, authors_each=1)
    fill(large, sections, articles=15, authors_each=4)
    warm(client, small.url, large.url)
    budget = queries(client, small.url)
    with django_assert_max_num_queries(budget):
        assert client.get(large.url, **BROWSER).status_code == 200
    assert budget < 30


@pytest.mark.django_db
def test_article_page_query_count_does_not_grow_with_authors(client, journal, sections, django_assert_max_num_queries):
    issue = make_issue(journal, 2019, 1)
    one = make_article(issue, "单作者文章", [make_person("陈静", "Chen Jing")], slug="one", section=sections[0])
    many_people = [make_person(f"多作者{n}", f"Duo Zuozhe {n}") for n in range(8)]
    many = make_article(issue, "多作者文章", many_people, slug="many", section=sections[0])
    for n in range(6):  # related articles share authors and keywords with `many`
        make_article(issue, f"相关文章{n}", many_people[n : n + 2], slug=f"rel{n}", section=sections[1])
    warm(client, one.url, many.url)
    budget = queries(client, one.url)
    with django_assert_max_num_queries(budget):
        assert client.get(many.url, **BROWSER).status_code == 200
    assert budget < 40


@pytest.mark.django_db
def test_archive_listings_query_count_does_not_grow(client, journal, sections, django_assert_max_num_queries):
    small = make_issue(journal, 2018, 1)
    fill(small, sections, articles=2, authors_each=1)
    url = f"{journal.url}sections/{sections[0].slug}/"
    warm(client, url, journal.url)
    budget = queries(client, url)
    fill(make_issue(journal, 2018, 2), sections, articles=12, authors_each=3)
    with django_assert_max_num_queries(budget):
        assert client.get(url, **BROWSER).status_code == 200


@pytest.mark.django_db
def test_journal_page_query_count_does_not_grow(client, journal, sections, django_assert_max_num_queries):
    small = make_issue(journal, 2018, 1)
    articles = fill(small, sections, articles=2, authors_each=1)
    warm(client, journal.url, *(article.url for article in articles))  # views make a most-read list
    budget = queries(client, journal.url)
    for number in (2, 3, 4):
        for article in fill(make_issue(journal, 2019, number), sections, articles=6, authors_each=3):
            client.get(article.url, **BROWSER)
    with django_assert_max_num_queries(budget):
        response = client.get(journal.url, **BROWSER)
    assert response.status_code == 200 and response.content.decode().count('class="article-item"') == 5


@pytest.mark.django_db
def test_api_listing_with_authors_query_count_does_not_grow(client, journal, sections, django_assert_max_num_queries):
    url = "/api/v2/pages/?type=journal.ArticlePage&fields=authors&limit=50"
    small = make_issue(journal, 2018, 1)
    fill(small, sections, articles=2, authors_each=2)
    budget = queries(client, url)
    large = make_issue(journal, 2018, 2)
    fill(large, sections, articles=15, authors_each=4)
    with django_assert_max_num_queries(budget):
        response = client.get(url)
    items = response.json()["items"]
    assert len(items) == 17 and all(item["authors"] for item in items)
    assert "email" not in items[-1]["authors"][0]


@pytest.mark.django_db
def test_journal_archive_covers_cost_no_query_each(client, journal):
    """A worker that did not make the covers' renditions (another worker did, or it restarted) finds
    them all in one query, not one per issue."""
    from django.core.cache import cache

    from demo.media import demo_image

    def with_cover(number):
        issue = make_issue(journal, 2017, number)
        issue.cover = demo_image(f"封面{number}", seed=number, size=(120, 170))
        issue.save_revision().publish()

    def cold_queries():
        warm(client, journal.url)  # renditions are made once
        cache.clear()
        return queries(client, journal.url)

    with_cover(1)
    one_cover = cold_queries()
    for number in (2, 3, 4, 5):
        with_cover(number)
    assert cold_queries() == one_cover
    assert client.get(journal.url, **BROWSER).content.decode().count("<picture") == 5
