"""A CSL-JSON item read once into the facts a GB/T 7714 entry needs.

Reference managers (Zotero above all) keep the variables their own forms lack in ``note`` as
``key: value`` lines (``page: 35``, ``type: periodical``, ``CSTR: 32012.…``); citeproc-js reads
them, so this does too: a line fills a variable the item lacks, and ``type:`` overrides the type.
``tex.*`` lines are BibTeX leftovers and are ignored.
"""

import re
from dataclasses import dataclass, field

# The “document type codes” of GB/T 7714—2025, chosen from the CSL type.
TYPE_CODES = {
    "article-journal": "J",
    "article-magazine": "J",
    "periodical": "J",
    "article-newspaper": "N",
    "book": "M",
    "chapter": "M",
    "entry-dictionary": "M",
    "entry-encyclopedia": "M",
    "paper-conference": "C",
    "thesis": "D",
    "report": "R",
    "standard": "S",
    "patent": "P",
    "article": "PP",
    "dataset": "DS",
    "map": "CM",
    "webpage": "EB",
    "post": "EB",
    "post-weblog": "EB",
    "software": "EB",
    "graphic": "EB",
}
# Parts of a larger work: written “[M]//container”.
CONTRIBUTION_TYPES = {"chapter", "entry-dictionary", "entry-encyclopedia", "paper-conference"}
# Online resources whose entry gives “publisher（date）[accessed]”.
ACCESSED_CODES = {"EB", "PP", "DS", "DB"}
# Items found in an archive by their call number are archival documents [A].
ARCHIVE_TYPES = {"manuscript", "personal_communication", "pamphlet", "letter", "interview", "document"}
CJK_LANGUAGES = {"zh", "ja", "ko"}

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_NOTE_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z_-]*)\s*:\s*(.+?)\s*$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")
_TAG = re.compile(r"<[^>]+>")
_NOTE_VARIABLES = {
    "page",
    "version",
    "type",
    "language",
    "issued",
    "accessed",
    "dimensions",
    "archive-place",
    "archive_location",
    "publisher-place",
    "scale",
    "jurisdiction",
    "CSTR",
}


def has_cjk(text):
    return bool(_CJK.search(text or ""))


def plain(text):
    """Text without the HTML that CSL-JSON allows (``<span class="nocase">`` and the like)."""
    return _TAG.sub("", str(text or "")).strip()


def with_note_variables(item):
    """The item with its ``note`` ``key: value`` lines applied (see the module docstring)."""
    item = dict(item)
    for line in str(item.get("note") or "").splitlines():
        match = _NOTE_LINE.match(line)
        if not match or match.group(1) not in _NOTE_VARIABLES:
            continue
        key, value = match.groups()
        if key == "type":
            item["type"] = value
        elif key in ("issued", "accessed"):
            date = _ISO_DATE.match(value)
            if date and key not in item:
                item[key] = {"date-parts": [[int(part) for part in date.groups() if part]]}
        elif key not in item:
            item[key] = value
    return item


@dataclass(frozen=True)
class Date:
    parts: tuple
    circa: bool = False

    @classmethod
    def from_csl(cls, value):
        if not value:
            return None
        parts = (value.get("date-parts") or [[]])[0]
        parts = tuple(int(part) for part in parts if str(part).strip())
        if not parts:
            return None
        return cls(parts, bool(value.get("circa")))

    @property
    def year(self):
        text = str(self.parts[0])
        return f"[{text}]" if self.circa else text

    @property
    def full(self):
        """``2008-01-16``, ``2022-12`` or ``2013``, as precise as the item is."""
        text = "-".join([str(self.parts[0])] + [f"{part:02d}" for part in self.parts[1:]])
        return f"[{text}]" if self.circa else text

    @property
    def month_day(self):
        return "-".join(f"{part:02d}" for part in self.parts[1:])


