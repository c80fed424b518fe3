"""The catalog page: facets under combined filters, sorting, pagination, drafts never listed, query count."""

import pytest
from bs4 import BeautifulSoup

from cms.core.translation import translate
from courses.bulk import bulk_add_courses
from courses.catalog import Catalog
from courses.models import CourseIndexPage, CoursePage


def _catalog(index, **params):
    return Catalog(index, params)


def _counts(catalog, param):
    facet = next(facet for facet in catalog.facets() if facet.param == param)
    return {option.value: option.count for option in facet.options}


@pytest.fixture
def catalog_courses(make_course, vocab):
    culture, health, digital = vocab["categories"]
    elderly, farmers, youth = vocab["audiences"]
    hz, nb = vocab["cities"]["杭州市"], vocab["cities"]["宁波市"]
    xihu = vocab["counties"]["西湖区"]
    return [
        make_course("越剧欣赏", category=culture, city=hz, county=xihu, year=2019, audiences=[elderly], tags=["戏曲"]),
        make_course("茶艺入门", category=culture, city=hz, year=2019, audiences=[elderly, farmers], tags=["茶"]),
        make_course("太极养生", category=health, city=hz, year=2020, audiences=[elderly]),
        make_course("手机支付", category=digital, city=nb, year=2019, audiences=[elderly, youth], mode="online"),
        make_course("农家书屋", category=culture, city=nb, year=2020, audiences=[farmers]),
        make_course("草稿课程", category=culture, city=hz, year=2019, audiences=[elderly], publish=False),
    ]


def test_facet_counts_under_combined_filters(course_index, catalog_courses):
    catalog = _catalog(course_index, category="culture", city="3301")
    assert {c.title for c in catalog.results()} == {"越剧欣赏", "茶艺入门"}
    # Each facet counts what matches every *other* active filter.
    assert _counts(catalog, "category") == {"culture": 2, "health": 1}
    assert _counts(catalog, "city") == {"3301": 2, "3302": 1}
    assert _counts(catalog, "audience") == {"elderly": 2, "farmers": 1}
    assert _counts(catalog, "year") == {"2019": 2}
    assert _counts(catalog, "county") == {"330103": 1}
    assert _counts(catalog, "tag") == {"戏曲": 1, "茶": 1}

    three = _catalog(course_index, category="culture", audience="farmers", year="2020")
    assert [c.title for c in three.results()] == ["农家书屋"]
    assert _counts(three, "audience") == {"farmers": 1}
    assert _counts(three, "year") == {"2019": 1, "2020": 1}
    assert _counts(three, "mode") == {"in_hall": 1}


def test_bad_query_values_are_ignored(course_index, catalog_courses, client):
    catalog = _catalog(course_index, category="nope", year="20x9", county="330103", sort="'; drop", tag="x" * 500)
    assert catalog.filters == {}
    response = client.get("/courses/?page=abc&year=-1&city=9999&availability=never&sort=zzz")
    assert response.status_code == 200


def test_catalog_page_lists_only_live_courses_and_links_are_get(course_index, catalog_courses, client):
    response = client.get("/courses/?category=culture")
    assert response.status_code == 200
    html = response.content.decode()
    assert "越剧欣赏" in html and "草稿课程" not in html
    soup = BeautifulSoup(html, "html.parser")
    assert all(form.get("method", "get").lower() == "get" for form in soup.select(".catalog form"))
    city_link = next(a["href"] for a in soup.select(".facet a") if "杭州市" in a.get_text())
    assert "category=culture" in city_link and "city=3301" in city_link


def test_unpublished_courses_never_listed_even_when_filtered_for(course_index, catalog_courses, client):
    catalog_courses[0].unpublish()
    response = client.get("/courses/?tag=戏曲")
    assert "越剧欣赏" not in response.content.decode()
    assert "草稿课程" not in client.get("/courses/?year=2019&city=3301").content.decode()


def test_sort_orders(course_index, catalog_courses):
    titles = [c.title for c in _catalog(course_index, sort="title").results()]
    assert titles == sorted(titles)
    newest = [c.year for c in _catalog(course_index).results()]
    assert newest == sorted(newest, reverse=True)


def _bulk(course_index, vocab, count, first=0):
    culture, health, digital = vocab["categories"]
    cities = list(vocab["cities"].values())
    courses = [
        CoursePage(
            title=f"批量课程{n:04d}",
            slug=f"bulk-{n}",
            code=f"B{n:05d}",
            summary="批量生成的课程。",
            category=(culture, health, digital)[n % 3],
            city=cities[n % len(cities)],
            year=2019 + n % 3,
            hours=n % 20,
            mode=CoursePage.Mode.values[n % 3],
        )
        for n in range(first, first + count)
    ]
    audiences = {c.slug: [vocab["audiences"][n % 3]] for n, c in enumerate(courses, start=first)}
    tags = {c.slug: [f"标签{n % 7}"] for n, c in enumerate(courses, start=first)}
    return bulk_add_courses(course_index, courses, audiences=audiences, tags=tags)


