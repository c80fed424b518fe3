"""Read a pasted GB/T 7714 reference list back into CSL-JSON items.

``parse_reference_list(text)`` takes one entry per line, with or without ``[1]`` / ``1.``
labels, in the 2015 (half-width ``, : ( )``, ``SAITO M``) or 2025 (full-width ``，：（）``)
forms, Chinese or Western, and returns ``ParseResult(items, errors)``: an item per entry it
could read and a ``ParseError(line, text, reason)`` for each it could not. Blank lines are skipped.

An entry is read around its document type code (``[J]``, ``[M/OL]``…): before it the names
and the title, after it what that type's entries carry (``刊名，年，卷（期）：页码``,
``出版地：出版者，出版年：页码``, ``//`` and the whole work…), then URL, ``DOI:``, ``CSTR:``.
A name list that ends in 等 / et al. is kept as the names given plus
``custom["names-truncated"]``, so that formatting the item writes 等 / et al. again.
"""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .item import has_cjk

CODE_TYPES = {
    "J": "article-journal",
    "M": "book",
    "C": "paper-conference",
    "D": "thesis",
    "R": "report",
    "S": "standard",
    "P": "patent",
    "N": "article-newspaper",
    "A": "manuscript",
    "CM": "map",
    "EB": "webpage",
    "PP": "article",
    "DS": "dataset",
    "DB": "dataset",
    "CP": "software",
    "G": "book",
    "K": "book",
    "Z": "document",
}
CONTAINER_TYPES = {"M": "chapter", "C": "paper-conference", "G": "chapter"}
ONLINE_CODES = {"EB", "PP", "DS", "DB", "CP"}

_LABEL = re.compile(r"^\s*(?:[\[［]\d+[\]］]|\d+[.．、])\s*")
_CODE = re.compile(r"\[(CM|DS|PP|EB|DB|CP|J|M|C|D|R|S|P|N|A|G|K|Z)(?:/(OL|MT|DK|CD))?\](?=\.|//|$)")
_DATE = r"\[?\d{4}(?:-\d{1,2}){0,2}\]?"
_STANDARD_NUMBER = r"[A-Z]+(?:/[A-Z]+)?\s?[\d.]+(?:\s?[-—:]\s?\d{4})?"
_NUMBERED_STANDARD = re.compile(rf"^(?P<number>{_STANDARD_NUMBER})[\s\u2003]+(?P<title>.+)$")
_NUMBER_AFTER_TITLE = {
    "S": re.compile(rf"^(?P<title>.+?)[：:]\s?(?P<number>{_STANDARD_NUMBER})$"),
    "other": re.compile(r"^(?P<title>.*\S)[：:]\s?(?P<number>[^\s：:]*\d[^\s：:]*)$"),
}
_SCALE = re.compile(r"^(?P<title>.+)\.\s(?P<scale>1\s?[:∶]\s?[\d,]+)$")
_TRANSLATORS = re.compile(r"^\.\s(?P<names>[^/]+?)[，,]\s?(?:译|trans)(?=//|\.|$)")
_IDENTIFIERS = [
    ("URL", re.compile(r"^(?P<value>(?:https?|ftp)://\S+)$")),
    ("DOI", re.compile(r"^DOI[:：]\s?(?P<value>\S+)$", re.IGNORECASE)),
    ("CSTR", re.compile(r"^CSTR[:：]\s?(?P<value>\S+)$", re.IGNORECASE)),
]
_DIMENSIONS = re.compile(r"^\d+(?:\.\d+)?\s?[cm]?m\s?[×x]\s?\d+(?:\.\d+)?\s?[cm]?m$")
_ACCESSED = re.compile(r"\[(?P<accessed>\d{4}-\d{1,2}-\d{1,2})\]$")
_JOURNAL = re.compile(
    r"^(?P<container>.+?)[，,]\s?(?P<date>\d{4})(?:[，,]\s?(?P<volume>[^（(：:，,]+?))?"
    r"(?:\s?[（(](?P<issue>[^）)]+)[）)])?(?:[：:]\s?(?P<page>.+))?$"
)
_HOLDINGS = re.compile(r"^(?P<volume>\d{4}.*[—-])(?:\.\s(?P<rest>.+))?$")
_NEWSPAPER = re.compile(
    r"^(?P<container>.+?)[，,]\s?(?P<date>\d{4}-\d{1,2}-\d{1,2})(?:\s?[（(](?P<page>[^）)]+)[）)])?$"
)
_PUBLICATION = re.compile(
    rf"^(?:(?P<place>[^：:]+?)[：:]\s?)?(?P<publisher>.+?)[，,]\s?(?P<date>{_DATE})(?:[：:]\s?(?P<page>.+))?$"
)
_DATE_AND_PAGES = re.compile(rf"^(?P<date>{_DATE})(?:[：:]\s?(?P<page>.+))?$")
_ONLINE = re.compile(r"^(?P<publisher>.*?)(?:[（(](?P<date>[\d-]+)[）)])?(?:\[(?P<accessed>[\d-]+)\])?$")
_VERSION = re.compile(r"^V(?P<version>\S+)$")
_EDITION = re.compile(r"^(?:(?P<number>\d+)\s?(?:版|(?:st|nd|rd|th)\s?ed\.?)|(?P<text>.+))$")
_VOLUME_OF_WHOLE = re.compile(r"^(?P<title>.+?)[：:]\s?(?:第(?P<zh>\S+?)卷|Vol\.\s?(?P<en>\S+))$")
_WESTERN_NAME = re.compile(
    r"^(?P<family>[^\d\s,，]+(?:\s[^\d\s,，]{2,})*?)\s(?P<given>[A-Z](?:[.\s-]+[A-Z](?![a-z]))*\.?)"
    r"(?:,?\s+(?P<suffix>Jr|Sr|II|III|IV)\.?)?$"
)
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")
_ET_AL = {"等", "et al.", "et al", "等."}
_KANA = re.compile(r"[\u3040-\u30ff]")


