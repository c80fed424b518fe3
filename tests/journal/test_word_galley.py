"""The text of Word galleys (.docx) is read off the request path and searched like a PDF's: an
article kept only as a Word file is found by a phrase from it, readers' requests never read a
file, and a corrupt file is logged and leaves publishing alone."""

import io
import logging

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django_tasks import default_task_backend
from wagtail.documents.models import Document

from demo.pdfs import pdf_with_pages
from journal.models import GalleyText

from .conftest import make_article

pytestmark = pytest.mark.django_db

PARAGRAPHS = ["社区教育的老年学习圈建设", "邻里互助的学习圈让老人走出家门。"]
TABLE = ("学员人数", "三百二十")


def word_file(paragraphs, table=()):
    """A real .docx, written with python-docx: the paragraphs, then a table of one row."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        row = document.add_table(rows=1, cols=len(table)).rows[0]
        for cell, text in zip(row.cells, table, strict=True):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def galley(content, name="article.docx"):
    document = Document(title="文稿")
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


@pytest.fixture
def word_only_article(issue):
    """A back-issue article kept only as a Word file: no body, abstract, keywords or PDF."""
    content = word_file(PARAGRAPHS, table=TABLE)
    return make_article(issue, "旧刊文稿", abstract="", keywords="", word_galley=galley(content), slug="word")


def search(client, text):
    return client.get("/search/", {"q": text}).content.decode()


def test_a_word_only_article_is_found_by_a_phrase_from_its_document(client, word_only_article):
    text = GalleyText.objects.get(article=word_only_article)
    assert text.word_text.splitlines() == [*PARAGRAPHS, *TABLE]
    assert text.problem == "" and text.pages == []
    assert "旧刊文稿" in search(client, '"邻里互助的学习圈"')
    assert "旧刊文稿" in search(client, "三百二十")  # a table cell is text too
    assert "旧刊文稿" not in search(client, "代际教育学院")


def test_a_hit_in_the_word_file_is_shown_with_its_words_and_a_link_to_the_file(client, word_only_article):
    html = search(client, "邻里互助")
    assert f'href="{word_only_article.word_galley.url}"' in html
    assert "让老人走出家门" in html  # the words around the hit, from the document


def test_an_article_with_both_galleys_is_found_by_either(client, issue):
    pdf = Document(title="全文")
    pdf.file.save("galley.pdf", ContentFile(pdf_with_pages(["数字素养提升的社区实践。"])), save=False)
    pdf.save()
    word = galley(word_file(["邻里互助的学习圈让老人走出家门。"]))
    article = make_article(issue, "两种稿件", abstract="", keywords="", pdf=pdf, word_galley=word, slug="both")
    assert "两种稿件" in search(client, "数字素养提升")
    assert "两种稿件" in search(client, "邻里互助的学习圈")
    # The hit in the PDF names its page; the Word file has no pages to name.
    html = search(client, "数字素养提升")
    assert f'href="{article.url}pdf/#page=1"' in html


def test_readers_requests_never_read_a_galley(client, word_only_article):
    GalleyText.objects.all().delete()  # as if the worker had not run yet
    assert client.get(word_only_article.url).status_code == 200
    search(client, "邻里互助的学习圈")
    assert not GalleyText.objects.exists()


def test_publishing_enqueues_the_reading_instead_of_reading(settings, issue):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    article = make_article(issue, "旧刊文稿", word_galley=galley(word_file(["邻里互助的学习圈"])), slug="queued")
    assert not GalleyText.objects.exists()
    queued = [result.args for result in default_task_backend.results if result.task.name == "read_galley_text"]
    assert queued == [[article.pk]]


def test_a_corrupt_word_file_is_logged_and_does_not_stop_publishing(caplog, issue):
    broken = galley(b"PK\x03\x04 this is not a Word file", name="broken.docx")
    with caplog.at_level(logging.WARNING, logger="journal.fulltext"):
        article = make_article(issue, "文件损坏的文章", word_galley=broken, slug="broken")
    assert article.live
    text = GalleyText.objects.get(article=article)
    assert text.word_text == "" and text.problem.startswith("无法读取Word文件")
    (record,) = [record for record in caplog.records if record.name == "journal.fulltext"]
    assert record.levelno == logging.WARNING
    assert f"Word galley of article {article.pk} (document {broken.pk})" in record.getMessage()


def test_a_replaced_word_file_is_read_again(client, word_only_article):
    document = word_only_article.word_galley
    document.file.save("corrected.docx", ContentFile(word_file(["老年人数字素养提升的社区实践。"])), save=False)
    document.save()
    assert "旧刊文稿" in search(client, "数字素养提升")
    assert "旧刊文稿" not in search(client, "邻里互助的学习圈")


def test_the_command_reads_word_galleys_of_articles_published_before(client, capsys, word_only_article):
    GalleyText.objects.all().delete()
    word_only_article.save()  # and the index has no text from the file either
    assert "旧刊文稿" not in search(client, "邻里互助的学习圈")
    call_command("extract_galley_text")
    assert "[1/1] 旧刊文稿: Word file, 39 characters" in capsys.readouterr().out
    assert "旧刊文稿" in search(client, "邻里互助的学习圈")


def test_only_a_docx_file_is_accepted_as_word_galley(word_only_article):
    word_only_article.word_galley = galley(b"\xd0\xcf\x11\xe0 an old Word file", name="old.doc")
    with pytest.raises(ValidationError) as error:
        word_only_article.clean()
    assert "word_galley" in error.value.message_dict


def test_a_word_file_that_unpacks_too_large_is_not_read(monkeypatch, issue):
    """A .docx is a zip: one that would inflate past the limit is refused before parsing."""
    from journal import fulltext

    monkeypatch.setattr(fulltext, "MAX_WORD_UNPACKED_BYTES", 1000)
    article = make_article(issue, "过大的文稿", word_galley=galley(word_file(["邻里互助的学习圈"])), slug="big")
    text = GalleyText.objects.get(article=article)
    assert text.word_text == "" and text.problem == "Word 文件解压后超过 200 MB"