@dataclass
class Reference:
    """What a GB/T 7714 entry is made of, read from one CSL-JSON item."""

    csl_type: str
    code: str
    online: bool
    cjk: bool
    title: str
    authors: list
    editors: list
    translators: list
    container_authors: list
    container_title: str = ""
    edition: str = ""
    place: str = ""
    publisher: str = ""
    issued: Date | None = None
    accessed: Date | None = None
    volume: str = ""
    issue: str = ""
    page: str = ""
    number: str = ""
    url: str = ""
    doi: str = ""
    cstr: str = ""
    version: str = ""
    scale: str = ""
    dimensions: str = ""
    truncated: set = field(default_factory=set)

    @property
    def contribution(self):
        return self.csl_type in CONTRIBUTION_TYPES and bool(self.container_title)

    @property
    def shows_accessed(self):
        return self.code in ACCESSED_CODES


def _text(item, *keys):
    for key in keys:
        if item.get(key) not in (None, ""):
            return plain(item[key])
    return ""


def _language_is_cjk(item):
    language = str(item.get("language") or "").strip().lower()
    if language:
        return language.split("-")[0] in CJK_LANGUAGES
    return has_cjk(item.get("title")) or any(has_cjk(name.get("literal")) for name in item.get("author") or [])


def _code(item):
    csl_type = item.get("type", "")
    if item.get("archive_location") and (csl_type in ARCHIVE_TYPES or csl_type not in TYPE_CODES):
        return "A"
    return TYPE_CODES.get(csl_type, "Z")


def read(item):
    """The :class:`Reference` of a CSL-JSON item (a ``dict``)."""
    item = with_note_variables(item)
    code = _code(item)
    csl_type = item.get("type", "")
    contribution = csl_type in CONTRIBUTION_TYPES
    url, doi = _text(item, "URL"), _text(item, "DOI")
    if code == "A":
        place, publisher = _text(item, "archive-place", "archive_place"), _text(item, "archive")
        number = _text(item, "archive_location")
    else:
        place, publisher = _text(item, "publisher-place", "event-place"), _text(item, "publisher")
        number = _text(item, "call-number", "number") if code == "P" else _text(item, "number")
    custom = item.get("custom") or {}
    return Reference(
        csl_type=csl_type,
        code=code,
        online=bool(url or doi),
        cjk=_language_is_cjk(item),
        title=_text(item, "title"),
        authors=list(item.get("author") or []),
        editors=list(item.get("editor") or []),
        translators=list(item.get("translator") or []),
        container_authors=list(item.get("container-author") or (item.get("editor") if contribution else []) or []),
        container_title=_text(item, "container-title", *(["event-title"] if contribution else [])),
        edition=_text(item, "edition"),
        place=place,
        publisher=publisher,
        issued=Date.from_csl(item.get("issued")),
        accessed=Date.from_csl(item.get("accessed")),
        volume=_text(item, "volume"),
        issue=_text(item, "issue"),
        page=_text(item, "page").replace("–", "-").replace("—", "-"),
        number=number,
        url=url,
        doi=doi,
        cstr=_text(item, "CSTR"),
        version=_text(item, "version"),
        scale=_text(item, "scale"),
        dimensions=_text(item, "dimensions"),
        truncated=set(custom.get("names-truncated") or []),
    )


_NAME_ROLES = ("author", "editor", "translator", "container-author")
_DATES = ("issued", "accessed")


def problems(item):
    """What keeps a CSL-JSON item from being formatted, in words; empty when nothing does."""
    if not isinstance(item, dict):
        return [f"expected a CSL-JSON object, got {type(item).__name__}"]
    found = []
    if not isinstance(item.get("type"), str) or not item["type"]:
        found.append("no “type”")
    if not isinstance(item.get("title"), str) or not item["title"].strip():
        found.append("no “title”")
    for role in _NAME_ROLES:
        names = item.get(role, [])
        if not isinstance(names, list) or not all(isinstance(name, dict) for name in names):
            found.append(f"“{role}” must be a list of name objects")
    for key in _DATES:
        date = item.get(key)
        if date is None:
            continue
        parts = date.get("date-parts") if isinstance(date, dict) else None
        if not (isinstance(parts, list) and parts and isinstance(parts[0], list)):
            found.append(f'“{key}” must be {{"date-parts": [[year, month, day]]}}')
        elif not all(str(part).strip().lstrip("-").isdigit() for part in parts[0]):
            found.append(f"“{key}” has a date part that is not a number: {parts[0]}")
    return found
