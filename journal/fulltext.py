"""The text of galleys, read off the request path and kept for search (GalleyText): the PDF
galley page by page, and the Word galley (.docx, read with python-docx) as a whole.

Publishing an article, or replacing the file of one of its galleys, enqueues the task
journal.tasks.read_galley_text (Django's task framework: a worker runs it where TASKS names a
queue; the immediate backend runs it at once, within the editor's request, never a reader's);
`manage.py extract_galley_text` reads the galleys of articles published before. Search
indexes the text with the article (ArticlePage `galley_full_text`), and a hit in the PDF is
shown with the numbers of the pages it is on.
"""

import contextlib
import logging
import re
import zipfile

from django.db.models import Q
from django.db.models.signals import post_save
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.signals import page_published

from search.analysis import normalise

logger = logging.getLogger(__name__)

# Chinese characters and full-width punctuation: a line break between two of them is only
# where the PDF wrapped the line, and would split a phrase in two for search.
_WIDE = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
WRAPPED_LINE = re.compile(rf"(?<=[{_WIDE}])[ \t]*\r?\n\s*(?=[{_WIDE}])")
MAX_PAGES = 2000
# What a Word file may unpack to: a .docx is a zip, and a small one can inflate to gigabytes.
MAX_WORD_UNPACKED_BYTES = 200 * 1024 * 1024


class Unreadable(Exception):
    pass


def pdf_pages(file):
    """The text of each page of a PDF file (an open file or a Django File), in order."""
    from pypdf import PdfReader

    with contextlib.suppress(AttributeError, TypeError):  # else an already open binary file
        file.open("rb")
    try:
        reader = PdfReader(file)
        if reader.is_encrypted:
            raise Unreadable(_("the PDF is encrypted"))
        if len(reader.pages) > MAX_PAGES:
            raise Unreadable(_("the PDF has more than %(count)d pages") % {"count": MAX_PAGES})
        return [joined_lines(page.extract_text() or "") for page in reader.pages]
    except Unreadable:
        raise
    except Exception as error:  # pypdf raises PdfReadError and plain parsing errors
        raise Unreadable(_("the PDF could not be read: %(error)s") % {"error": error}) from error
    finally:
        if hasattr(file, "close"):
            file.close()


def is_word_file(name):
    return name.lower().endswith(".docx")


def word_text(file):
    """The text of a Word file (.docx): its paragraphs and table cells in document order, one
    paragraph a line."""
    from docx import Document
    from docx.table import Table

    with contextlib.suppress(AttributeError, TypeError):  # else an already open binary file
        file.open("rb")
    try:
        with zipfile.ZipFile(file) as archive:
            if sum(member.file_size for member in archive.infolist()) > MAX_WORD_UNPACKED_BYTES:
                raise Unreadable(_("the Word file unpacks to more than 200 MB"))
        file.seek(0)
        lines = []
        for block in Document(file).iter_inner_content():
            if isinstance(block, Table):
                lines.extend(cell.text for row in block.rows for cell in row.cells)
            else:
                lines.append(block.text)
        return "\n".join(line.strip() for line in lines if line.strip())
    except Unreadable:
        raise
    except Exception as error:  # a file that is not a zip, or a zip that is not a Word document
        raise Unreadable(_("the Word file could not be read: %(error)s") % {"error": error}) from error
    finally:
        if hasattr(file, "close"):
            file.close()


def joined_lines(text):
    return WRAPPED_LINE.sub("", text).strip()


def galley_is_current(article):
    """Whether the stored text is that of the article's present galleys (or both are absent)."""
    stored = getattr(article, "galley_text", None) if article.pk else None
    if article.pdf_id is None and article.word_galley_id is None:
        return stored is None
    return stored is not None and _sources(stored) == (
        article.pdf_id,
        source_of(article.pdf) if article.pdf_id else "",
        article.word_galley_id,
        source_of(article.word_galley) if article.word_galley_id else "",
    )


def _sources(galley):
    return (galley.document_id, galley.source, galley.word_document_id, galley.word_source)


def source_of(document):
    """Which file a document has: its name and checksum (Wagtail sets the checksum on upload)."""
    return f"{document.file.name} {document.file_hash}".strip()[:255]


def _read(reader, document, article, kind):
    """What `reader` makes of the document's file, and the problem if it cannot."""
    try:
        return reader(document.file), ""
    except (Unreadable, OSError) as error:
        problem = str(error)
        logger.warning(
            "No text from the %s galley of article %s (document %s): %s", kind, article.pk, document.pk, problem
        )
        return None, problem


def read_galley(article):
    """Read the PDF and Word galleys of `article` (its live version) into its GalleyText, or
    delete the text of galleys it no longer has. Returns the GalleyText, or None without one."""
    from .models import GalleyText

    if article.pdf_id is None and article.word_galley_id is None:
        GalleyText.objects.filter(article=article).delete()
        return None
    fields = {
        "document_id": None,
        "source": "",
        "pages": [],
        "word_document_id": None,
        "word_source": "",
        "word_text": "",
    }
    problems = []
    if article.pdf_id is not None:
        pages, problem = _read(pdf_pages, article.pdf, article, "PDF")
        fields.update(document_id=article.pdf_id, source=source_of(article.pdf), pages=pages or [])
        problems.append(problem)
    if article.word_galley_id is not None:
        text, problem = _read(word_text, article.word_galley, article, "Word")
        fields.update(
            word_document_id=article.word_galley_id, word_source=source_of(article.word_galley), word_text=text or ""
        )
        problems.append(problem)
    fields["problem"] = "; ".join(problem for problem in problems if problem)[:255]
    galley, _created = GalleyText.objects.update_or_create(article=article, defaults=fields)
    article.galley_text = galley
    return galley


def text_has_words(text, words):
    """Whether ``text`` holds every word (normalised as search.analysis does)."""
    normal = normalise(text)
    squeezed = "".join(normal.split())  # a word the PDF broke over two lines
    return all(word in normal or word in squeezed for word in words)


def pages_with_words(galley, words, limit=3):
    """[(page number, page text)] of the first pages holding every word (normalised as
    search.analysis does), at most `limit` of them."""
    found = []
    for number, text in enumerate(galley.pages, start=1):
        if text_has_words(text, words):
            found.append((number, text))
            if len(found) == limit:
                break
    return found


def enqueue_reading(article_ids):
    """Read these articles' galleys in a task (enqueued at once, as Wagtail enqueues its
    indexing: a database-backed queue commits the task with the change that asked for it)."""
    from .tasks import read_galley_text

    for article_id in article_ids:
        read_galley_text.enqueue(article_id)


def on_publish(sender, instance, **kwargs):
    article = instance.specific
    if hasattr(article, "galley_full_text") and not galley_is_current(article):
        enqueue_reading([article.pk])


def on_document_saved(sender, instance, created, raw=False, **kwargs):
    """A galley whose file was replaced is read again (its checksum changed)."""
    if created or raw:
        return
    from .models import ArticlePage

    articles = ArticlePage.objects.live().filter(Q(pdf=instance) | Q(word_galley=instance))
    articles = articles.select_related("pdf", "word_galley", "galley_text")
    enqueue_reading([article.pk for article in articles if not galley_is_current(article)])


def connect_signals():
    page_published.connect(on_publish, dispatch_uid="journal-galley-text-published")
    post_save.connect(on_document_saved, sender=get_document_model(), dispatch_uid="journal-galley-text-document")
