"""Results that are not pages, from the apps that own them (e.g. learning activities).

An app registers a Wagtail hook `site_search_other_results`: a function taking the reader's query
words (normalised: simplified characters, folded case), the words to exclude and the locale, and
returning `OtherResults` or None. The search page shows each beside the page results, and the
JSON API lists them under "others"; they are few and public by the owner's own rules.
"""

from dataclasses import dataclass, field

from wagtail import hooks

HOOK = "site_search_other_results"


@dataclass
class OtherResults:
    label: str  # what they are, plural: "Learning activities"
    kind: str  # a stable key, e.g. "courses.learningactivity"
    total: int
    items: list = field(default_factory=list)  # dicts: title, url, snippet, date


def other_results(parsed, locale):
    words = parsed.required_words()
    if not words:
        return []
    found = (provider(words, parsed.excluded_words(), locale) for provider in hooks.get_hooks(HOOK))
    return [results for results in found if results is not None and results.total]