class EntryError(ValueError):
    """An entry that cannot be read; the message says why (in the active language: the admin
    shows it to editors)."""


@dataclass(frozen=True)
class ParseError:
    line: int
    text: str
    reason: str


@dataclass
class ParseResult:
    items: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def parse_date(text):
    circa = text.startswith("[")
    parts = [int(part) for part in text.strip("[]").split("-")]
    return {"date-parts": [parts], **({"circa": True} if circa else {})}


def _name(text):
    text = text.strip()
    match = None if has_cjk(text) else _WESTERN_NAME.match(text)
    if not match:
        return {"literal": text}
    name = {"family": match["family"], "given": " ".join(re.findall(r"[A-Z]", match["given"]))}
    if match["suffix"]:
        name["suffix"] = match["suffix"]
    return name


def parse_names(text):
    """``(names, truncated)`` from ``王小明，李华，等`` or ``SAITO M, MIYAZAKI K, et al``."""
    parts = []
    for part in (part.strip() for part in re.split(r"[，,]\s*", text)):
        if parts and _SUFFIX.match(part):  # “PEEBLES P Z, Jr.”
            parts[-1] = f"{parts[-1]} {part}"
        elif part:
            parts.append(part)
    truncated = bool(parts) and parts[-1] in _ET_AL
    return [_name(part) for part in parts if part not in _ET_AL], truncated


def _looks_like_names(text):
    """Names carry no colon or digit; 《…》 only as part of a body's name (《环球科学》杂志社)."""
    if not text:
        return False
    if re.search(r"[：:\d]", text) or ("《" in text and not re.search(r"《[^》]+》\S", text)):
        return False
    parts = [part.strip() for part in re.split(r"[，,]\s*", text)]
    return all(0 < len(part) <= 40 for part in parts)


def _split_names(head):
    """``(names text, rest)`` where the names end at the first “. ”; no names: ``("", head)``."""
    names, dot, rest = head.partition(". ")
    if dot and rest and _looks_like_names(names):
        return names, rest
    return "", head


