"""JATS front matter (journal-meta and article-meta) for an article: OAI-PMH and download."""

from lxml import etree

from .cited_works import cited_works
from .metadata import Author

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XLINK_NS = "http://www.w3.org/1999/xlink"
XLINK_HREF = f"{{{XLINK_NS}}}href"


def _sub(parent, tag, text=None, **attributes):
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): str(v) for k, v in attributes.items()})
    if text not in (None, ""):
        element.text = str(text)
    return element


def _name(parent, author: Author):
    alternatives = _sub(parent, "name-alternatives")
    family, given = author.family_given()
    style = "eastern" if author.is_chinese else "western"
    name = _sub(alternatives, "name", name_style=style)
    name.set(XML_LANG, "zh" if author.is_chinese else "en")
    _sub(name, "surname", family)
    if given:
        _sub(name, "given-names", given)
    if author.name_en and author.is_chinese:
        family_en, given_en = author.family_given_en()
        english = _sub(alternatives, "name", name_style="western")
        english.set(XML_LANG, "en")
        _sub(english, "surname", family_en)
        if given_en:
            _sub(english, "given-names", given_en)


def _date(parent, tag, value, **attributes):
    if value is None:
        return
    element = _sub(parent, tag, iso_8601_date=value.isoformat(), **attributes)
    _sub(element, "day", f"{value.day:02d}")
    _sub(element, "month", f"{value.month:02d}")
    _sub(element, "year", value.year)


def _person_group(parent, names):
    if not names:
        return
    group = _sub(parent, "person-group", person_group_type="author")
    for name in names:
        if name.literal:
            _sub(group, "string-name", name.literal)
            continue
        element = _sub(group, "name")
        _sub(element, "surname", name.family)
        if name.given:
            _sub(element, "given-names", name.given)


def _ref_list(article, references):
    """``<back><ref-list>``: each reference as structured data and as the article prints it."""
    works = cited_works(references)
    if not works:
        return
    ref_list = _sub(_sub(article, "back"), "ref-list")
    for work in works:
        ref = _sub(ref_list, "ref", id=work.key)
        citation = _sub(ref, "element-citation", publication_type=work.publication_type)
        _person_group(citation, work.names)
        if work.part_title:
            _sub(citation, "article-title" if work.publication_type in ("journal", "newspaper") else "chapter-title",
                 work.part_title)  # fmt: skip
        _sub(citation, "source", work.source)
        for tag, value in (
            ("edition", work.edition),
            ("publisher-loc", work.place),
            ("publisher-name", work.publisher),
        ):
            if value:
                _sub(citation, tag, value)
        for tag, value in (("year", work.year), ("volume", work.volume), ("issue", work.issue),
                           ("fpage", work.first_page), ("lpage", work.last_page)):  # fmt: skip
            if value:
                _sub(citation, tag, value)
        if work.doi:
            _sub(citation, "pub-id", work.doi, pub_id_type="doi")
        if work.url:
            link = _sub(citation, "ext-link", work.url, ext_link_type="uri")
            link.set(XLINK_HREF, work.url)
        _sub(ref, "mixed-citation", work.text, publication_type=work.publication_type)


def front_element(meta):
    """``<article>`` holding ``<front>`` and, when it cites anything, ``<back>`` with its references."""
    article = etree.Element(
        "article", {"article-type": "research-article", "dtd-version": "1.3"}, nsmap={"xlink": XLINK_NS}
    )
    article.set(XML_LANG, meta.language)
    front = _sub(article, "front")

    journal_meta = _sub(front, "journal-meta")
    title_group = _sub(journal_meta, "journal-title-group")
    _sub(title_group, "journal-title", meta.journal_title)
    if meta.journal_title_en:
        trans = _sub(title_group, "trans-title-group")
        trans.set(XML_LANG, "en")
        _sub(trans, "trans-title", meta.journal_title_en)
    if meta.issn:
        _sub(journal_meta, "issn", meta.issn, pub_type="ppub")
    if meta.eissn:
        _sub(journal_meta, "issn", meta.eissn, pub_type="epub")
    if meta.publisher:
        _sub(_sub(journal_meta, "publisher"), "publisher-name", meta.publisher)

    article_meta = _sub(front, "article-meta")
    if meta.doi:
        _sub(article_meta, "article-id", meta.doi, pub_id_type="doi")
    if meta.article_number:
        _sub(article_meta, "article-id", meta.article_number, pub_id_type="publisher-id")
    if meta.section:
        subjects = _sub(_sub(article_meta, "article-categories"), "subj-group", subj_group_type="heading")
        _sub(subjects, "subject", meta.section)
    titles = _sub(article_meta, "title-group")
    _sub(titles, "article-title", meta.title)
    if meta.title_en:
        trans = _sub(titles, "trans-title-group")
        trans.set(XML_LANG, "en")
        _sub(trans, "trans-title", meta.title_en)
    if meta.authors:
        contributors = _sub(article_meta, "contrib-group")
        for author in meta.authors:
            contrib = _sub(contributors, "contrib", contrib_type="author")
            if author.is_corresponding:
                contrib.set("corresp", "yes")
            if author.orcid:
                _sub(contrib, "contrib-id", author.orcid_url, contrib_id_type="orcid")
            _name(contrib, author)
            if author.affiliation:
                _sub(contrib, "aff", author.affiliation)
    _date(article_meta, "pub-date", meta.date, publication_format="print", date_type="pub")
    for tag, value in (("volume", meta.volume), ("issue", meta.issue)):
        if value:
            _sub(article_meta, tag, value)
    if meta.first_page:
        _sub(article_meta, "fpage", meta.first_page)
        _sub(article_meta, "lpage", meta.last_page)
    if meta.received or meta.revised:
        history = _sub(article_meta, "history")
        _date(history, "date", meta.received, date_type="received")
        _date(history, "date", meta.revised, date_type="rev-recd")
    if meta.license:
        _sub(_sub(_sub(article_meta, "permissions"), "license"), "license-p", meta.license)
    if meta.url:
        _sub(article_meta, "self-uri", meta.url)
    if meta.abstract:
        _sub(_sub(article_meta, "abstract"), "p", meta.abstract)
    if meta.abstract_en:
        trans = _sub(article_meta, "trans-abstract")
        trans.set(XML_LANG, "en")
        _sub(trans, "p", meta.abstract_en)
    for language, words in ((meta.language, meta.keywords), ("en", meta.keywords_en)):
        if words:
            group = _sub(article_meta, "kwd-group")
            group.set(XML_LANG, language)
            for word in words:
                _sub(group, "kwd", word)
    if meta.funding:
        _sub(_sub(article_meta, "funding-group"), "funding-statement", meta.funding)
    if meta.clc_number:
        _sub(article_meta, "custom-meta-group")
        custom = article_meta[-1]
        for name, value in (("clc", meta.clc_number), ("document-code", meta.document_code)):
            if value:
                item = _sub(custom, "custom-meta")
                _sub(item, "meta-name", name)
                _sub(item, "meta-value", value)
    _ref_list(article, meta.references)
    return article


def article_xml(meta):
    return etree.tostring(front_element(meta), xml_declaration=True, encoding="UTF-8", pretty_print=True)
