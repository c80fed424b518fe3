"""The one mapping from an article to bibliographic metadata.

Meta tags (Highwire, Dublin Core), JSON-LD, citations (CSL, BibTeX, RIS), OAI-PMH records
and JATS all read an ``ArticleMetadata``; a field is mapped here and nowhere else. Email
addresses are never part of it.
"""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from cms.core.head import language_tag
from cms.core.structured_data import CONTEXT, compact, license_url

from .cited_works import cited_works
from .names import chinese_name, is_chinese, split_chinese, split_english


@dataclass
class Author:
    name: str
    name_en: str
    affiliation: str
    affiliation_en: str
    orcid: str
    is_corresponding: bool
    person_id: int

    @property
    def is_chinese(self):
        return is_chinese(self.name)

    def family_given(self):
        """(family, given) in the original script."""
        if self.is_chinese:
            return split_chinese(self.name)
        return split_english(self.name, family_first=False)

    def family_given_en(self):
        """(family, given) of the romanised name; pinyin puts the family name first."""
        return split_english(self.name_en or self.name, family_first=self.is_chinese)

    @property
    def inverted(self):
        """``王小明`` for Chinese names, ``Smith, John`` for others (indexers' form)."""
        if self.is_chinese:
            return self.name
        family, given = self.family_given()
        return f"{family}, {given}" if given else family

    @property
    def inverted_en(self):
        family, given = self.family_given_en()
        return f"{family}, {given}" if given else family

    @property
    def orcid_url(self):
        return f"https://orcid.org/{self.orcid}" if self.orcid else ""


@dataclass
class ArticleMetadata:
    id: int
    title: str
    title_en: str
    language: str
    authors: list
    abstract: str
    abstract_en: str
    keywords: list
    keywords_en: list
    journal_title: str
    journal_title_en: str
    issn: str
    eissn: str
    cn_number: str
    publisher: str
    publisher_en: str
    year: int | None
    volume: int | None
    issue: int | None
    issue_id: int | None
    journal_id: int | None
    date: object
    pages: str
    first_page: str
    last_page: str
    doi: str
    url: str
    pdf_url: str
    section: str
    section_en: str
    section_id: int | None
    clc_number: str
    document_code: str
    article_number: str
    funding: str
    received: object
    revised: object
    license: str
    references: list = field(default_factory=list)

    @property
    def language_tag(self):
        return "zh-CN" if self.language == "zh" else "en-US"

    @property
    def doi_url(self):
        return f"https://doi.org/{self.doi}" if self.doi else ""


def article_metadata(article, request=None, issue=None, journal=None):
    """Everything known about ``article`` for citing and indexing.

    ``article`` should have its authors prefetched (``ArticlePage.objects.with_listing_data()``
    or ``article.prefetch_authors()``); pass ``issue``/``journal`` (from
    ``journal.models.parents_of``) when mapping many.
    """
    if issue is None or journal is None:
        issue, journal = article.issue_and_journal()
    if issue is not None and article.issue_year is None:
        article.copy_issue_fields(issue)  # a new article's preview: it has not been saved under its issue
    first, last = article.page_range
    url = article.get_full_url(request) or ""
    section = article.section
    authors = [
        Author(
            name=chinese_name(authorship.person.name),
            name_en=authorship.person.name_en,
            affiliation=authorship.person.affiliation,
            affiliation_en=authorship.person.affiliation_en,
            orcid=authorship.person.orcid,
            is_corresponding=authorship.is_corresponding,
            person_id=authorship.person_id,
        )
        for authorship in article.ordered_authorships()
    ]
    return ArticleMetadata(
        id=article.pk,
        title=article.title,
        title_en=article.title_en,
        language=article.language,
        authors=authors,
        abstract=article.abstract,
        abstract_en=article.abstract_en,
        keywords=article.keyword_list,
        keywords_en=article.keyword_list_en,
        journal_title=journal.title if journal else "",
        journal_title_en=journal.title_en if journal else "",
        issn=journal.issn if journal else "",
        eissn=journal.eissn if journal else "",
        cn_number=journal.cn_number if journal else "",
        publisher=journal.publisher if journal else "",
        publisher_en=journal.publisher_en if journal else "",
        year=article.year,
        volume=issue.volume if issue else None,
        issue=issue.number if issue else None,
        issue_id=issue.pk if issue else None,
        journal_id=journal.pk if journal else None,
        date=article.date,
        pages=article.pages,
        first_page=first,
        last_page=last,
        doi=article.doi,
        url=url,
        pdf_url=(url.rstrip("/") + "/pdf/") if article.pdf_id and url else "",
        section=section.name if section else "",
        section_en=section.name_en if section else "",
        section_id=section.pk if section else None,
        clc_number=article.clc_number,
        document_code=article.document_code,
        article_number=article.article_number,
        funding=article.funding,
        received=article.received_date,
        revised=article.revised_date,
        license=article.license,
        references=article.reference_items(),
    )


