"""Crossref deposit XML for an issue: the articles with a DOI, their authors and pages."""

import os

import pytest
from django.contrib.auth import get_user_model
from lxml import etree

from journal.crossref import CROSSREF_NS, deposit_xml

from .conftest import make_article

NS = {"c": CROSSREF_NS, "jats": "http://www.ncbi.nlm.nih.gov/JATS1"}


@pytest.fixture
def deposit(issue, article):
    article.doi = "10.12345/sqjy.2019.02.001"
    article.save_revision().publish()
    make_article(issue, "没有 DOI 的文章", slug="no-doi")
    make_article(issue, "有 DOI 的草稿", slug="draft-doi", doi="10.12345/sqjy.2019.02.009", publish=False)
    return etree.fromstring(deposit_xml(issue))


@pytest.mark.django_db
def test_deposit_lists_live_articles_with_a_doi(deposit):
    assert deposit.get("version") == "5.3.1"
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
@pytest.mark.skipif(not os.environ.get("CROSSREF_XSD"), reason="set CROSSREF_XSD to a local crossref5.3.1.xsd")
def test_deposit_is_valid_against_the_crossref_schema(deposit):
    schema = etree.XMLSchema(etree.parse(os.environ["CROSSREF_XSD"]))
    schema.assertValid(deposit)


@pytest.mark.django_db
def test_deposit_download_is_for_editors_only(client, issue, article):
    url = f"{issue.url}crossref/"
    assert client.get(url).status_code == 404
    client.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw"))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/xml"
