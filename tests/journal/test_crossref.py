"""Crossref deposit XML for an issue: the articles with a DOI, their authors and pages."""

import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from lxml import etree

from demo import journal as demo
from journal.crossref import CROSSREF_NS, deposit_xml
from journal.models import ArticlePage, IssuePage

from .conftest import make_article

NS = {"c": CROSSREF_NS, "jats": "http://www.ncbi.nlm.nih.gov/JATS1"}
SCHEMA = Path(__file__).parent / "fixtures" / "crossref" / "crossref5.4.0.xsd"


@pytest.fixture(scope="module")
def crossref_schema():
    """Crossref's deposit schema 5.4.0 with the schemas it imports, read from the copy under
    fixtures/crossref/ and never from the network."""
    return etree.XMLSchema(etree.parse(str(SCHEMA), etree.XMLParser(no_network=True)))


def assert_valid(schema, xml):
    document = etree.fromstring(xml)
    assert schema.validate(document), "\n".join(f"{e.line}: {e.message}" for e in schema.error_log)
    return document


@pytest.fixture
def deposit(issue, article):
    article.doi = "10.12345/sqjy.2019.02.001"
    article.save_revision().publish()
    make_article(issue, "没有 DOI 的文章", slug="no-doi")
    make_article(issue, "有 DOI 的草稿", slug="draft-doi", doi="10.12345/sqjy.2019.02.009", publish=False)
    return etree.fromstring(deposit_xml(issue))


@pytest.mark.django_db
def test_deposit_lists_live_articles_with_a_doi(deposit):
    assert deposit.get("version") == "5.4.0"
    articles = deposit.findall(".//c:journal_article", NS)
    assert [a.findtext("c:titles/c:original_language_title", namespaces=NS) for a in articles] == [
        "社区教育服务乡村振兴的路径研究"
    ]
    (article,) = articles
    assert article.findtext("c:doi_data/c:doi", namespaces=NS) == "10.12345/sqjy.2019.02.001"
    assert article.findtext("c:doi_data/c:resource", namespaces=NS).endswith("/rural/")
    people = article.findall("c:contributors/c:person_name", NS)
    assert [(p.get("sequence"), p.findtext("c:surname", namespaces=NS), p.findtext("c:given_name", namespaces=NS))
            for p in people][:2] == [("first", "王", "小明"), ("additional", "李", "华")]  # fmt: skip
    assert people[0].findtext("c:ORCID", namespaces=NS) == "https://orcid.org/0000-0002-1825-0097"
    assert article.findtext("c:pages/c:first_page", namespaces=NS) == "12"
    assert article.findtext("jats:abstract/jats:p", namespaces=NS) == "乡村振兴需要社区教育的支撑。"
    issue = deposit.find(".//c:journal_issue", NS)
    assert issue.findtext("c:issue", namespaces=NS) == "2"
    assert deposit.findtext(".//c:journal_metadata/c:issn", namespaces=NS) == "1234-5679"
    assert b"wang@example.org" not in etree.tostring(deposit)


def children(element):
    return [(etree.QName(child).localname, child.text, dict(child.attrib)) for child in element]


@pytest.mark.django_db
def test_titles_are_in_their_places(issue, article):
    """The journal's titles are two full_titles (abbrev_title is for an abbreviation); a Chinese
    article's English title is its title and the Chinese its original_language_title."""
    article.doi = "10.12345/sqjy.2019.02.001"
    article.save_revision().publish()
    make_article(issue, "只有中文题名", slug="zh-only", doi="10.12345/sqjy.2019.02.002")
    make_article(issue, "Community learning in English", slug="en", doi="10.12345/sqjy.2019.02.003", language="en",
                 title_en="Community learning in English")  # fmt: skip
    root = etree.fromstring(deposit_xml(issue))

    journal = root.find(".//c:journal_metadata", NS)
    assert [(tag, text) for tag, text, _ in children(journal) if tag.endswith("title")] == [
        ("full_title", "社区教育研究"),
        ("full_title", "Community Education Research"),
    ]
    bilingual, chinese, english = (item.find("c:titles", NS) for item in root.findall(".//c:journal_article", NS))
    assert children(bilingual) == [
        ("title", "Paths for Community Education to Serve Rural Revitalisation", {}),
        ("original_language_title", "社区教育服务乡村振兴的路径研究", {"language": "zh"}),
    ]
    assert children(chinese) == [("title", "只有中文题名", {})]
    assert children(english) == [("title", "Community learning in English", {})]


@pytest.mark.django_db
def test_deposit_is_valid_against_the_crossref_schema(crossref_schema, issue, article, four_authors):
    """An issue with everything the deposit can carry: four authors with an affiliation and
    an ORCID, a bilingual title, an abstract, pages and a reference list."""
    article.doi = "10.12345/sqjy.2019.02.001"
    article.save_revision().publish()
    reference = "[1] 王小明. 社区教育研究[M]. 北京: 高等教育出版社, 2018."
    make_article(issue, "Community learning in English", slug="en", doi="10.12345/sqjy.2019.02.003", language="en",
                 title_en="Community learning in English", references=reference)  # fmt: skip
    root = assert_valid(crossref_schema, deposit_xml(issue))
    bilingual, english = root.findall(".//c:journal_article", NS)
    assert bilingual.find("c:contributors/c:person_name/c:ORCID", NS) is not None
    assert bilingual.find("c:contributors/c:person_name/c:affiliations", NS) is not None
    assert english.findtext("c:citation_list/c:citation/c:cYear", namespaces=NS) == "2018"


def test_the_schema_copy_rejects_a_broken_deposit(crossref_schema):
    """The copy really checks: a deposit without its head fails."""
    broken = f'<doi_batch xmlns="{CROSSREF_NS}" version="5.4.0"><body/></doi_batch>'
    assert not crossref_schema.validate(etree.fromstring(broken))


@pytest.mark.django_db
def test_every_demo_issue_deposit_is_valid_against_the_crossref_schema(crossref_schema, home_page):
    """The demo journal, every article given a DOI: each issue's deposit is valid."""
    demo.load(home_page, io.StringIO())
    for number, pk in enumerate(ArticlePage.objects.order_by("pk").values_list("pk", flat=True), start=1):
        ArticlePage.objects.filter(pk=pk).update(doi=f"10.12345/demo.{number:04d}")
    issues = IssuePage.objects.live().order_by("path")
    assert issues.count() >= 8
    deposited = 0
    for issue in issues:
        root = assert_valid(crossref_schema, deposit_xml(issue.specific))
        deposited += len(root.findall(".//c:journal_article", NS))
    assert deposited == ArticlePage.objects.live().count()


@pytest.mark.django_db
def test_deposit_download_is_for_editors_only(client, issue, article):
    url = f"{issue.url}crossref/"
    assert client.get(url).status_code == 404
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
