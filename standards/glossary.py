"""Terms in running text: link each use to its definition (shown on hover) and list back-links."""

import re

from django.utils.html import escape, linebreaks
from django.utils.safestring import mark_safe

_TAG = re.compile(r"(<[^>]+>)")


def _pattern(terms):
    names = sorted({term.title for term in terms if term.title}, key=len, reverse=True)
    return re.compile("|".join(re.escape(name) for name in names)) if names else None


def _link(html, pattern, by_name, used):
    """Wrap the first use of each term in ``html`` (text outside tags and links only)."""
    parts, inside_link = [], False
    for part in _TAG.split(html):
        if part.startswith("<"):
            lowered = part.lower()
            if lowered.startswith("<a"):
                inside_link = True
            elif lowered.startswith("</a"):
                inside_link = False
            parts.append(part)
            continue
        if inside_link:
            parts.append(part)
            continue

        def replace(match):
            term = by_name[match.group(0)]
            if term.id in used:
                return match.group(0)
            used.add(term.id)
            return (
                f'<a class="term" href="#{term.anchor}" title="{escape(term.definition)}">'
                f'<dfn class="term__use">{match.group(0)}</dfn></a>'
            )

        parts.append(pattern.sub(replace, part))
    return "".join(parts)


def item_html(item):
    if item.kind == "paragraph":
        return str(item.value)
    if item.kind == "table":
        return ""
    return linebreaks(escape(item.value["text"]))


def annotate(document):
    """Give each item ``html`` with terms linked, and each term ``used_in``: the clauses using it."""
    terms = document.terms
    pattern = _pattern(terms)
    by_name = {term.title: term for term in terms}
    for term in terms:
        term.used_in = []
    for clause in document.clauses:
        used = set()
        for item in clause.items:
            html = item_html(item)
            if pattern is not None and clause.kind not in ("term", "terms"):
                html = _link(html, pattern, by_name, used)
            item.html = mark_safe(html)  # noqa: S308 - built from escaped text and editor rich text
        for term_id in used:
            term = next(term for term in terms if term.id == term_id)
            term.used_in.append(clause)
    return document
