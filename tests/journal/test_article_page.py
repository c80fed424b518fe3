"""The article page: bilingual metadata, Highwire and Dublin Core tags, JSON-LD, downloads."""

import json

import bibtexparser
import pytest
from bs4 import BeautifulSoup

from .conftest import BROWSER


def soup_of(client, page):
    response = client.get(page.url, **BROWSER)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def meta(soup, name):
    return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]


@pytest.mark.django_db
def test_highwire_and_dublin_core_tags(client, article):
    soup = soup_of(client, article)
    assert meta(soup, "citation_title") == ["社区教育服务乡村振兴的路径研究"]
    assert meta(soup, "citation_author") == ["王小明", "李华", "欧阳春", "张三"]  # no space inside 李华
    assert meta(soup, "citation_author_institution") == [
        "浙江开放大学",
        "杭州市社区大学",
        "宁波社区大学",
        "温州社区大学",
    ]
    assert meta(soup, "citation_publication_date") == ["2019/04/15"]
    assert meta(soup, "citation_journal_title") == ["社区教育研究"]
    assert meta(soup, "citation_issn") == ["1234-5679"]
    assert meta(soup, "citation_volume") == ["5"]
    assert meta(soup, "citation_issue") == ["2"]
    assert meta(soup, "citation_firstpage") == ["12"]
    assert meta(soup, "citation_lastpage") == ["19"]
    assert meta(soup, "citation_keywords") == ["社区教育; 乡村振兴; 文化礼堂"]
    assert meta(soup, "citation_language") == ["zh"]
    assert meta(soup, "citation_doi") == []  # only when present
    assert meta(soup, "citation_pdf_url") == []
    assert meta(soup, "DC.title") == ["社区教育服务乡村振兴的路径研究"]
    assert meta(soup, "DC.creator.PersonalName") == ["王小明", "李华", "欧阳春", "张三"]
    assert meta(soup, "DC.date.issued") == ["2019-04-15"]
    assert meta(soup, "DC.subject") == ["社区教育", "乡村振兴", "文化礼堂"]
    assert meta(soup, "DC.source.ISSN") == ["1234-5679"]


@pytest.mark.django_db
def test_doi_and_pdf_tags_when_present(client, article):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    pdf = Document(title="全文")
    pdf.file.save("article.pdf", ContentFile(b"%PDF-1.4 demo"), save=False)
    pdf.save()
    article.doi = "10.12345/sqjy.2019.02.003"
    article.pdf = pdf
    article.save_revision().publish()
    soup = soup_of(client, article)
    assert meta(soup, "citation_doi") == ["10.12345/sqjy.2019.02.003"]
    assert meta(soup, "citation_pdf_url") == [f"http://testserver{article.url}pdf/"]
    assert meta(soup, "DC.identifier") == ["https://doi.org/10.12345/sqjy.2019.02.003"]


@pytest.mark.django_db
def test_scholarly_article_json_ld(client, article):
    soup = soup_of(client, article)
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "ScholarlyArticle"
    assert data["headline"] == "社区教育服务乡村振兴的路径研究"
    assert data["alternativeHeadline"] == "Paths for Community Education to Serve Rural Revitalisation"
    assert [a["name"] for a in data["author"]] == ["王小明", "李华", "欧阳春", "张三"]
    assert data["author"][0]["identifier"] == "https://orcid.org/0000-0002-1825-0097"
    assert data["author"][0]["affiliation"]["name"] == "浙江开放大学"
    assert data["isPartOf"]["@type"] == "PublicationIssue"
    assert data["isPartOf"]["issueNumber"] == "2"
    assert data["isPartOf"]["isPartOf"]["volumeNumber"] == "5"
    assert data["isPartOf"]["isPartOf"]["isPartOf"]["issn"] == ["1234-5679"]
    assert (data["pageStart"], data["pageEnd"]) == ("12", "19")
    assert data["datePublished"] == "2019-04-15"


@pytest.mark.django_db
def test_bilingual_metadata_side_by_side_and_no_email(client, article):
    soup = soup_of(client, article)
    chinese, english = soup.select(".bilingual > div")
    assert chinese.h1.get_text() == "社区教育服务乡村振兴的路径研究"
    assert (
        chinese.select_one(".authors").get_text() == "王小明*，李华，欧阳春，张三"
    )  # * marks the corresponding author
    assert english["lang"] == "en"
    assert "Wang Xiaoming, Li Hua, Ouyang Chun, Zhang San" in english.select_one(".authors").get_text()
    assert "Rural revitalisation needs community education." in english.get_text()
    text = soup.get_text()
    for label in (
        "G77",
        "1234-5679(2019)02-0012-08",
        "浙江省教育科学规划课题（2018SCG001）",
        "王小明（1980—），男，副教授。",
    ):
        assert label in text
    assert "wang@example.org" not in client.get(article.url, **BROWSER).content.decode()


@pytest.mark.django_db
def test_gb_t_7714_2025_download_is_the_entry_the_page_shows(client, article):
    page = BeautifulSoup(client.get(article.url, **BROWSER).content, "html.parser")
    shown = page.select_one(".citation--gb-t-7714-2025").get_text()
    link = page.find("a", string="GB/T 7714—2025")["href"]
    response = client.get(link, **BROWSER)
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    assert response.content.decode() == shown + "\n"
    assert shown == "王小明，李华，欧阳春，等. 社区教育服务乡村振兴的路径研究[J]. 社区教育研究，2019，5（2）：12-19."


@pytest.mark.django_db
def test_bibtex_ris_and_jats_downloads(client, article):
    response = client.get(f"{article.url}cite/bibtex/", **BROWSER)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    library = bibtexparser.parse_string(response.content.decode())
    (entry,) = library.entries
    assert entry.entry_type == "article"
    assert entry["author"] == "王小明 and 李华 and 欧阳春 and 张三"
    assert entry["journal"] == "社区教育研究"
    assert (entry["year"], entry["volume"], entry["number"], entry["pages"]) == ("2019", "5", "2", "12--19")

    ris = client.get(f"{article.url}cite/ris/", **BROWSER).content.decode()
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - JOUR"
    assert [line for line in lines if line.startswith("AU")] == [
        "AU  - 王小明",
        "AU  - 李华",
        "AU  - 欧阳春",
        "AU  - 张三",
    ]
    assert "SP  - 12" in lines and "EP  - 19" in lines and "JO  - 社区教育研究" in lines
    assert lines[-2] == "ER  -"

    jats = client.get(f"{article.url}cite/jats/", **BROWSER)
    assert b"<article-title>" in jats.content and b"Wang" in jats.content
    assert client.get(f"{article.url}cite/docx/", **BROWSER).status_code == 404
