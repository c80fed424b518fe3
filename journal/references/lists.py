"""Whole reference lists: the style registry, author-year order and 2020a/2020b years."""

from collections import defaultdict

from pypinyin import lazy_pinyin

from . import gbt7714
from .item import has_cjk, read
from .names import format_name

GB_T_7714_2025 = "gb-t-7714-2025"
STYLES = {GB_T_7714_2025: gbt7714.format_item}

# GB/T 7714 groups an author-year list by language: Chinese, Japanese, Western, Russian, others.
_LANGUAGE_RANK = {"zh": 0, "ja": 1, "ko": 2, "ru": 4}
_WESTERN = 3
_OTHER = 5


def _formatter(style):
    try:
        return STYLES[style]
    except KeyError:
        raise ValueError(f"unknown style {style!r}: use one of {', '.join(STYLES)}") from None


def _language_rank(item, ref):
    language = str(item.get("language") or "").split("-")[0].lower()
    if not language:
        return 0 if ref.cjk else _WESTERN
    return _LANGUAGE_RANK.get(language, _WESTERN if language.isascii() and language.isalpha() else _OTHER)


def _first_name(ref):
    names = gbt7714.primary_names(ref)
    return format_name(names[0]) if names else ref.title


def _spelled(text):
    """Chinese sorts by its pinyin, as Chinese reference lists are ordered."""
    return (" ".join(lazy_pinyin(text)) if has_cjk(text) else text).casefold()


def _sort_key(item):
    ref = read(item)
    year = ref.issued.parts[0] if ref.issued else 0
    return (_language_rank(item, ref), _spelled(_first_name(ref)), year, _spelled(ref.title))


def bibliography_order(items):
    """The items as an author-year list orders them (language, author, year, title)."""
    return sorted(items, key=_sort_key)


def _year_suffixes(items):
    """``{index: "a"}`` for works of the same first names and year, in list order."""
    groups = defaultdict(list)
    for index, item in enumerate(items):
        ref = read(item)
        names = tuple(format_name(name) for name in gbt7714.primary_names(ref))
        groups[(names or ref.title, ref.issued.parts[0] if ref.issued else None)].append(index)
    suffixes = {}
    for indexes in groups.values():
        if len(indexes) > 1:
            suffixes.update({index: "abcdefghijklmnopqrstuvwxyz"[n % 26] for n, index in enumerate(indexes)})
    return suffixes


def format_reference(item, style=GB_T_7714_2025, system=gbt7714.NUMERIC):
    """One CSL-JSON item as one entry of ``style``, without the ``[n]`` label."""
    return _formatter(style)(item, system=system)


def format_references(items, style=GB_T_7714_2025, system=gbt7714.NUMERIC):
    """The entries of ``items`` in their order; in the author-year system works that share
    names and year are told apart as 2020a, 2020b in the order of the author-year list."""
    formatter = _formatter(style)
    suffixes = {}
    if system == gbt7714.AUTHOR_YEAR:
        order = sorted(range(len(items)), key=lambda index: _sort_key(items[index]))
        in_order = _year_suffixes([items[index] for index in order])
        suffixes = {order[position]: suffix for position, suffix in in_order.items()}
    return [formatter(item, system=system, year_suffix=suffixes.get(index, "")) for index, item in enumerate(items)]
