"""The researcher fields on the embedded engine: `author:`, `section:`, `keyword:`, `journal:`,
`year:`, `region:` and `category:` find the pages having exactly that value, as the Elasticsearch
engine's term filters do (tests/search/test_elasticsearch.py).

The same cases run on whichever database the suite uses: SQLite FTS5 by default, PostgreSQL's
full text when DATABASE_URL names one (CI runs the suite on both).
"""

import pytest
from django.db import connection

from cms.core.models import Region
from courses.models import Category, CourseIndexPage, CoursePage
from journal.models import Section
from search.engines.elasticsearch import parsed_query
from search.query import parse
from search.service import search
from tests.factories import add_page
from tests.journal.conftest import make_article, make_issue, make_journal, make_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(home_page):
    """Two journals: four articles by 胡晓东, one that only mentions him, sections and keywords."""
    theory = Section.objects.create(name="理论探索", name_en="Theory", slug="theory", sort_order=1)
    practice = Section.objects.create(name="实践研究", name_en="Practice", slug="practice", sort_order=2)
    hu, wang = make_person("胡晓东", "Hu Xiaodong"), make_person("王小明", "Wang Xiaoming")
    journal = make_journal(home_page)
    other_journal = make_journal(home_page, slug="lnjy")
    other_journal.title = "老年教育"
    other_journal.save_revision().publish()
    issue_2018, issue_2019 = make_issue(journal, 2018, 1), make_issue(journal, 2019, 2)
    other_issue = make_issue(other_journal, 2019, 1)

    def article(issue, title, people, section, keywords, abstract="本文讨论社区教育的发展。"):
        slug = f"a{len(pages) + 1}"
        pages[title] = make_article(
            issue, title, people, slug=slug, section=section, keywords=keywords, abstract=abstract
        )

    pages = {}
    article(issue_2018, "社区教育的理论基础", [hu], theory, "社区教育；理论")
    article(issue_2018, "乡村振兴中的社区学习", [hu, wang], practice, "乡村振兴；社区学习")
    article(issue_2019, "终身学习与社区治理", [wang, hu], theory, "终身学习；社区治理")
    article(other_issue, "老年大学的社区教育实践", [hu], practice, "老年教育；社区教育")
    article(
        issue_2019, "社区教育评价研究", [wang], theory, "社区教育；评价", abstract="胡晓东曾提出社区教育评价的框架。"
    )
    article(issue_2019, "乡村振兴战略下的文化礼堂", [wang], practice, "乡村振兴战略；文化礼堂")
    cities = {city.name: city for city in Region.objects.filter(level="city")}
    culture = Category.objects.create(name="传统文化", slug="culture", sort_order=1)
    health = Category.objects.create(name="健康养生", slug="health", sort_order=2)
    index = add_page(home_page, CourseIndexPage(title="特色课程", slug="courses"))
    for title, slug, city, category in (
        ("社区茶艺", "tea", "杭州市", culture),
        ("社区太极", "taiji", "宁波市", health),
        ("社区书法", "calligraphy", "杭州市", health),
    ):
        course = CoursePage(title=title, slug=slug, code=slug, summary=f"{title}课程。", year=2023)
        course.city, course.category = cities[city], category
        pages[title] = add_page(index, course)
    return pages


def titles(text):
    results = search(text, per_page=100)
    return sorted(hit.plain_title for hit in results.hits[:100])


HU = sorted(["社区教育的理论基础", "乡村振兴中的社区学习", "终身学习与社区治理", "老年大学的社区教育实践"])
THEORY = sorted(["社区教育的理论基础", "终身学习与社区治理", "社区教育评价研究"])

CASES = [
    ("author:胡晓东", HU),
    ('author:"胡晓东"', HU),
    ("author:胡晓东 section:理论探索", ["社区教育的理论基础", "终身学习与社区治理"]),
    ("author:胡晓东 author:王小明", ["乡村振兴中的社区学习", "终身学习与社区治理"]),
    ("author:胡晓东 乡村", ["乡村振兴中的社区学习"]),
    ("author:胡晓东 -乡村", sorted(["社区教育的理论基础", "终身学习与社区治理", "老年大学的社区教育实践"])),
    ("author:胡晓", []),  # a value is a whole value, not a prefix
    ("section:理论探索", THEORY),
    ("section:实践", []),
    ("keyword:乡村振兴", ["乡村振兴中的社区学习"]),  # not 乡村振兴战略
    ("keyword:社区教育 year:2018", ["社区教育的理论基础"]),
    ("journal:老年教育", ["老年大学的社区教育实践"]),
    ("journal:社区教育研究 author:胡晓东 year:2019", ["终身学习与社区治理"]),
    (
        "year:2018-2019 section:实践研究",
        sorted(["乡村振兴中的社区学习", "老年大学的社区教育实践", "乡村振兴战略下的文化礼堂"]),
    ),
    ("region:杭州市", ["社区书法", "社区茶艺"]),
    ("category:健康养生", ["社区书法", "社区太极"]),
    ("region:杭州市 category:健康养生", ["社区书法"]),
    ("category:传统文化 社区", ["社区茶艺"]),
]


def test_a_field_finds_exactly_the_pages_with_that_value(archive):
    # One corpus for every case: building it is most of the time.
    assert connection.vendor in {"sqlite", "postgresql"}
    found = {text: titles(text) for text, _expected in CASES}
    assert found == dict(CASES)


def test_the_name_as_a_word_also_finds_who_mentions_it(archive):
    """Without `author:` the name is words: his articles (authors are indexed) and the one citing him."""
    assert titles("胡晓东") == sorted([*HU, "社区教育评价研究"])
    assert titles("理论探索") == THEORY  # the section's name is indexed too


def test_the_results_page_filters_by_a_field_and_lists_the_fields(client, archive):
    html = client.get("/search/", {"q": "section:理论探索"}).content.decode()
    found = html.split('class="search-result-list"')[-1]
    assert all(title in found for title in THEORY)
    assert "乡村振兴中的社区学习" not in found
    for name in ("author", "section", "keyword", "journal", "region", "category"):
        assert f"<code>{name}:</code>" in html


def test_elasticsearch_reads_the_same_fields_as_exact_values():
    """The other engine's meaning of the same syntax: each field value a term filter on its keyword field."""
    body = parsed_query(
        parse("journal:社区教育研究 author:胡晓东 section:理论探索 category:健康养生 year:2019 乡村")
    ).to_dict()
    filters = body["bool"]["filter"]
    for name, value in (
        ("journal", "社区教育研究"),
        ("author", "胡晓东"),
        ("section", "理论探索"),
        ("category", "健康养生"),
    ):
        assert {"term": {name: value}} in filters
    assert {"range": {"year": {"gte": 2019, "lte": 2019}}} in filters
