"""The facets come from the apps: a facet declared through the `site_search_facets` hook is stored,
counted, offered as a filter, read in the researcher syntax and mapped in Elasticsearch, with no
change to the search app; search knows only a page's type and year by itself."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail import hooks

from home.models import ContentPage
from search import registry
from search.documents import facet_fields
from search.engines.elasticsearch import ContentSearch, document_class
from search.models import PageFacet
from search.query import parse
from tests.factories import content_page

AUDIENCE = registry.SearchFacet("audience", "Audience", order=5, query_field=True)


@pytest.fixture
def audience(monkeypatch):
    monkeypatch.setattr(ContentPage, "search_facets", lambda page: {"audience": page.slug.split("-")[0]}, raising=False)
    with hooks.register_temporarily(registry.HOOK, lambda: [AUDIENCE]):
        yield AUDIENCE


def test_the_apps_declare_the_facets_in_display_order():
    names = [(facet.name, facet.counted) for facet in registry.facets()]
    assert names == [
        ("region", True),
        ("section", True),
        ("category", True),
        ("author", False),
        ("journal", False),
        ("keyword", False),
    ]
    # Rows are kept for the counted facets and for the query fields (`author:` finds exact values).
    assert [name for name, _label in registry.facet_choices()] == [
        "type",
        "year",
        "region",
        "section",
        "category",
        "author",
        "journal",
        "keyword",
    ]


def test_a_declared_facet_is_counted_filtered_and_labelled(client, home_page, audience):
    content_page(home_page, title="银龄学堂课程表", slug="elders-timetable")
    content_page(home_page, title="银龄学堂志愿者", slug="volunteers-call")
    assert set(PageFacet.objects.filter(name="audience").values_list("value", flat=True)) == {"elders", "volunteers"}

    html = client.get("/search/", {"q": "银龄学堂"}).content.decode()
    assert "<h2>Audience</h2>" in html
    assert '>elders</a> <span class="count">(1)</span>' in html
    data = client.get("/api/search/", {"q": "银龄学堂", "audience": "volunteers"}).json()
    assert [item["title"] for item in data["results"]] == ["银龄学堂志愿者"]
    assert data["facets"]["audience"] == {"elders": 1, "volunteers": 1}


def test_a_declared_query_field_is_read_by_the_parser_and_elasticsearch(audience):
    parsed = parse("银龄学堂 audience:elders venue:礼堂")
    assert parsed.fields == {"audience": ["elders"]}
    assert parsed.ignored == ["venue:"]  # declared by no app: searched as a word, and said so
    body = ContentSearch(parsed, filters={"audience": "elders"}).build_search().to_dict()
    assert {"term": {"audience": "elders"}} in body["query"]["bool"]["must"][0]["bool"]["filter"]
    assert "_filter_audience" in body["aggs"]
    assert document_class()._doc_type.mapping.to_dict()["properties"]["audience"] == {"type": "keyword"}


@pytest.mark.django_db  # a new page looks up its content type
def test_an_undeclared_value_from_a_page_is_left_out(monkeypatch):
    monkeypatch.setattr(ContentPage, "search_facets", lambda page: {"audience": "elders"}, raising=False)
    assert "audience" not in facet_fields(ContentPage(title="x", slug="x"))


@pytest.mark.parametrize(
    "declared",
    [
        [registry.SearchFacet("region", "Area", order=10, query_field=True)],  # region, declared otherwise
        [registry.SearchFacet("year", "Year")],  # search's own
        [registry.SearchFacet("Region2", "Region")],  # not a name the query syntax can read
    ],
)
def test_a_name_declared_twice_differently_or_unreadable_is_a_configuration_error(declared):
    with (
        hooks.register_temporarily(registry.HOOK, lambda: declared),
        pytest.raises(ImproperlyConfigured, match="site_search_facets"),
    ):
        registry.facets()