def highwire_tags(meta):
    """Google Scholar's ``citation_*`` tags, in the order its guidelines show."""
    tags = [("citation_title", meta.title)]
    for author in meta.authors:
        tags.append(("citation_author", author.inverted))
        if author.affiliation:
            tags.append(("citation_author_institution", author.affiliation))
        if author.orcid:
            tags.append(("citation_author_orcid", author.orcid_url))
    if meta.date:
        tags.append(("citation_publication_date", meta.date.strftime("%Y/%m/%d")))
    elif meta.year:
        tags.append(("citation_publication_date", str(meta.year)))
    tags += [
        ("citation_journal_title", meta.journal_title),
        ("citation_issn", meta.issn),
        ("citation_issn", meta.eissn),
        ("citation_publisher", meta.publisher),
        ("citation_volume", meta.volume),
        ("citation_issue", meta.issue),
        ("citation_firstpage", meta.first_page),
        ("citation_lastpage", meta.last_page),
        ("citation_doi", meta.doi),
        ("citation_abstract_html_url", meta.url),
        ("citation_pdf_url", meta.pdf_url),
        ("citation_keywords", "; ".join(meta.keywords)),
        ("citation_language", meta.language),
    ]
    tags += [("citation_reference", citation_reference(work)) for work in cited_works(meta.references)]
    return [(name, str(value)) for name, value in tags if value not in ("", None)]


def citation_reference(work):
    """One cited work as Google Scholar reads a ``citation_reference`` tag: ``key=value`` pairs
    joined by “; ” (so a value keeps no semicolon of its own)."""
    pairs = [("citation_title", work.part_title or work.title)]
    pairs += [("citation_author", name.literal or f"{name.family}, {name.given}".strip(", ")) for name in work.names]
    source_key = "citation_journal_title" if work.publication_type == "journal" else "citation_inbook_title"
    if work.part_title:
        pairs.append((source_key, work.source))
    pairs += [
        ("citation_publisher", work.publisher),
        ("citation_publication_date", work.year),
        ("citation_volume", work.volume),
        ("citation_issue", work.issue),
        ("citation_firstpage", work.first_page),
        ("citation_lastpage", work.last_page),
        ("citation_doi", work.doi),
        ("citation_public_url", work.url),
    ]
    return "; ".join(f"{key}={value.replace(';', ',')}" for key, value in pairs if value)


def dublin_core_tags(meta):
    tags = [("DC.title", meta.title), ("DC.title.Alternative", meta.title_en)]
    tags += [("DC.creator.PersonalName", author.inverted) for author in meta.authors]
    tags += [
        ("DC.date.issued", meta.date.isoformat() if meta.date else meta.year),
        ("DC.description", meta.abstract),
        ("DC.format", "text/html"),
        ("DC.identifier", f"https://doi.org/{meta.doi}" if meta.doi else meta.url),
        ("DC.identifier.DOI", meta.doi),
        ("DC.identifier.URI", meta.url),
        ("DC.identifier.pageNumber", meta.pages),
        ("DC.language", meta.language),
        ("DC.publisher", meta.publisher),
        ("DC.rights", meta.license),
        ("DC.source", meta.journal_title),
        ("DC.source.ISSN", meta.issn),
        ("DC.source.Volume", meta.volume),
        ("DC.source.Issue", meta.issue),
        ("DC.source.URI", meta.url),
    ]
    tags += [("DC.subject", word) for word in meta.keywords]
    tags += [("DC.type", "Text"), ("DC.type.articleType", meta.section)]
    return [(name, str(value)) for name, value in tags if value not in ("", None)]


def meta_tags(meta):
    """The ``<meta>`` elements for an article's ``<head>``."""
    lines = [
        f'<meta name="{escape(name)}" content="{escape(content)}">'
        for name, content in highwire_tags(meta) + dublin_core_tags(meta)
    ]
    return mark_safe("\n    ".join(lines))


def json_ld_data(meta):
    periodical = {"@type": "Periodical", "name": meta.journal_title}
    if meta.journal_title_en:
        periodical["alternateName"] = meta.journal_title_en
    issns = [issn for issn in (meta.issn, meta.eissn) if issn]
    if issns:
        periodical["issn"] = issns
    part_of = periodical
    if meta.volume:
        part_of = {"@type": "PublicationVolume", "volumeNumber": str(meta.volume), "isPartOf": part_of}
    if meta.issue:
        part_of = {"@type": "PublicationIssue", "issueNumber": str(meta.issue), "isPartOf": part_of}
    authors = []
    for author in meta.authors:
        person = {"@type": "Person", "name": author.name}
        if author.name_en:
            person["alternateName"] = author.name_en
        if author.affiliation:
            person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
        if author.orcid:
            person["identifier"] = author.orcid_url
        authors.append(person)
    data = {
        "@context": CONTEXT,
        "@type": "ScholarlyArticle",
        "@id": meta.doi_url or meta.url,
        "headline": meta.title,
        "name": meta.title,
        "alternativeHeadline": meta.title_en,
        "author": authors,
        "datePublished": meta.date.isoformat() if meta.date else (str(meta.year) if meta.year else None),
        "isPartOf": part_of,
        "pageStart": meta.first_page,
        "pageEnd": meta.last_page,
        "pagination": meta.pages,
        "keywords": meta.keywords + meta.keywords_en,
        "inLanguage": language_tag(meta.language),
        "abstract": meta.abstract,
        "url": meta.url,
        "sameAs": meta.doi_url,
        "license": license_url(meta.license),
        "publisher": {"@type": "Organization", "name": meta.publisher} if meta.publisher else None,
        "articleSection": meta.section,
    }
    if meta.pdf_url:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": meta.pdf_url, "encodingFormat": "application/pdf"}
    return compact(data)
