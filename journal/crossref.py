"""Crossref deposit XML (schema 5.4.0 ``doi_batch``) for the articles of an issue that have a DOI.

Built from the same ``ArticleMetadata`` as everything else. The tests validate it against
Crossref's 5.4.0 schema (a copy under tests/journal/fixtures/crossref/, with its source named).
"""

import datetime

from django.conf import settings
from django.utils import timezone
from lxml import etree

from .cited_works import cited_works
from .metadata import article_metadata

SCHEMA_VERSION = "5.4.0"
CROSSREF_NS = f"http://www.crossref.org/schema/{SCHEMA_VERSION}"
JATS_NS = "http://www.ncbi.nlm.nih.gov/JATS1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{CROSSREF_NS} https://www.crossref.org/schemas/crossref{SCHEMA_VERSION}.xsd"


def _sub(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, f"{{{CROSSREF_NS}}}{tag}", {k: str(v) for k, v in attributes.items()})
    if text not in (None, ""):
        element.text = str(text)
    return element


def _date(parent, value, media_type):
    if value is None:
        return
    date = _sub(parent, "publication_date", media_type=media_type)
    _sub(date, "month", f"{value.month:02d}")
    _sub(date, "day", f"{value.day:02d}")
    _sub(date, "year", value.year)


def _person(parent, author, sequence):
    person = _sub(parent, "person_name", sequence=sequence, contributor_role="author")
    family, given = author.family_given()
    if given:
        _sub(person, "given_name", given)
    _sub(person, "surname", family)
    if author.affiliation:
        institution = _sub(_sub(person, "affiliations"), "institution")
        _sub(institution, "institution_name", author.affiliation)
    if author.orcid:
        _sub(person, "ORCID", author.orcid_url)


def _titles(parent, meta):
    """A Chinese article with an English title: ``title`` in English, then the Chinese as
    ``original_language_title`` (the title in the language the work was written in)."""
    titles = _sub(parent, "titles")
    if meta.title_en and meta.language != "en":
        _sub(titles, "title", meta.title_en)
        _sub(titles, "original_language_title", meta.title, language=meta.language)
    else:
        _sub(titles, "title", meta.title)


def _citation_list(parent, references):
    """``citation_list``: each reference's parts, in the schema's order, and its printed text."""
    works = cited_works(references)
    if not works:
        return
    citations = _sub(parent, "citation_list")
    for work in works:
        citation = _sub(citations, "citation", key=work.key)
        first_name = work.names[0] if work.names else None
        parts = [
            ("journal_title", work.source if work.publication_type == "journal" else ""),
            ("author", (first_name.literal or first_name.family) if first_name else ""),
            ("volume", work.volume),
            ("issue", work.issue),
            ("first_page", work.first_page),
            ("cYear", work.year),
            ("doi", work.doi),
            ("volume_title", work.source if work.publication_type != "journal" else ""),
            ("article_title", work.part_title),
            ("unstructured_citation", work.text),
        ]
        for tag, value in parts:
            if value:
                _sub(citation, tag, value)


def deposit_xml(issue, request=None, now=None):
    """The ``doi_batch`` for ``issue``'s live articles that have a DOI, as UTF-8 bytes."""
    now = now or timezone.now()
    articles = issue.articles().exclude(doi="").prefetch_related("reference_entries")
    journal = issue.get_parent().specific
    root = etree.Element(f"{{{CROSSREF_NS}}}doi_batch", nsmap={None: CROSSREF_NS, "jats": JATS_NS, "xsi": XSI_NS})
    root.set("version", SCHEMA_VERSION)
    root.set(f"{{{XSI_NS}}}schemaLocation", SCHEMA_LOCATION)

    head = _sub(root, "head")
    _sub(head, "doi_batch_id", f"issue-{issue.pk}-{now:%Y%m%d%H%M%S}")
    _sub(head, "timestamp", now.strftime("%Y%m%d%H%M%S"))
    depositor = _sub(head, "depositor")
    _sub(depositor, "depositor_name", journal.publisher or journal.title)
    _sub(depositor, "email_address", settings.JOURNAL_CROSSREF_EMAIL)
    _sub(head, "registrant", journal.publisher or journal.title)

    body = _sub(root, "body")
    container = _sub(body, "journal")
    journal_metadata = _sub(container, "journal_metadata", language="zh")
    # One full_title per language; abbrev_title is for an abbreviation (ISO 4), which a
    # translated title is not.
    for title in (journal.title, journal.title_en):
        if title:
            _sub(journal_metadata, "full_title", title)
    if journal.issn:
        _sub(journal_metadata, "issn", journal.issn, media_type="print")
    if journal.eissn:
        _sub(journal_metadata, "issn", journal.eissn, media_type="electronic")

    journal_issue = _sub(container, "journal_issue")
    _date(journal_issue, issue.published_date or datetime.date(issue.year, 1, 1), "print")
    if issue.volume:
        _sub(_sub(journal_issue, "journal_volume"), "volume", issue.volume)
    _sub(journal_issue, "issue", issue.number)

    for article in articles:
        meta = article_metadata(article, request, issue=issue, journal=journal)
        item = _sub(container, "journal_article", publication_type="full_text", language=meta.language)
        _titles(item, meta)
        if meta.authors:
            contributors = _sub(item, "contributors")
            for index, author in enumerate(meta.authors):
                _person(contributors, author, "first" if index == 0 else "additional")
        if meta.abstract:
            abstract = etree.SubElement(item, f"{{{JATS_NS}}}abstract")
            abstract.set("{http://www.w3.org/XML/1998/namespace}lang", meta.language)
            etree.SubElement(abstract, f"{{{JATS_NS}}}p").text = meta.abstract
        _date(item, meta.date, "print")
        if meta.first_page:
            pages = _sub(item, "pages")
            _sub(pages, "first_page", meta.first_page)
            if meta.last_page != meta.first_page:
                _sub(pages, "last_page", meta.last_page)
        doi_data = _sub(item, "doi_data")
        _sub(doi_data, "doi", meta.doi)
        _sub(doi_data, "resource", meta.url)
        _citation_list(item, meta.references)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
