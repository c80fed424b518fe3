"""The works an article cites, as the machine exports want them (JATS ``ref-list``, Crossref
``citation_list``, Highwire ``citation_reference``): one reading of each CSL-JSON reference."""

import re
from dataclasses import dataclass

from .reference_display import reference_style
from .references import format_references
from .references.item import read

# JATS ``publication-type`` for each GB/T 7714 document type code.
PUBLICATION_TYPES = {
    "J": "journal",
    "M": "book",
    "C": "confproc",
    "D": "thesis",
    "R": "report",
    "S": "standard",
    "P": "patent",
    "N": "newspaper",
    "EB": "webpage",
    "PP": "preprint",
    "DS": "data",
    "CM": "map",
    "A": "archival",
}
_PAGES = re.compile(r"^\s*([A-Za-z]?\d+)\s*(?:[-–—~～]\s*([A-Za-z]?\d+))?")


@dataclass(frozen=True)
class CitedName:
    family: str
    given: str = ""
    literal: str = ""


@dataclass(frozen=True)
class CitedWork:
    key: str
    publication_type: str
    names: tuple
    title: str
    part_title: str  # the article's or chapter's title when the work is part of a whole
    source: str  # the journal, book or proceedings (for a whole book: its own title)
    year: str
    volume: str
    issue: str
    first_page: str
    last_page: str
    publisher: str
    place: str
    edition: str
    number: str
    doi: str
    url: str
    text: str  # the entry as the article shows it


def _names(names):
    return tuple(
        CitedName(family=str(name.get("family", "")), given=str(name.get("given", "")), literal=str(name["literal"]))
        if name.get("literal")
        else CitedName(family=str(name.get("family", "")), given=str(name.get("given", "")))
        for name in names
    )


def cited_works(items, style=None):
    """A :class:`CitedWork` per CSL-JSON item, keyed ``ref1``, ``ref2``… in order."""
    texts = format_references(items, style=style or reference_style())
    works = []
    for number, (item, text) in enumerate(zip(items, texts, strict=True), start=1):
        ref = read(item)
        part = ref.code == "J" or ref.contribution or ref.code == "N"
        pages = _PAGES.match(ref.page or "")
        works.append(
            CitedWork(
                key=f"ref{number}",
                publication_type=PUBLICATION_TYPES.get(ref.code, "other"),
                names=_names(ref.authors or ref.editors),
                title=ref.title,
                part_title=ref.title if part else "",
                source=ref.container_title if part else ref.title,
                year=str(ref.issued.parts[0]) if ref.issued else "",
                volume=ref.volume,
                issue=ref.issue,
                first_page=pages.group(1) if pages else "",
                last_page=(pages.group(2) or "") if pages else "",
                publisher=ref.publisher,
                place=ref.place,
                edition=ref.edition,
                number=ref.number,
                doi=ref.doi,
                url=ref.url,
                text=text,
            )
        )
    return works
