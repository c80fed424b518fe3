"""Reference lists on articles: pasted in the admin, kept as rows an editor corrects, shown
formatted with DOI links, and written into JATS, the Crossref deposit and Highwire tags."""

import html

import pytest
from django.contrib.auth import get_user_model
from lxml import etree

from journal.crossref import CROSSREF_NS, deposit_xml
from journal.models import ArticleReference
from journal.references import format_reference, parse_reference
from tests.journal.conftest import make_article
from tests.journal.test_scheduled_publishing import edit_form

from .gbt7714_examples import EXAMPLES, completed

PASTED = (
    "[1] 叶忠海. 社区教育学[M]. 上海: 华东师范大学出版社, 2016.\n"
    "\n"  # blank lines are skipped, and still counted when a line is named
    "[2] SMITH J, DOE A, BROWN K, et al. Learning cities[J]. Journal of Adult Education, 2020, 12(3): 45-60. "
    "DOI: 10.1000/jae.2020.045.\n"
    "［3］吴遵民. 终身学习[J]. 教育研究，2017（3）：1-5.\n"  # the 2025 form
)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda example: example["id"])
def test_a_parsed_example_kept_as_a_row_formats_to_the_same_entry(example):
    parsed = parse_reference(format_reference(completed(example)))
    row = ArticleReference.from_csl(parsed)
    assert format_reference(row.to_csl()) == format_reference(parsed)


def test_a_row_holds_the_parts_an_editor_corrects():
    row = ArticleReference.from_csl(parse_reference(PASTED.splitlines()[2]))
    assert (row.type, row.authors, row.title) == (
        "article-journal",
        "SMITH J, DOE A, BROWN K, et al.",
        "Learning cities",
    )
    assert (row.container_title, row.date, row.volume, row.issue, row.pages) == (
        "Journal of Adult Education",
        "2020",
        "12",
        "3",
        "45-60",
    )
    assert row.doi == "10.1000/jae.2020.045"
    row.authors = "SMITH J, DOE A"  # an editor drops the “et al.” and a name
    assert format_reference(row.to_csl()).startswith("SMITH J，DOE A. Learning cities[J/OL].")


@pytest.fixture
def admin_client(client, db):
    client.force_login(get_user_model().objects.create_superuser("admin", "admin@example.org", "pw"))
    return client


@pytest.mark.django_db
def test_a_pasted_list_becomes_rows_that_the_editor_then_corrects(admin_client, issue):
    article = make_article(issue, "社区学习共同体的建设路径")
    url, data = edit_form(admin_client, article)
    data["paste_references"] = PASTED
    data["action-publish"] = "action-publish"
    assert admin_client.post(url, data).status_code == 302

    rows = list(article.reference_entries.order_by("sort_order"))
    assert [(row.type, row.authors, row.title, row.date) for row in rows] == [
        ("book", "叶忠海", "社区教育学", "2016"),
        ("article-journal", "SMITH J, DOE A, BROWN K, et al.", "Learning cities", "2020"),
        ("article-journal", "吴遵民", "终身学习", "2017"),
    ]

    url, data = edit_form(admin_client, article)
    assert data["paste_references"].strip() == ""  # the box is empty again; the rows are the list now
    assert data["reference_entries-2-title"] == "终身学习"
    data["reference_entries-2-title"] = "终身学习的理念与实践"
    data["reference_entries-2-pages"] = "1-9"
    data["action-publish"] = "action-publish"
    assert admin_client.post(url, data).status_code == 302
    corrected = article.reference_entries.get(sort_order=2)
    assert (corrected.title, corrected.pages) == ("终身学习的理念与实践", "1-9")
    assert article.reference_entries.count() == 3


@pytest.mark.django_db
def test_every_unreadable_line_is_named_and_nothing_is_saved(admin_client, issue):
    article = make_article(issue, "社区学习共同体的建设路径", references=PASTED.splitlines()[0])
    revisions = article.revisions.count()
    url, data = edit_form(admin_client, article)
    data["paste_references"] = PASTED + "这一行不是参考文献\n吴遵民. 终身学习[J/OL]. 教育研究，2017（3）：1-5.\n"
    data["title"] = "改过的标题"
    data["action-publish"] = "action-publish"

    response = admin_client.post(url, data)

    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["paste_references"]
    assert [error.params["line"] for error in errors] == [5, 6]
    page = html.unescape(response.content.decode())  # the admin speaks the editor's Chinese
    assert "第 5 行无法识别（没有找到 [J]、[M]、[EB/OL] 等文献类型标识）：这一行不是参考文献" in page
    assert "第 6 行无法识别（[J/OL] 条目缺少网址或 DOI）" in page
    article.refresh_from_db()
    assert article.title == "社区学习共同体的建设路径" and article.revisions.count() == revisions
    assert [row.title for row in article.reference_entries.all()] == ["社区教育学"]


