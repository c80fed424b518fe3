"""OAI-PMH 2.0 at /oai/, harvested with a real client (sickle).

Sickle's HTTP requests go through ``requests`` into the Django app in-process (a transport
adapter instead of a socket): the same requests and responses as over the network, without
a live server thread, whose transactional database flushes make the suite order-dependent.
"""

import datetime
from urllib.parse import urlsplit

import pytest
import requests
import sickle.app
from django.test import Client
from lxml import etree
from sickle import Sickle, oaiexceptions
from sickle.iterator import OAIResponseIterator

from journal.models import OAITombstone

from .conftest import make_article, make_issue, make_journal, make_person

pytestmark = pytest.mark.django_db
HARVEST_URL = "http://testserver/oai/"


class DjangoAdapter(requests.adapters.BaseAdapter):
    """A ``requests`` transport that hands each request to the Django test client."""

    def __init__(self):
        super().__init__()
        self.client = Client()

    def send(self, request, **kwargs):
        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        content_type = request.headers.get("Content-Type", "application/octet-stream")
        answer = self.client.generic(request.method, path, data=request.body or "", content_type=content_type)
        response = requests.Response()
        response.status_code = answer.status_code
        response.headers.update(answer.headers)
        response._content = answer.content
        response.encoding = "utf-8"
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass


@pytest.fixture
def archive(home_page, sections, settings):
    """Five public articles, a draft, an unpublished one and a deleted one, in two issues."""
    settings.JOURNAL_OAI_PAGE_SIZE = 2
    settings.JOURNAL_OAI_REPOSITORY_ID = "sqjy.test"
    journal = make_journal(home_page)
    first, second = make_issue(journal, 2018, 1), make_issue(journal, 2019, 2)
    author = make_person("周立新", "Zhou Lixin", "浙江开放大学", email="zhou@example.org")
    public = [
        make_article(first, f"第一期文章{n}", [author], slug=f"first-{n}", section=sections[n % 2]) for n in range(3)
    ]
    public += [
        make_article(second, f"第二期文章{n}", [author], slug=f"second-{n}", section=sections[0]) for n in range(2)
    ]
    draft = make_article(second, "尚未发表的草稿", [author], slug="draft", publish=False)
    withdrawn = make_article(second, "撤回的文章", [author], slug="withdrawn", section=sections[1])
    withdrawn.unpublish()
    deleted = make_article(first, "删除的文章", [author], slug="deleted")
    deleted_id = deleted.pk
    deleted.delete()
    return {
        "journal": journal,
        "issues": (first, second),
        "public": public,
        "draft": draft,
        "withdrawn": withdrawn,
        "deleted_id": deleted_id,
        "sections": sections,
    }


def oai_id(pk):
    return f"oai:sqjy.test:article/{pk}"


@pytest.fixture
def harvester(monkeypatch):
    session = requests.Session()
    session.mount("http://testserver/", DjangoAdapter())
    monkeypatch.setattr(sickle.app, "requests", session)  # sickle calls requests.get/post
    return Sickle(HARVEST_URL)


@pytest.fixture
def post_harvester(harvester):
    return Sickle(HARVEST_URL, http_method="POST")


def test_identify_and_formats(harvester, archive):
    identify = harvester.Identify()
    assert identify.repositoryName == "社区教育研究"
    assert identify.protocolVersion == "2.0"
    assert identify.deletedRecord == "persistent"
    assert identify.granularity == "YYYY-MM-DDThh:mm:ssZ"
    assert identify.baseURL.endswith("/oai/")

    prefixes = {fmt.metadataPrefix for fmt in harvester.ListMetadataFormats()}
    assert prefixes == {"oai_dc", "jats"}
    one = {fmt.metadataPrefix for fmt in harvester.ListMetadataFormats(identifier=oai_id(archive["public"][0].pk))}
    assert one == {"oai_dc", "jats"}

    specs = {s.setSpec for s in harvester.ListSets()}
    first, second = archive["issues"]
    assert {f"journal-{archive['journal'].pk}", f"issue-{first.pk}", f"issue-{second.pk}"} <= specs
    assert {f"section-{section.pk}" for section in archive["sections"]} <= specs


def test_list_records_pages_through_resumption_tokens_with_tombstones(harvester, archive):
    records = list(harvester.ListRecords(metadataPrefix="oai_dc"))
    live = {oai_id(article.pk) for article in archive["public"]}
    gone = {oai_id(archive["withdrawn"].pk), oai_id(archive["deleted_id"])}
    assert {r.header.identifier for r in records} == live | gone  # 7 records over 4 pages of 2
    assert {r.header.identifier for r in records if r.deleted} == gone
    assert oai_id(archive["draft"].pk) not in {r.header.identifier for r in records}
    first = next(r for r in records if r.header.identifier == oai_id(archive["public"][0].pk))
    assert first.metadata["title"] == ["第一期文章0"]
    assert first.metadata["creator"] == ["周立新"]
    assert "zhou@example.org" not in first.raw

    identifiers = list(harvester.ListIdentifiers(metadataPrefix="jats"))
    assert [h.identifier for h in identifiers] == sorted(
        (h.identifier for h in identifiers), key=lambda i: int(i.rsplit("/", 1)[1])
    )
    assert len(identifiers) == 7


