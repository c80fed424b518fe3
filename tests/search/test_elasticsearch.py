"""The Elasticsearch engine without a cluster: mappings, analysis, query bodies and sync actions."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import PageViewRestriction

from search import sync
from search.engines.elasticsearch import ContentSearch, document_class, text_query
from tests.factories import news_page


def test_mapping_uses_the_builtin_cjk_analyzer_and_whitespace_for_analysed_terms():
    mapping = document_class("cjk", "pages-test")._doc_type.mapping.to_dict()["properties"]
    assert mapping["title"] == {"type": "text", "analyzer": "cjk", "search_analyzer": "cjk"}
    assert mapping["body_terms"] == {"type": "text", "analyzer": "whitespace"}
    assert mapping["type"] == {"type": "keyword"}
    assert mapping["year"] == {"type": "integer"}


@pytest.mark.parametrize(
    ("choice", "index", "search"), [("smartcn", "smartcn", "smartcn"), ("ik", "ik_max_word", "ik_smart")]
)
def test_plugin_analyzers_are_selectable(choice, index, search):
    title = document_class(choice)._doc_type.mapping.to_dict()["properties"]["title"]
    assert (title["analyzer"], title["search_analyzer"]) == (index, search)


def test_an_unknown_analyzer_is_a_clear_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="SEARCH_ELASTICSEARCH_ANALYZER"):
        document_class("jieba-magic")


def test_index_settings_and_name(settings):
    settings.SEARCH_ELASTICSEARCH_INDEX = "cms-test"
    index = document_class()._index.to_dict()
    assert index["settings"] == {"number_of_shards": 1, "number_of_replicas": 0}
    assert document_class()._index._name == "cms-test"


def test_query_body_has_analysed_terms_facets_filter_and_highlight():
    body = ContentSearch("社區教育", filters={"type": "home.newspage"}, locale="zh-hans").build_search().to_dict()
    must = body["query"]["bool"]["must"][0]["bool"]["must"][0]["bool"]
    assert [clause["multi_match"]["query"] for clause in must["must"]] == ["社区", "区教", "教育"]
    assert must["should"][0]["multi_match"] == {"query": "社区教育", "fields": ["title_terms^10", "body_terms"]}
    assert {"term": {"locale": "zh-hans"}} in body["query"]["bool"]["filter"]
    assert body["post_filter"] == {"terms": {"type": ["home.newspage"]}}
    assert set(body["aggs"]) >= {"_filter_type", "_filter_year", "_filter_region"}
    assert body["highlight"]["pre_tags"] == ["<mark>"] and set(body["highlight"]["fields"]) == {"title", "body"}


def test_punctuation_only_queries_match_nothing():
    assert text_query('"*()') is None
    body = ContentSearch('"*()').build_search().to_dict()
    assert body["query"]["bool"]["must"] == [{"match_none": {}}]


def test_single_character_queries_are_prefix_queries():
    assert text_query("学").to_dict()["bool"]["must"][0]["bool"]["must"][0]["bool"]["should"][0] == {
        "prefix": {"title_terms": "学"}
    }


@pytest.fixture
def sent(settings, monkeypatch, django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = "http://elasticsearch.invalid:9200"
    settings.SEARCH_ELASTICSEARCH_INDEX = "cms-test"
    actions = []
    monkeypatch.setattr(sync, "send", lambda batch: actions.extend(batch))
    return actions


def test_publishing_indexes_the_document_with_analysed_terms(news_index, sent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = news_page(news_index, title="長三角社区教育协作", slug="delta")
    (action,) = [a for a in sent if a.get("_id") == page.pk]
    assert action["_index"] == "cms-test"
    assert action["_source"]["type"] == "home.newspage" and action["_source"]["year"] == 2019
    assert "长三角" in action["_source"]["title_terms"].split()


def test_unpublish_privacy_and_delete_remove_documents(news_index, sent, django_capture_on_commit_callbacks):
    page = news_page(news_index, title="社区教育新闻", slug="gone")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert sent[-1] == {"_op_type": "delete", "_index": "cms-test", "_id": page.pk}

    other = news_page(news_index, title="乡村振兴新闻", slug="private")
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=news_index, restriction_type="login")
    deleted = {a["_id"] for a in sent if a.get("_op_type") == "delete"}
    assert {news_index.pk, other.pk} <= deleted

    sent.clear()
    pk = other.pk
    with django_capture_on_commit_callbacks(execute=True):
        other.delete()
    assert {"_op_type": "delete", "_index": "cms-test", "_id": pk} in sent


def test_expired_pages_are_not_indexed(news_index, sent, django_capture_on_commit_callbacks):
    import datetime

    from django.utils import timezone

    page = news_page(news_index, title="过期通知", slug="expired")
    page.expire_at = timezone.now() - datetime.timedelta(days=1)
    page.save()
    assert list(sync.actions_for([page])) == [{"_op_type": "delete", "_index": "cms-test", "_id": page.pk}]


def test_moving_reindexes_the_subtree(home_page, news_index, sent, django_capture_on_commit_callbacks):
    from tests.factories import content_page

    page = news_page(news_index, title="社区教育周报", slug="weekly")
    target = content_page(home_page, title="归档", slug="archive")
    sent.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(target, pos="last-child")
    (action,) = [a for a in sent if a.get("_id") == page.pk]
    assert action["_source"]["url"] == "/archive/weekly/"


def test_nothing_is_sent_without_elasticsearch(news_index, monkeypatch, django_capture_on_commit_callbacks, settings):
    settings.ELASTICSEARCH_URL = ""
    monkeypatch.setattr(sync, "send", lambda batch: pytest.fail("sent without a cluster"))
    with django_capture_on_commit_callbacks(execute=True):
        news_page(news_index, title="社区教育", slug="quiet")


def test_one_client_serves_the_dsl_and_wagtails_elasticsearch_backend():
    """The dependency choice in the README: elasticsearch 8.x with its built-in dsl, which is also
    the client modelsearch's elasticsearch8 backend is written for."""
    import elasticsearch
    import elasticsearch_dsl
    from elasticsearch.dsl import Document as BuiltInDocument
    from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend

    assert elasticsearch.__version__[0] == 8
    assert elasticsearch_dsl.Document is BuiltInDocument  # the standalone package is only a shim
    backend = Elasticsearch8SearchBackend({"URLS": ["http://elasticsearch.invalid:9200"]})
    assert isinstance(backend.es, elasticsearch.Elasticsearch)
