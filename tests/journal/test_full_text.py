"""The text of PDF galleys is read off the request path and searched: an article that exists
only as a PDF is found by a phrase from it, and the result names the page."""

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents.models import Document

from demo.pdfs import pdf_with_pages
from journal.models import GalleyText

from .conftest import make_article

pytestmark = pytest.mark.django_db

PAGES = [
    "第一页：本期导读与编者按。",
    # The PDF wraps a line in the middle of the phrase 社区学习共同体的培育路径.
    "社区学习共同体的培育\n路径在于邻里互助与代际学习。",
]


def galley(pages, name="galley.pdf"):
    document = Document(title="全文")
    document.file.save(name, ContentFile(pdf_with_pages(pages)), save=False)
    document.save()
    return document


@pytest.fixture
def pdf_only_article(issue):
    """A back-issue article published as a PDF only: no body, abstract or keywords."""
    return make_article(issue, "旧刊扫描件", abstract="", keywords="", pdf=galley(PAGES), slug="scan")


def search(client, text):
    return client.get("/search/", {"q": text}).content.decode()


def test_a_pdf_only_article_is_found_by_a_phrase_from_its_pdf(client, pdf_only_article):
    pages = GalleyText.objects.get(article=pdf_only_article).pages
    assert pages[1] == "社区学习共同体的培育路径在于邻里互助与代际学习。"  # the wrapped line joined
    html = search(client, '"共同体的培育路径"')
    assert "旧刊扫描件" in html
    # The hit shows its page: a link to page 2 of the PDF, with the words marked.
    parts = html.split('class="search-result__parts"')[1].split("</ul>")[0]
    assert f'href="{pdf_only_article.url}pdf/#page=2"' in parts
    assert "PDF 第 2 页" in parts and "<mark>共同体的培育路径</mark>" in parts
    assert "#page=1" not in parts
    assert "旧刊扫描件" not in search(client, "代际教育学院")


def test_without_its_galley_the_article_is_not_found(client, issue):
    make_article(issue, "旧刊扫描件", abstract="", keywords="", slug="scan")
    assert "旧刊扫描件" not in search(client, "共同体的培育路径")


def test_a_replaced_galley_file_is_read_again(client, pdf_only_article):
    document = pdf_only_article.pdf
    document.file.save("corrected.pdf", ContentFile(pdf_with_pages(["老年人数字素养提升的社区实践。"])), save=False)
    document.save()
    assert "旧刊扫描件" in search(client, "数字素养提升")
    assert "旧刊扫描件" not in search(client, "共同体的培育路径")


def test_an_unreadable_galley_does_not_stop_publishing(issue):
    document = Document(title="坏文件")
    document.file.save("broken.pdf", ContentFile(b"%PDF-1.4 this is not a PDF"), save=False)
    document.save()
    article = make_article(issue, "文件损坏的文章", pdf=document, slug="broken")
    assert article.live
    text = GalleyText.objects.get(article=article)
    assert text.pages == [] and text.problem.startswith("无法读取PDF")


def test_the_command_reads_the_galleys_of_articles_published_before(client, capsys, pdf_only_article):
    GalleyText.objects.all().delete()  # as before full text existed
    pdf_only_article.save()  # and the index has no PDF text either
    assert "旧刊扫描件" not in search(client, "共同体的培育路径")
    call_command("extract_galley_text")
    output = capsys.readouterr().out
    assert "Articles whose galleys to read: 1." in output and "[1/1] 旧刊扫描件: 2 pages" in output
    assert "旧刊扫描件" in search(client, "共同体的培育路径")
    call_command("extract_galley_text")  # nothing new: nothing read again
    assert "Articles whose galleys to read: 0." in capsys.readouterr().out