def _language(*texts):
    joined = " ".join(texts)
    if _KANA.search(joined):
        return "ja-JP"
    return "zh-CN" if has_cjk(joined) else "en-US"


def _take_identifiers(rest, item):
    """Take URL, DOI and CSTR (and a map's size) off the end of ``rest``."""
    while rest:
        before, _dot, last = rest.rpartition(". ")
        for key, pattern in _IDENTIFIERS:
            match = pattern.match(last)
            if match and key not in item:
                item[key] = match["value"]
                break
        else:
            if _DIMENSIONS.match(last):
                item["dimensions"] = last
            else:
                return rest
        rest = before
    return rest


def _set(item, **values):
    item.update({key: value for key, value in values.items() if value})


def _edition(text):
    match = _EDITION.match(text)
    return match["number"] or match["text"]


def _publication(body, item, what):
    """``[edition. ]place：publisher，date[：pages]`` or ``date[：pages]``."""
    starts = [0] + [match.end() for match in re.finditer(r"\.\s", body)]
    for start in starts:
        match = _PUBLICATION.match(body[start:])
        if match and ". " not in (match["place"] or "") and (match["place"] or ". " not in match["publisher"]):
            break
        match = _DATE_AND_PAGES.match(body[start:])
        if match:
            break
    else:
        raise EntryError(_("could not read “%(text)s” as %(form)s") % {"text": body, "form": what})
    groups = match.groupdict()
    if start:
        _set(item, edition=_edition(body[: start - 2]))
    _set(item, **{"publisher-place": groups.get("place"), "publisher": groups.get("publisher"), "page": match["page"]})
    item["issued"] = parse_date(match["date"])


def _read_journal(body, item):
    holdings = _HOLDINGS.match(body)
    if holdings:
        item["type"] = "periodical"
        item["volume"] = holdings["volume"]
        if holdings["rest"]:
            _publication(holdings["rest"], item, "出版地：出版者，出版年")
        return
    match = _JOURNAL.match(body)
    if not match:
        raise EntryError(
            _("could not read “%(text)s” as %(form)s") % {"text": body, "form": "刊名，年，卷（期）：页码"}
        )
    _set(item, **{"container-title": match["container"], "volume": match["volume"]})
    _set(item, issue=match["issue"], page=match["page"])
    item["issued"] = parse_date(match["date"])


def _read_newspaper(body, item):
    match = _NEWSPAPER.match(body)
    if not match:
        raise EntryError(
            _("could not read “%(text)s” as %(form)s") % {"text": body, "form": "报纸名，出版日期（版次）"}
        )
    _set(item, **{"container-title": match["container"], "page": match["page"]})
    item["issued"] = parse_date(match["date"])


def _read_online(body, item):
    sections = body.split(". ") if body else []
    if sections and _VERSION.match(sections[0]):
        item["version"] = _VERSION.match(sections.pop(0))["version"]
    match = _ONLINE.match(". ".join(sections))
    if not match:
        raise EntryError(
            _("could not read “%(text)s” as %(form)s") % {"text": body, "form": "出版者（发布日期）[引用日期]"}
        )
    _set(item, publisher=match["publisher"].strip())
    if match["date"]:
        item["issued"] = parse_date(match["date"])
    if match["accessed"]:
        item["accessed"] = parse_date(match["accessed"])


def _read_container(body, item):
    """What follows ``//``: the whole work's names, its title (and volume), its publication."""
    names, rest = _split_names(body)
    if names and _PUBLICATION.match(rest) and ". " not in rest:  # “//Proceedings. Berlin：Springer，2003”
        names, rest = "", body
    if names:
        item["editor"], truncated = parse_names(names)
        if truncated:
            item.setdefault("custom", {}).setdefault("names-truncated", []).append("editor")
    title, dot, publication = rest.partition(". ")
    if not dot:  # no publisher: “会议录名，出版年：页码”
        match = re.match(rf"^(?P<title>.+)[，,]\s?(?P<date>{_DATE})(?:[：:]\s?(?P<page>.+))?$", rest)
        if not match:
            raise EntryError(
                _("could not read “%(text)s” as %(form)s") % {"text": rest, "form": "文集名，出版年：页码"}
            )
        title, publication = match["title"], match["date"] + (f"：{match['page']}" if match["page"] else "")
    volume = _VOLUME_OF_WHOLE.match(title)
    if volume:
        title, item["volume"] = volume["title"], volume["zh"] or volume["en"]
    item["container-title"] = title
    _publication(publication, item, "出版地：出版者，出版年：页码")