def test_sets_and_dates_select_records(harvester, archive):
    first_issue = archive["issues"][0]
    in_issue = {h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", set=f"issue-{first_issue.pk}")}
    # the deleted article was in the first issue: its tombstone stays in the issue's set
    assert in_issue == {oai_id(a.pk) for a in archive["public"][:3]} | {oai_id(archive["deleted_id"])}

    section = archive["sections"][1]
    in_section = {h.identifier for h in harvester.ListIdentifiers(metadataPrefix="oai_dc", set=f"section-{section.pk}")}
    # first-1 is in the second section, and so was the withdrawn article (its tombstone keeps the set)
    assert in_section == {oai_id(archive["public"][1].pk), oai_id(archive["withdrawn"].pk)}

    today = datetime.datetime.now(datetime.UTC).date()
    everything = list(harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": today.isoformat()}))
    assert len(everything) == 7
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        harvester.ListIdentifiers(metadataPrefix="oai_dc", **{"from": (today + datetime.timedelta(days=1)).isoformat()})
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        harvester.ListIdentifiers(metadataPrefix="oai_dc", until="2000-01-01T00:00:00Z")


def test_get_record_in_jats_and_for_a_tombstone(harvester, archive):
    article = archive["public"][3]
    record = harvester.GetRecord(identifier=oai_id(article.pk), metadataPrefix="jats")
    tree = etree.fromstring(record.raw.encode())
    titles = tree.xpath("//*[local-name()='article-title']/text()")
    assert titles == ["第二期文章0"]
    assert tree.xpath("//*[local-name()='surname']/text()")[0] == "周"

    tombstone = harvester.GetRecord(identifier=oai_id(archive["deleted_id"]), metadataPrefix="oai_dc")
    assert tombstone.deleted
    assert OAITombstone.objects.filter(article_id=archive["deleted_id"]).exists()


def test_protocol_errors(harvester, archive):
    with pytest.raises(oaiexceptions.BadVerb):
        OAIResponseIterator(harvester, {"verb": "Harvest"})
    with pytest.raises(oaiexceptions.BadVerb):
        OAIResponseIterator(harvester, {})
    with pytest.raises(oaiexceptions.BadArgument):
        harvester.ListRecords()  # metadataPrefix missing
    with pytest.raises(oaiexceptions.BadArgument):
        harvester.ListRecords(metadataPrefix="oai_dc", colour="red")
    with pytest.raises(oaiexceptions.BadArgument):
        harvester.ListRecords(metadataPrefix="oai_dc", **{"from": "2019-01-01", "until": "2019-02-01T00:00:00Z"})
    with pytest.raises(oaiexceptions.BadArgument):
        harvester.ListRecords(metadataPrefix="oai_dc", **{"from": "last tuesday"})
    with pytest.raises(oaiexceptions.BadArgument):
        harvester.ListRecords(metadataPrefix="oai_dc", resumptionToken="x")  # exclusive argument
    with pytest.raises(oaiexceptions.CannotDisseminateFormat):
        harvester.ListRecords(metadataPrefix="marc21")
    with pytest.raises(oaiexceptions.CannotDisseminateFormat):
        harvester.GetRecord(identifier=oai_id(archive["public"][0].pk), metadataPrefix="marc21")
    with pytest.raises(oaiexceptions.IdDoesNotExist):
        harvester.GetRecord(identifier=oai_id(archive["draft"].pk), metadataPrefix="oai_dc")
    with pytest.raises(oaiexceptions.IdDoesNotExist):
        harvester.GetRecord(identifier="oai:elsewhere:article/1", metadataPrefix="oai_dc")
    with pytest.raises(oaiexceptions.IdDoesNotExist):
        list(harvester.ListMetadataFormats(identifier="nonsense"))
    with pytest.raises(oaiexceptions.NoRecordsMatch):
        harvester.ListRecords(metadataPrefix="oai_dc", set="section-999999")
    with pytest.raises(oaiexceptions.BadResumptionToken):
        OAIResponseIterator(harvester, {"verb": "ListRecords", "resumptionToken": "forged"})
    with pytest.raises(oaiexceptions.BadResumptionToken):
        OAIResponseIterator(harvester, {"verb": "ListSets", "resumptionToken": "forged"})


def test_republishing_removes_the_tombstone(harvester, archive):
    withdrawn = archive["withdrawn"]
    withdrawn.save_revision().publish()
    record = harvester.GetRecord(identifier=oai_id(withdrawn.pk), metadataPrefix="oai_dc")
    assert not record.deleted
    assert record.metadata["title"] == ["撤回的文章"]


def test_harvesting_with_post_requests(post_harvester, archive):
    records = list(post_harvester.ListRecords(metadataPrefix="oai_dc"))
    assert len(records) == 7
