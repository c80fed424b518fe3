"""GB/T 7714—2025 reference lists: format CSL-JSON items, parse pasted lists back.

The API the site, the ``format_references`` command and (later) article reference lists use:

* ``format_reference(item, style="gb-t-7714-2025", system="numeric")`` → one entry, without ``[n]``;
* ``format_references(items, style=…, system=…)`` → the entries in input order (author-year:
  one author's works of the same year get 2020a, 2020b);
* ``bibliography_order(items)`` → the items in the author-year list's order (by language:
  Chinese, Japanese, Western…; then by author, in pinyin for Chinese names; then by year);
* ``parse_reference_list(text)`` → ``ParseResult(items, errors)``: CSL-JSON items and, for each
  line that could not be read, a ``ParseError(line, text, reason)``.

Items are CSL-JSON ``dict``s; the ``custom`` object may carry ``names-truncated`` (a list of
roles, e.g. ``["author"]``) for a parsed entry whose names ended in 等 / et al.
"""

from .gbt7714 import AUTHOR_YEAR, NUMERIC, SYSTEMS
from .lists import STYLES, bibliography_order, format_reference, format_references
from .parse import ParseError, ParseResult, parse_reference, parse_reference_list

__all__ = [
    "AUTHOR_YEAR",
    "NUMERIC",
    "STYLES",
    "SYSTEMS",
    "ParseError",
    "ParseResult",
    "bibliography_order",
    "format_reference",
    "format_references",
    "parse_reference",
    "parse_reference_list",
]
