"""Snippets with the matched words marked, for Chinese too.

Matching happens on normalised text (simplified, half-width, folded case) so a traditional query
marks simplified text; the marks are put back on the original characters, one for one.
"""

from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.analysis import TOKEN_RE, normalise, stem, tokens

SNIPPET_LENGTH = 120


@lru_cache(maxsize=20_000)
def _normal_char(char):
    normal = normalise(char)
    return normal if len(normal) == 1 else char


def normalised_chars(text):
    return "".join(_normal_char(char) for char in text)


def marks_for(text, query_text):
    """(start, end) spans of `text` that match the query's runs, merged and sorted."""
    haystack = normalised_chars(text)
    runs = set(tokens(query_text))
    spans = []
    # Chinese: wherever the run's characters stand; other words: any form with the same stem.
    for needle in {run for kind, run in runs if kind == "cjk"}:
        start = haystack.find(needle)
        while start != -1:
            spans.append((start, start + len(needle)))
            start = haystack.find(needle, start + len(needle))
    stems = {stem(run) for kind, run in runs if kind == "word"}
    if stems:
        spans += [
            match.span()
            for match in TOKEN_RE.finditer(haystack)
            if match.group("word") and stem(match.group("word")) in stems
        ]
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(text, spans):
    parts, position = [], 0
    for start, end in spans:
        parts.append(escape(text[position:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


def highlight(text, query_text):
    """All of `text`, escaped, with matches in <mark>."""
    return mark(text, marks_for(text, query_text))


def snippet(text, query_text, length=SNIPPET_LENGTH):
    """About `length` characters around the first match (or the start), escaped, matches in <mark>."""
    text = " ".join(text.split())
    spans = marks_for(text, query_text)
    start = max(0, spans[0][0] - length // 4) if spans else 0
    end = min(len(text), start + length)
    window = [(max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start]
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + mark(text[start:end], window) + suffix)
