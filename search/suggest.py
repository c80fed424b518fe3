"""Suggestions as you type: page titles matching the start of a word, its pinyin or pinyin initials
(`sqjy` → 社区教育)."""

from django.core.cache import cache
from pypinyin import lazy_pinyin
from wagtail.models import Page

from search.analysis import domain_words, normalise
from search.documents import public_pages

MAX_TITLES = 5000
CACHE_SECONDS = 300


def pinyin_keys(title):
    """Full pinyin and initials of a title, lower case without spaces."""
    syllables = lazy_pinyin(title, errors="ignore")
    return "".join(syllables).lower(), "".join(s[0] for s in syllables if s).lower()


def candidates(locale):
    """(title, full pinyin, initials) of public page titles and domain words, cached per locale."""
    key = f"search-suggest-{locale.pk}"
    rows = cache.get(key)
    if rows is None:
        titles = public_pages(Page.objects.filter(locale=locale)).exclude(depth__lte=1)
        titles = list(titles.order_by("-first_published_at").values_list("title", flat=True)[:MAX_TITLES])
        rows = [(title, *pinyin_keys(title)) for title in dict.fromkeys(titles + domain_words())]
        cache.set(key, rows, CACHE_SECONDS)
    return rows


def suggest(text, locale, limit=8):
    query = normalise(text).strip()
    compact = "".join(query.split())
    if not compact:
        return []
    latin = compact.isascii()
    found = []
    for title, full, initials in candidates(locale):
        normal_title = normalise(title)
        if query in normal_title or (latin and (full.startswith(compact) or initials.startswith(compact))):
            found.append(title)
            if len(found) >= limit:
                break
    return found
