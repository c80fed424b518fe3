"""Names in GB/T 7714—2025 entries.

Chinese (and any other literal) names are written as given: 杨洪升, 《环球科学》杂志社, ISO.
Western names are the family name and the initials of the given names without full stops,
suffix last: ``Peebles P Z Jr``. More than three names: the first three, then “，等” in a
Chinese, Japanese or Korean entry and “，et al.” in any other.
"""

import re

MAX_NAMES = 3
SEPARATOR = "，"

_GIVEN_PART = re.compile(r"[\s.]+")


def initials(given):
    """``"Stewart D."`` → ``"S D"``; ``"Jean-Paul"`` → ``"J P"``."""
    parts = [part for part in _GIVEN_PART.split(given.replace("-", " ")) if part]
    return " ".join(part[0].upper() for part in parts)


def format_name(name):
    if name.get("literal"):
        return name["literal"].strip()
    family = " ".join(part for part in (name.get("non-dropping-particle", ""), name.get("family", "")) if part)
    pieces = [family.strip(), initials(name.get("given", ""))]
    if name.get("suffix"):
        pieces.append(name["suffix"].rstrip("."))
    return " ".join(piece for piece in pieces if piece)


def format_names(names, cjk, truncated=False):
    """The names joined by “，”, cut to three and “等”/“et al.” after; ``truncated``: the list
    is already known to go on (a parsed entry that ended in 等)."""
    shown = [format_name(name) for name in names[:MAX_NAMES]]
    if len(names) > MAX_NAMES or (truncated and shown):
        shown.append("等" if cjk else "et al.")
    return SEPARATOR.join(shown)