@pytest.mark.django_db
def test_the_article_shows_its_references_formatted_with_doi_links(client, article):
    page = client.get(article.url).content.decode()
    section = page[page.index('<section class="references"') :]
    section = section[: section.index("</section>")]
    assert "<li>叶忠海. 社区教育学[M]. 上海：华东师范大学出版社，2016.</li>" in section
    assert "<li>吴遵民. 终身学习[J]. 教育研究，2017（3）：1-5.</li>" in section
    assert (
        '<li lang="en">SMITH J，DOE A. Learning cities[J/OL]. Journal of Adult Education，2020，12（3）：45-60. '
        'DOI:<a href="https://doi.org/10.1000/jae.2020.045">10.1000/jae.2020.045</a>.'
    ) in section


@pytest.mark.django_db
def test_highwire_tags_name_each_reference(client, article):
    page = html.unescape(client.get(article.url).content.decode())
    tags = [line for line in page.splitlines() if 'name="citation_reference"' in line]
    assert len(tags) == 3
    assert (
        'content="citation_title=Learning cities; citation_author=SMITH, J; citation_author=DOE, A; '
        "citation_journal_title=Journal of Adult Education; citation_publication_date=2020; citation_volume=12; "
        'citation_issue=3; citation_firstpage=45; citation_lastpage=60; citation_doi=10.1000/jae.2020.045"'
    ) in tags[2]
    assert "citation_title=社区教育学; citation_author=叶忠海; citation_publisher=华东师范大学出版社" in tags[0]


JATS = {"xlink": "http://www.w3.org/1999/xlink"}


@pytest.mark.django_db
def test_the_jats_export_carries_the_reference_list(client, article):
    root = etree.fromstring(client.get(f"{article.url}cite/jats/").content)
    refs = root.findall("back/ref-list/ref")
    assert [ref.get("id") for ref in refs] == ["ref1", "ref2", "ref3"]
    book, chinese, english = (ref.find("element-citation") for ref in refs)
    assert book.get("publication-type") == "book"
    assert (book.findtext("source"), book.findtext("publisher-loc"), book.findtext("publisher-name")) == (
        "社区教育学",
        "上海",
        "华东师范大学出版社",
    )
    assert [name.text for name in chinese.findall("person-group/string-name")] == ["吴遵民"]
    assert english.get("publication-type") == "journal"
    assert [
        (name.findtext("surname"), name.findtext("given-names")) for name in english.findall("person-group/name")
    ] == [
        ("SMITH", "J"),
        ("DOE", "A"),
    ]
    assert (english.findtext("article-title"), english.findtext("source")) == (
        "Learning cities",
        "Journal of Adult Education",
    )
    assert [english.findtext(tag) for tag in ("year", "volume", "issue", "fpage", "lpage")] == [
        "2020",
        "12",
        "3",
        "45",
        "60",
    ]
    assert english.find("pub-id[@pub-id-type='doi']").text == "10.1000/jae.2020.045"
    assert refs[0].findtext("mixed-citation") == "叶忠海. 社区教育学[M]. 上海：华东师范大学出版社，2016."


@pytest.mark.django_db
def test_the_crossref_deposit_carries_the_citation_list(issue, article):
    article.doi = "10.12345/sqjy.2019.02.001"
    article.save_revision().publish()
    root = etree.fromstring(deposit_xml(issue))
    ns = {"c": CROSSREF_NS}
    journal_article = root.find(".//c:journal_article", ns)
    # citation_list follows doi_data, as the schema's sequence has it
    assert [etree.QName(child).localname for child in journal_article][-2:] == ["doi_data", "citation_list"]
    citations = journal_article.findall("c:citation_list/c:citation", ns)
    assert [citation.get("key") for citation in citations] == ["ref1", "ref2", "ref3"]
    english = citations[2]
    assert [etree.QName(child).localname for child in english] == [
        "journal_title",
        "author",
        "volume",
        "issue",
        "first_page",
        "cYear",
        "doi",
        "article_title",
        "unstructured_citation",
    ]
    assert english.findtext("c:doi", namespaces=ns) == "10.1000/jae.2020.045"
    assert english.findtext("c:author", namespaces=ns) == "SMITH"
    book = citations[0]
    assert book.findtext("c:volume_title", namespaces=ns) == "社区教育学"
    assert book.findtext("c:journal_title", namespaces=ns) is None
    assert (
        book.findtext("c:unstructured_citation", namespaces=ns)
        == "叶忠海. 社区教育学[M]. 上海：华东师范大学出版社，2016."
    )


@pytest.mark.django_db
def test_the_api_gives_the_references_as_csl_json(client, article):
    references = client.get(f"/api/v2/pages/{article.pk}/").json()["references"]
    assert [reference["id"] for reference in references] == ["ref1", "ref2", "ref3"]
    assert references[2] == {
        "id": "ref3",
        "type": "article-journal",
        "title": "Learning cities",
        "author": [{"family": "SMITH", "given": "J"}, {"family": "DOE", "given": "A"}],
        "container-title": "Journal of Adult Education",
        "issued": {"date-parts": [[2020]]},
        "volume": "12",
        "issue": "3",
        "page": "45-60",
        "DOI": "10.1000/jae.2020.045",
        "language": "en-US",
    }
