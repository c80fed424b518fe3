"""An article's reference list on its page: each entry formatted, its URL and DOI as links."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from .references import format_references
from .references.item import has_cjk
from .references.lists import GB_T_7714_2025

_WEB_ADDRESS = re.compile(r"^https?://", re.IGNORECASE)


def reference_style():
    """The style articles show their references in (``JOURNAL_REFERENCE_STYLE``)."""
    return getattr(settings, "JOURNAL_REFERENCE_STYLE", GB_T_7714_2025)


@dataclass(frozen=True)
class DisplayedEntry:
    html: str
    lang: str  # "en" for a Western entry, so that it is read (and hyphenated) as English


def linked_entries(items, style=None):
    """The entries of ``items`` as HTML, in order, with the URL and the DOI made links."""
    entries = format_references(items, style=style or reference_style())
    return [
        DisplayedEntry(html=_linked(entry, item), lang="" if has_cjk(entry) else "en")
        for entry, item in zip(entries, items, strict=True)
    ]


def _linked(entry, item):
    html = str(escape(entry))
    url, doi = str(item.get("URL") or ""), str(item.get("DOI") or "")
    if url and _WEB_ADDRESS.match(url):
        html = html.replace(str(escape(url)), format_html('<a href="{}">{}</a>', url, url), 1)
    if doi:
        # The DOI after its label only: a URL may contain the same characters.
        labelled = re.compile(rf"(DOI[:：]\s?){re.escape(str(escape(doi)))}")
        link = format_html('<a href="https://doi.org/{}">{}</a>', doi, doi)
        html = labelled.sub(lambda match: match.group(1) + link, html, count=1)
    return mark_safe(html)  # built from escaped text and format_html only