def _read_head(head, code, item):
    if code == "S":
        match = _NUMBERED_STANDARD.match(head)
        if match:
            _set(item, number=match["number"], title=match["title"])
            return
    names, title = _split_names(head)
    if names:
        item["author"], truncated = parse_names(names)
        if truncated:
            item["custom"] = {"names-truncated": ["author"]}
    scale = _SCALE.match(title) if code == "CM" else None
    if scale:
        title, item["scale"] = scale["title"], scale["scale"]
    if code in ("R", "P", "A", "S"):
        match = _NUMBER_AFTER_TITLE["S" if code == "S" else "other"].match(title)
        if match:
            title = match["title"]
            item["archive_location" if code == "A" else "number"] = match["number"]
    volume = _VOLUME_OF_WHOLE.match(title) if code == "M" else None
    if volume:
        title, item["volume"] = volume["title"], volume["zh"] or volume["en"]
    if not title:
        raise EntryError(_("no title before the document type code"))
    item["title"] = title


def _read_body(body, code, item):
    if code == "J":
        _read_journal(body, item)
    elif code == "N":
        _read_newspaper(body, item)
    elif code in ONLINE_CODES:
        _read_online(body, item)
    elif body:
        _publication(body, item, "出版地：出版者，出版年：页码")
    if code == "A":
        for source, target in (("publisher", "archive"), ("publisher-place", "archive-place")):
            if source in item:
                item[target] = item.pop(source)


def parse_reference(text, item_id="ref"):
    """One entry as a CSL-JSON item; raises :class:`EntryError` with the reason it cannot."""
    text = _LABEL.sub("", text.strip())
    code_match = _CODE.search(text)
    if not code_match:
        raise EntryError(_("no document type code such as [J], [M] or [EB/OL] was found"))
    code, carrier = code_match.groups()
    head, tail = text[: code_match.start()].strip(), text[code_match.end() :].strip()
    item = {"id": item_id, "type": CODE_TYPES[code]}
    _read_head(head, code, item)

    translators = _TRANSLATORS.match(tail)
    if translators:
        item["translator"], _truncated = parse_names(translators["names"])
        tail = tail[translators.end() :]
    contribution = tail.startswith("//")
    tail = tail[2:] if contribution else tail.removeprefix(".").strip()
    body = _take_identifiers(tail.removesuffix("."), item)
    accessed = _ACCESSED.search(body) if code not in ONLINE_CODES else None
    if accessed:
        item["accessed"] = parse_date(accessed["accessed"])
        body = body[: accessed.start()]
    if contribution:
        if code not in CONTAINER_TYPES:
            raise EntryError(
                _("“//” after [%(code)s]: only [M], [C] and [G] entries are parts of a whole work") % {"code": code}
            )
        item["type"] = CONTAINER_TYPES[code]
        _read_container(body, item)
    else:
        _read_body(body, code, item)
    if carrier == "OL" and not (item.get("URL") or item.get("DOI")):
        raise EntryError(_("[%(code)s/OL] entry without a URL or DOI") % {"code": code})
    item["language"] = _language(item.get("title", ""), head)
    return item


def parse_reference_list(text):
    """Every non-blank line of ``text`` read by :func:`parse_reference` (see the module docstring)."""
    result = ParseResult()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            result.items.append(parse_reference(line, item_id=f"ref-{number}"))
        except EntryError as error:
            result.errors.append(ParseError(number, line.strip(), str(error)))
    return result
