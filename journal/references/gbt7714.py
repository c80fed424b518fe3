"""GB/T 7714—2025 entries for CSL-JSON items, in both systems of the standard.

* ``numeric`` (顺序编码制): ``杨洪升. 四库馆私家抄校书考略[J]. 文献，2013（1）：56-75.``
* ``author-year`` (著者-出版年制): the year follows the names and leaves the publication
  statement, where only an exact date stays (a newspaper's month and day, a patent's date):
  ``杨洪升. 2013. 四库馆私家抄校书考略[J]. 文献，（1）：56-75.``

An entry is a row of sections joined by “. ”: names, title with its document type code, the
type's own statements, then URL, ``DOI:`` and ``CSTR:``. Punctuation inside a section is
full-width (``，：（）``) in Chinese and Western entries alike, as the 2025 edition writes it.
The rules per type follow the standard's examples (tests/journal/fixtures/).
"""

from .item import read
from .names import format_names

NUMERIC = "numeric"
AUTHOR_YEAR = "author-year"
SYSTEMS = (NUMERIC, AUTHOR_YEAR)


def ordinal(number):
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _edition(ref):
    """``2 版`` / ``4th ed``; a first edition is not stated; 刻本, 新版… as they are."""
    if not ref.edition or ref.edition == "1":
        return ""
    if ref.edition.isdigit():
        return f"{ref.edition} 版" if ref.cjk else f"{ordinal(int(ref.edition))} ed"
    return ref.edition


def _volume_of_whole(ref):
    if not ref.volume:
        return ""
    if not ref.volume.isdigit():
        return f"：{ref.volume}"
    return f"：第{ref.volume}卷" if ref.cjk else f"：Vol. {ref.volume}"


def _date(ref, author_year, exact=False):
    """The date in the publication statement; in the author-year system a bare year has
    moved to the front and only an exact date (patents, archives) stays."""
    date = ref.issued
    if not date:
        return ""
    if author_year:
        return date.full if exact and len(date.parts) > 1 else ""
    return date.full if exact else date.year


def _publication(ref, author_year, exact=False):
    """``出版地：出版者，出版年：页码`` with whatever of it the item has."""
    where = "：".join(part for part in (ref.place, ref.publisher) if part)
    text = "，".join(part for part in (where, _date(ref, author_year, exact)) if part)
    if ref.page:
        text = f"{text}：{ref.page}" if text else ref.page
    return text


def _journal(ref, author_year):
    year = "" if author_year or not ref.issued else ref.issued.year
    text = "，".join(part for part in (ref.container_title, year, ref.volume) if part)
    if ref.issue:
        # The issue follows the year or volume; with neither it stands after a comma of its own.
        text += f"{'' if year or ref.volume else '，'}（{ref.issue}）"
    if ref.page:
        text += f"：{ref.page}"
    return text


def _newspaper(ref, author_year):
    date = ""
    if ref.issued:
        date = ref.issued.month_day if author_year else ref.issued.full
    text = "，".join(part for part in (ref.container_title, date) if part)
    return text + (f"（{ref.page}）" if ref.page else "")


def _online(ref, author_year):
    """``V2``, then ``出版者（发布日期）[引用日期]``."""
    version = f"V{ref.version.removeprefix('v').removeprefix('V')}" if ref.version else ""
    published = ""
    if ref.issued and not (author_year and len(ref.issued.parts) == 1):
        published = f"（{ref.issued.full}）"
    accessed = f"[{ref.accessed.full}]" if ref.accessed else ""
    return [version, f"{ref.publisher}{published}{accessed}"]


def _container(ref, author_year):
    """What follows ``//``: the whole work's names, title and volume, its publication."""
    truncated = bool(ref.truncated & {"container-author", "editor"})
    names = format_names(ref.container_authors, ref.cjk, truncated=truncated)
    whole = (f"{names}. " if names else "") + ref.container_title + _volume_of_whole(ref)
    publication = _publication(ref, author_year)
    if not (ref.place or ref.publisher):
        return ["，".join(part for part in (whole, publication) if part)]
    return [whole, _edition(ref), publication]


def _title(ref):
    title = ref.title
    if ref.code == "S" and ref.number:
        title = f"{ref.number}\u2003{title}"  # an em space, as the standard sets it
    elif ref.code in ("R", "P", "A") and ref.number:
        title = f"{title}：{ref.number}"
    elif ref.code == "CM" and ref.scale:
        title = f"{title}. {ref.scale}"
    elif ref.code == "M" and not ref.contribution:
        title += _volume_of_whole(ref)
    return f"{title}[{ref.code}{'/OL' if ref.online else ''}]"


def _title_and_container(ref, author_year):
    """The title block and, for a contribution, ``//`` and its container's first section."""
    text = _title(ref)
    translators = format_names(ref.translators, ref.cjk)
    if translators:
        text += f". {translators}，{'译' if ref.cjk else 'trans'}"
    if not ref.contribution:
        return [text]
    first, *rest = _container(ref, author_year)
    return [f"{text}//{first}", *rest]


def _body(ref, author_year):
    if ref.contribution:
        return []
    if ref.csl_type == "periodical":
        return [ref.volume, _publication(ref, author_year)]
    if ref.code == "J":
        return [_journal(ref, author_year)]
    if ref.code == "N":
        return [_newspaper(ref, author_year)]
    if ref.shows_accessed:
        return _online(ref, author_year)
    if ref.code in ("P", "A"):
        return [_publication(ref, author_year, exact=True)]
    if ref.code == "S":
        return [_publication(ref, author_year)] if ref.publisher else []
    if ref.code == "R":
        # Without a publisher the date is the report's own and is given whole.
        return [_publication(ref, author_year, exact=not ref.publisher)]
    return [_edition(ref), _publication(ref, author_year), ref.dimensions]


def primary_names(ref):
    """Authors; for a whole work without authors, its editors. A standard is cited by number."""
    if ref.code == "S":
        return []
    if ref.authors or ref.contribution:
        return ref.authors
    return ref.editors


def year_label(ref, suffix=""):
    if ref.issued:
        return ref.issued.year + suffix
    return "[出版年不详]" if ref.cjk else "[n.d.]"


def join_sections(sections):
    text = ""
    for section in sections:
        if not section:
            continue
        if text:
            text += " " if text.endswith(".") else ". "
        text += section
    return text if text.endswith(".") else text + "."


def format_item(item, system=NUMERIC, year_suffix=""):
    """One entry, without ``[n]``; ``year_suffix`` (a, b…) tells apart one author's works of
    the same year in the author-year system."""
    if system not in SYSTEMS:
        raise ValueError(f"unknown system {system!r}: use one of {', '.join(SYSTEMS)}")
    ref = read(item)
    author_year = system == AUTHOR_YEAR
    role = "author" if ref.authors or ref.contribution else "editor"
    names = format_names(primary_names(ref), ref.cjk, truncated=role in ref.truncated)
    head = _title_and_container(ref, author_year)
    if author_year:
        year = year_label(ref, year_suffix)
        head = [names, year, *head] if names else [head[0], year, *head[1:]]
    else:
        head = [names, *head]
    trailing = [ref.url, ref.doi and f"DOI:{ref.doi}", ref.cstr and f"CSTR:{ref.cstr}"]
    return join_sections([*head, *_body(ref, author_year), *trailing])
