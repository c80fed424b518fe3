"""The demo's English site has the sections the Chinese one has (issue 15): the catalog, the journal
with every article's English metadata, the standards, the case collection and the other sections'
index pages answer under /en/ in English, and their links stay in English.

The demo is loaded once for the module, in a transaction that is rolled back (as in
tests/test_demo_snapshot.py); the pages are fetched inside it and kept as parsed HTML.
"""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from wagtail.models import Locale

from courses.models import CoursePage
from journal.models import ArticlePage, CasePage
from standards.models import StandardPage

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")
SECTIONS = ["/en/courses/", "/en/journal/", "/en/standards/", "/en/calls/", "/en/directory/"]


@pytest.fixture(scope="module")
def english_demo(django_db_setup, django_db_blocker, tmp_path_factory):
    with (
        override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("demo-media"))),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        cache.clear()
        call_command("load_demo_content", stdout=io.StringIO())
        en = Locale.objects.get(language_code="en")
        course = CoursePage.objects.get(code="ZJ2019-001", locale=en)
        article = ArticlePage.objects.filter(locale__language_code="zh-hans").exclude(title_en="").first()
        english_article = article.get_translation(en)
        case = CasePage.objects.get(slug="case-01", locale=en)
        standard = StandardPage.objects.get(slug="resources-2026", locale=en)
        urls = {
            **{url: url for url in SECTIONS},
            "home": "/en/",
            "course": course.url,
            "article": english_article.url,
            "issue": english_article.get_parent().url,
            "case": case.url,
            "collection": case.get_parent().url,
            "standard": standard.url,
        }
        client = Client()
        responses = {name: client.get(url) for name, url in urls.items()}
        pages = {name: BeautifulSoup(response.content, "html.parser") for name, response in responses.items()}
        result = {
            "urls": urls,
            "status": {name: response.status_code for name, response in responses.items()},
            "pages": pages,
            "article": {"title_en": article.title_en, "abstract_en": article.abstract_en, "abstract": article.abstract},
            "article_keywords_en": article.keyword_list_en,
            "lesson_titles": {
                english.code: [lesson.title for lesson in english.lessons.all()]
                for english in CoursePage.objects.filter(locale=en).prefetch_related("lessons")
            },
        }
        transaction.set_rollback(True)
    cache.clear()
    return result


def heading(page):
    return " ".join(page.h1.text.split())


def test_the_english_sections_and_their_children_answer_in_english(english_demo):
    assert english_demo["status"] == dict.fromkeys(english_demo["urls"], 200)
    for name, page in english_demo["pages"].items():
        assert page.html["lang"] == "en", name
    assert heading(english_demo["pages"]["/en/courses/"]) == "Courses"
    assert heading(english_demo["pages"]["/en/journal/"]) == "Community Education Research"
    assert heading(english_demo["pages"]["/en/standards/"]) == "Standards"
    assert heading(english_demo["pages"]["/en/calls/"]) == "Calls and Reviews"
    assert heading(english_demo["pages"]["/en/directory/"]) == "Organisations and People"


def test_the_english_main_menu_leads_to_english_sections(english_demo):
    links = [a["href"] for a in english_demo["pages"]["home"].select(".main-menu__bar a")]
    assert {"/en/courses/", "/en/journal/", "/en/standards/", "/en/calls/", "/en/directory/"} <= set(links)
    assert all(link.startswith("/en/") for link in links), links


def test_a_course_reads_in_english_and_the_catalog_links_to_english_courses(english_demo):
    course = english_demo["pages"]["course"]
    assert heading(course) == "Sericulture and Silk"
    assert "From raising silkworms and reeling silk to weaving it" in course.text
    assert "Local cultural workers and bearers of intangible heritage teach together" in course.text
    catalog_links = [a["href"] for a in english_demo["pages"]["/en/courses/"].select("main a[href]")]
    course_links = [link for link in catalog_links if "/courses/" in link and link.count("/") > 3]
    assert course_links and all(link.startswith("/en/courses/") for link in course_links), course_links


def test_every_english_course_lists_its_lessons_in_english(english_demo):
    lessons = english_demo["pages"]["course"].select("ol.lessons li strong")
    assert [" ".join(title.text.split()) for title in lessons] == [
        "Lesson 1: How sericulture and silk began",
        "Lesson 2: The people and stories of sericulture and silk",
        "Lesson 3: Experiencing it on site",
        "Lesson 4: Talking and sharing",
    ]
    titles = english_demo["lesson_titles"]
    assert titles and all(titles.values()), "every English course has its lessons"
    chinese = {code: title for code, course in titles.items() for title in course if CJK.search(title)}
    assert not chinese, chinese


def test_an_english_article_page_shows_its_english_metadata_first(english_demo):
    article, metadata = english_demo["pages"]["article"], english_demo["article"]
    assert heading(article) == metadata["title_en"]
    abstracts = [" ".join(p.text.split()) for p in article.select(".bilingual .abstract")]
    assert abstracts[0] == "Abstract: " + " ".join(metadata["abstract_en"].split())
    assert metadata["abstract"] not in article.select_one(".bilingual").text
    keywords = [a.text for a in article.select(".bilingual .keywords a")]
    assert keywords == english_demo["article_keywords_en"]
    assert all(a["href"].startswith("/en/journal/") for a in article.select(".bilingual a"))
    toc_links = {a["href"] for a in english_demo["pages"]["issue"].select("main a[href]")}
    assert english_demo["urls"]["article"] in toc_links


def test_the_case_collection_and_the_standard_are_in_english(english_demo):
    assert heading(english_demo["pages"]["case"]) == "Chun'an County: the Village Gala School"
    collection = english_demo["pages"]["collection"]
    assert heading(collection) == "Cases of Community Education for Rural Revitalisation"
    assert english_demo["urls"]["case"] in {a["href"] for a in collection.select("main a[href]")}
    standard = english_demo["pages"]["standard"]
    assert "Specification for the construction of digital learning resources" in heading(standard)
    assert "Requirements marked “automatic” can be checked by the system" in standard.text
