"""The Elasticsearch rebuild fills a new index and swaps the alias, so search never goes empty:
against an HTTP stand-in for the cluster (tests/search/fake_elasticsearch.py), driven by the real client."""

import contextlib
import re

import pytest
from elasticsearch.dsl import connections
from wagtail.models import Page

from search.documents import public_pages
from search.indexing import rebuild_elasticsearch
from tests.factories import news_page
from tests.search.fake_elasticsearch import FakeCluster, serve

ALIAS = "cms-pages"
pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster(settings):
    fake = FakeCluster(ALIAS)
    server, url = serve(fake)
    settings.ELASTICSEARCH_URL = url
    settings.SEARCH_ELASTICSEARCH_INDEX = ALIAS
    yield fake
    with contextlib.suppress(KeyError):
        connections.remove_connection("default")
    server.shutdown()


@pytest.fixture
def pages(news_index):
    news_page(news_index, title="长三角社区教育协作会议", slug="delta")
    news_page(news_index, title="尚未发布的通知", slug="draft", publish=False)
    return {str(pk) for pk in public_pages(Page.objects.exclude(depth=1)).values_list("pk", flat=True)}


def behind_alias(cluster):
    (index,) = cluster.aliases[ALIAS]
    return index, set(cluster.indexes[index])


def test_an_index_that_had_the_alias_name_is_replaced_without_a_gap(cluster, pages):
    cluster.indexes[ALIAS] = {"1": {"title": "旧的索引"}}  # the layout before aliases

    assert rebuild_elasticsearch() == len(pages)

    index, documents = behind_alias(cluster)
    assert re.fullmatch(rf"{ALIAS}-\d{{20}}", index)
    assert documents == pages  # the draft is not there
    assert set(cluster.indexes) == {index}
    assert not cluster.alias_went_empty


def test_a_second_rebuild_moves_the_alias_and_drops_the_old_index(cluster, pages):
    rebuild_elasticsearch()
    first, _ = behind_alias(cluster)

    rebuild_elasticsearch()

    second, documents = behind_alias(cluster)
    assert second != first and documents == pages
    assert set(cluster.indexes) == {second}
    swap = cluster.calls.index(("POST", "_aliases"), len(cluster.calls) - 3)
    assert ("POST", f"{second}/_refresh") in cluster.calls[:swap]  # filled before the swap
    assert cluster.calls[swap + 1] == ("DELETE", first)
    assert not cluster.alias_went_empty


def test_a_failed_rebuild_leaves_the_old_index_serving(cluster, pages):
    rebuild_elasticsearch()
    serving, _ = behind_alias(cluster)
    cluster.fail_bulk = True

    with pytest.raises(Exception, match="disk full|500"):
        rebuild_elasticsearch()

    assert behind_alias(cluster) == (serving, pages)
    assert set(cluster.indexes) == {serving}  # the half-filled index is removed
    assert not cluster.alias_went_empty