def test_pagination(course_index, vocab, client):
    _bulk(course_index, vocab, 30)
    first = client.get("/courses/?sort=title")
    assert first.status_code == 200
    soup = BeautifulSoup(first.content, "html.parser")
    assert len(soup.select(".course-list li.card")) == CourseIndexPage.per_page
    assert soup.select_one('a[rel="next"]')["href"] == "?sort=title&page=2"
    last = BeautifulSoup(client.get("/courses/?sort=title&page=3").content, "html.parser")
    assert [a.text for a in last.select(".card__title a")] == [f"批量课程{n:04d}" for n in range(24, 30)]
    assert client.get("/courses/?page=999").status_code == 200


def test_thousand_courses_three_filters_bounded_queries(course_index, vocab, client, django_assert_max_num_queries):
    url = "/courses/?category=culture&audience=elderly&year=2019&sort=hours"
    _bulk(course_index, vocab, 10)
    client.get(url)  # warm the site and settings caches
    with django_assert_max_num_queries(40) as ten:
        client.get(url)

    _bulk(course_index, vocab, 990, first=10)
    assert CoursePage.objects.live().child_of(course_index).count() == 1000
    with django_assert_max_num_queries(40) as thousand:
        response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".course-list li.card")) == 12
    assert "?category=culture&audience=elderly&year=2019&sort=hours&page=2" in response.content.decode().replace(
        "&amp;", "&"
    )
    # Nothing grows with the catalog: 1,000 courses cost the same queries as 10.
    assert len(thousand.captured_queries) == len(ten.captured_queries)


def test_catalog_cards_reuse_their_image_renditions(make_course, client):
    """Once a card's renditions exist, showing the catalog again encodes no picture (AVIF takes
    about half a second a size; before, every request encoded nine per card)."""
    from unittest import mock

    from wagtail.images import get_image_model

    from demo.media import demo_image

    make_course("越剧欣赏", image=demo_image("课程封面 测试", seed=5, size=(960, 540)))
    assert client.get("/courses/").status_code == 200
    Image = get_image_model()
    with mock.patch.object(Image, "generate_rendition_instance", autospec=True) as encode:
        again = client.get("/courses/")
    assert again.status_code == 200
    assert "image/avif" in again.content.decode()
    encode.assert_not_called()


def test_english_catalog_names_categories_and_audiences_in_english_with_bounded_queries(
    course_index, vocab, locales, localised_site, client, django_assert_max_num_queries
):
    english_index = translate(course_index, locales["en"], {"特色课程": "Characteristic courses"})
    courses = _bulk(course_index, vocab, 9)

    def translate_courses(some):
        for course in some:
            translate(course, locales["en"], {course.title: f"Course {course.code}"})

    translate_courses(courses[:3])
    url = english_index.url + "?category=culture&audience=elderly"
    client.get(url)  # warm the site and settings caches
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    translate_courses(courses[3:])
    with django_assert_max_num_queries(40) as more:
        response = client.get(url)
    assert len(more.captured_queries) == len(few.captured_queries)  # no query per card

    soup = BeautifulSoup(response.content, "html.parser")
    # The filter links are the same on both catalogs; their names and the cards' are English.
    titles = sorted(card.text for card in soup.select(".card__title a"))
    assert titles == ["Course B00000", "Course B00003", "Course B00006"]
    assert {meta.text.split(" · ")[0] for meta in soup.select(".card__meta")} == {"Traditional culture"}
    page = response.content.decode().replace("&amp;", "&")
    assert "Traditional culture" in page and "Older people" in page and "传统文化" not in page
    unfiltered = BeautifulSoup(client.get(english_index.url).content, "html.parser")
    assert unfiltered.find("a", href="?category=health").text.split()[0] == "Health"
    chinese = client.get(course_index.url + "?category=culture&audience=elderly").content.decode()
    assert "传统文化" in chinese and "老年人" in chinese and "Traditional culture" not in chinese


def test_untranslated_terms_keep_their_chinese_name_in_english(course_index, vocab, locales, localised_site, client):
    english_index = translate(course_index, locales["en"], {"特色课程": "Characteristic courses"})
    courses = _bulk(course_index, vocab, 2)
    translate(courses[1], locales["en"], {})
    page = client.get(english_index.url + "?audience=farmers").content.decode()
    assert "农民" in page  # no English name given: the Chinese one, never an empty label
