"""Region, journal section and course category facets on the embedded engine: counted from the
published pages' values, offered as links that filter, in the page and the JSON API."""

import pytest
from django.core.management import call_command
from django.utils import translation

from cms.core.models import Region
from courses.models import Category, CourseIndexPage, CoursePage
from journal.models import CasePage, Section
from search import facets
from search.models import PageFacet
from tests.factories import add_page
from tests.journal.conftest import make_article, make_issue, make_journal

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalog(home_page):
    cities = {city.name: city for city in Region.objects.filter(level="city")}
    culture = Category.objects.create(name="传统文化", slug="culture", sort_order=1)
    health = Category.objects.create(name="健康养生", slug="health", sort_order=2)
    index = add_page(home_page, CourseIndexPage(title="特色课程", slug="courses"))

    def course(title, slug, city, category, publish=True):
        page = CoursePage(title=title, slug=slug, code=slug, summary=f"{title}课程。", year=2023)
        page.city, page.category = cities[city], category
        return add_page(index, page, publish=publish)

    journal = make_journal(home_page)
    theory = Section.objects.create(name="理论探索", name_en="Theory", slug="theory", sort_order=1)
    issue = make_issue(journal, year=2019)
    article = make_article(issue, "茶文化与社区教育", section=theory, slug="tea", published_date=issue.published_date)
    return {
        "hangzhou": course("茶艺入门", "tea-hz", "杭州市", culture),
        "ningbo": course("茶艺养生", "tea-nb", "宁波市", health),
        "draft": course("茶道草稿", "tea-wz", "温州市", culture, publish=False),
        "article": article,
        "cities": cities,
    }


def result_links(html):
    return html.split('class="search-result-list"')[-1] if 'class="search-result-list"' in html else ""


def test_the_page_offers_region_section_and_category_with_counts(client, catalog):
    html = client.get("/search/", {"q": "茶"}).content.decode()
    for heading in ("地区", "期刊栏目", "课程类别"):
        assert f"<h2>{heading}</h2>" in html
    for value in ("杭州市", "宁波市", "理论探索", "传统文化", "健康养生"):
        assert f'>{value}</a> <span class="count">(1)</span>' in html
    assert "温州市" not in html  # only a draft is there


def test_a_facet_link_filters_and_keeps_the_query(client, catalog):
    html = client.get("/search/", {"q": "茶"}).content.decode()
    link = html.split('">杭州市</a>')[0].rsplit('href="', 1)[1].replace("&amp;", "&")
    assert link.startswith("?") and "q=%E8%8C%B6" in link and "region=%E6%9D%AD%E5%B7%9E%E5%B8%82" in link
    filtered = client.get(f"/search/{link}").content.decode()
    found = result_links(filtered)
    assert "/courses/tea-hz/" in found and "/courses/tea-nb/" not in found and "/tea/" not in found
    assert "<strong>杭州市</strong>" in filtered
    assert '<input type="hidden" name="region" value="杭州市">' in filtered


def test_the_api_returns_and_applies_the_facets(client, catalog):
    data = client.get("/api/search/", {"q": "茶", "category": "健康养生"}).json()
    assert [item["title"] for item in data["results"]] == ["茶艺养生"]
    assert data["facets"]["region"] == {"杭州市": 1, "宁波市": 1}
    assert data["facets"]["section"] == {"理论探索": 1}
    assert data["facets"]["category"] == {"传统文化": 1, "健康养生": 1}
    assert data["facets"]["year"] == {"2023": 2, "2019": 1}  # the courses' year, the article's date
    nothing = client.get("/api/search/", {"q": "茶", "region": "不存在的地方"})
    assert nothing.status_code == 200 and nothing.json()["count"] == 0


def test_values_follow_the_published_version_and_a_rebuild(catalog):
    course = catalog["hangzhou"]
    course.city = catalog["cities"]["温州市"]
    course.save_revision()  # a draft: the published page is still in Hangzhou
    assert set(PageFacet.objects.filter(page=course, name="region").values_list("value", flat=True)) == {"杭州市"}
    course.save_revision().publish()
    assert set(PageFacet.objects.filter(page=course, name="region").values_list("value", flat=True)) == {"温州市"}

    PageFacet.objects.all().delete()
    call_command("rebuild_search_index", verbosity=0)
    assert PageFacet.objects.filter(page=catalog["article"], name="section", value="理论探索").exists()
    assert not PageFacet.objects.filter(page=catalog["draft"]).exists()


def test_a_case_names_its_region_as_the_catalog_does():
    hangzhou = Region.objects.get(level="city", name="杭州市")
    case = CasePage(title="桐庐县乡村学堂", city=hangzhou, institution="桐庐县社区学院", theme="文化传承")
    with translation.override("en"):  # whatever the language of the editor who publishes it
        assert dict(facets.facet_values(case))["region"] == "杭州市"
