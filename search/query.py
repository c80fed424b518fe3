"""The researcher query language, parsed into a small query object.

    社区教育 "文化礼堂" -培训 老年 OR 终身 title:长三角 year:2018-2019

Words are required; quoted text is a phrase; `-word` excludes; `A OR B` needs either; `title:value`
has the words in the title; `year:2019` or `year:2018-2019`; and `name:value` (or `name:"two words"`)
for the facets the apps declare as query fields (search/registry.py: `author:`, `section:`,
`keyword:`, `journal:`, `region:`, `category:`), which needs a page having exactly that value, on
every engine. Anything else is read as words, so no input is a syntax error: unknown fields are
reported back to the reader and searched as words.
"""

import re
from dataclasses import dataclass, field

from modelsearch.query import And, Not, Or, Phrase, PlainText

from search import registry
from search.analysis import normalise, query_groups

MAX_QUERY_LENGTH = 200
# Terms beyond this are dropped (and the query marked truncated): SQLite's FTS5 parser overflows
# its stack at about 94 terms, and no reader means that many.
MAX_QUERY_TERMS = 32
TOKEN_RE = re.compile(r'(?P<neg>-)?(?:(?P<field>[A-Za-z]+):)?(?:"(?P<phrase>[^"]*)"?|(?P<word>[^\s"]+))')
YEAR_RE = re.compile(r"^([1-9]\d{3})(?:\s*[-–~]\s*([1-9]\d{3}))?$")


@dataclass
class ParsedQuery:
    words: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    excluded: list = field(default_factory=list)
    alternatives: list = field(default_factory=list)  # lists of Phrase/PlainText values, any one must match
    fields: dict = field(default_factory=dict)  # field name -> list of values
    year_from: int | None = None
    year_to: int | None = None
    ignored: list = field(default_factory=list)  # what the reader typed that was not understood
    truncated: bool = False

    @property
    def is_empty(self):
        return not (self.words or self.phrases or self.alternatives or self.fields or self.year_from)

    @property
    def has_text(self):
        return bool(self.words or self.phrases or self.alternatives)

    def text(self):
        """The words and phrases as plain text (for highlighting and suggestions)."""
        return " ".join(
            self.words + self.phrases + [item.query_string for group in self.alternatives for item in group]
        )

    def required_words(self):
        """The words and phrases every match must hold, normalised (simplified, case folded): for
        matching text by substring, where there is no index (a few rows, a page's parts)."""
        return [normalise(word) for word in self.words + self.phrases if word.strip()]

    def excluded_words(self):
        return [normalise(word) for word in self.excluded if word.strip()]

    def search_query(self):
        """A modelsearch query for the text part, or None when there is no text to search."""
        parts = [PlainText(word) for word in self.words if query_groups(word)]
        parts += [Phrase(phrase) for phrase in self.phrases if query_groups(phrase)]
        for group in self.alternatives:
            options = [item for item in group if query_groups(item.query_string)]
            if options:
                parts.append(Or(options) if len(options) > 1 else options[0])
        if not parts:
            return None
        parts += [Not(PlainText(word)) for word in self.excluded if query_groups(word)]
        return parts[0] if len(parts) == 1 else And(parts)

    def excluded_query(self):
        """A modelsearch query matching any excluded word (for a search of fields alone), or None."""
        parts = [PlainText(word) for word in self.excluded if query_groups(word)]
        return (Or(parts) if len(parts) > 1 else parts[0]) if parts else None


def clean(text):
    """Control characters out, whitespace folded, length capped."""
    text = "".join(" " if (ord(char) < 32 or 0x7F <= ord(char) < 0xA0) else char for char in str(text))
    return " ".join(text.split())


def query_fields():
    """The field names a reader may write as `name:value`."""
    return ("title", *registry.query_field_names(), registry.YEAR)


def parse(text):
    fields = query_fields()
    text = clean(text)
    parsed = ParsedQuery(truncated=len(text) > MAX_QUERY_LENGTH)
    text = text[:MAX_QUERY_LENGTH]
    tokens = list(TOKEN_RE.finditer(text))
    if len(tokens) > MAX_QUERY_TERMS:
        tokens, parsed.truncated = tokens[:MAX_QUERY_TERMS], True
    pending_or = False
    last = None  # "word", "phrase" or "alternative": what an OR joins to
    for match in tokens:
        negated, name, phrase, word = (
            match.group("neg"),
            match.group("field"),
            match.group("phrase"),
            match.group("word"),
        )
        value = phrase if phrase is not None else word or ""
        if word == "OR" and not negated and not name:
            pending_or = last is not None
            continue
        if name:
            _add_field(parsed, fields, name.lower(), value, match.group(0))
            last = "word" if name.lower() not in fields and value else None
            pending_or = False
            continue
        if not value.strip():
            continue
        item = Phrase(value) if phrase is not None else PlainText(value)
        if negated:
            parsed.excluded.append(value)
            last = None
        elif pending_or:
            if last == "alternative":
                previous = parsed.alternatives.pop()
            else:
                previous = [Phrase(parsed.phrases.pop()) if last == "phrase" else PlainText(parsed.words.pop())]
            parsed.alternatives.append(previous + [item])
            last = "alternative"
        elif phrase is not None:
            parsed.phrases.append(value)
            last = "phrase"
        else:
            parsed.words.append(value)
            last = "word"
        pending_or = False
    return parsed


def _add_field(parsed, fields, name, value, typed):
    if name not in fields:
        parsed.ignored.append(f"{name}:")
        if value:
            parsed.words.append(value)
    elif name == registry.YEAR:
        years = YEAR_RE.match(value)
        if not years:
            parsed.ignored.append(typed)
            return
        start, end = int(years.group(1)), int(years.group(2) or years.group(1))
        parsed.year_from, parsed.year_to = min(start, end), max(start, end)
    elif value:
        parsed.fields.setdefault(name, []).append(value)
