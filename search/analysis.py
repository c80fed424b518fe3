"""What a word is, for every search engine: used on indexed text and on queries alike.

Chinese has no spaces, so full-text engines that split on spaces keep a whole run of
characters as one token. Here a text becomes a space-separated list of terms that any
whitespace tokenizer (SQLite FTS5 unicode61, PostgreSQL's `simple` parser, Elasticsearch's
`whitespace`) indexes as they are:

- normalised first: NFKC folds full-width forms, case is folded, traditional characters are
  converted to simplified (OpenCC), so 社區教育 and ＡＢＣ find 社区教育 and abc;
- each run of CJK characters gives its overlapping bigrams in text order, so a query's bigrams
  sit next to each other exactly where its characters do (phrase queries work), then its last
  character alone, so every character starts some term (a one-character query is a prefix);
- words from jieba's search mode (with the domain dictionary in data/user_dict.txt) longer than
  two characters are appended: published IR results find words plus bigrams better than either;
- Latin words are spelt the American way (organisation → organization, centre → center, so a
  reader finds either spelling with the other) and stemmed (Snowball English); the unstemmed
  form is appended when it differs, so prefix queries typed as words still find them.
"""

import logging
import re
import threading
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

USER_DICTIONARY = Path(__file__).resolve().parent / "data" / "user_dict.txt"

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
TOKEN_RE = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>(?:(?![{_CJK}])[^\W_])+)")
CJK_RE = re.compile(rf"[{_CJK}]")
# Long runs of letters or digits are not words anyone searches for; cap them so a pasted
# hash or a 10,000-character query cannot bloat the index or the query.
MAX_WORD_LENGTH = 40

_segmenter_lock = threading.Lock()


@cache
def _segmenter():
    """jieba with the domain dictionary, built once per process (loading takes about a second)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)
    with _segmenter_lock:
        tokenizer = jieba.Tokenizer()
        tokenizer.initialize()
        tokenizer.load_userdict(str(USER_DICTIONARY))
    return tokenizer


@cache
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@cache
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def domain_words():
    """The words of the domain dictionary, for tests and the suggestion list."""
    lines = USER_DICTIONARY.read_text(encoding="utf-8").splitlines()
    return [line.split()[0] for line in lines if line.strip()]


def normalise(text):
    """Full-width to half-width, case folded, traditional to simplified."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if CJK_RE.search(text):
        text = _converter().convert(text)
    return text


# British spellings and their American forms, so both meet in one form before stemming. Each rule
# catches a word with all its inflections (realise, realised, realising), or a word and its
# derived forms would part (precise stays precise: precisely would not follow it).
_ISE_VERB = "(?<=al|an|ar|or|im|ic|it|il|ol|on|gn|at|th|rn|rd|og|er|un|as|rg|em)"
SPELLING_RULES = [
    (re.compile(r"isation(s|al)?$"), r"ization\1"),
    (re.compile(_ISE_VERB + r"is(e|es|ed|ing|er|ers|able)$"), r"iz\1"),
    (re.compile(r"(?<=al)ys(e|es|ed|ing|er|ers)$"), r"yz\1"),
    (re.compile(r"(?<=..[bgiklmnv])our(s|ed|ing|ite|ites|able|al|ful|less)?$"), r"or\1"),
    (re.compile(r"(?<=..[tb])re(s|d)?$"), r"er\1"),
    (re.compile(r"logue(s?)$"), r"log\1"),
    (re.compile(r"logu(ed|ing)$"), r"log\1"),
]
SPELLING_WORDS = {
    "defence": "defense",
    "defences": "defenses",
    "licence": "license",
    "licences": "licenses",
    "offence": "offense",
    "offences": "offenses",
    "judgement": "judgment",
    "judgements": "judgments",
    "practise": "practice",
    "practised": "practiced",
    "practises": "practices",
    "practising": "practicing",
    "programme": "program",
    "programmes": "programs",
}


@lru_cache(maxsize=50_000)
def american_spelling(word):
    """The American spelling of a (case-folded) British word; other words as they are."""
    if word in SPELLING_WORDS:
        return SPELLING_WORDS[word]
    for rule, replacement in SPELLING_RULES:
        if rule.search(word):
            return rule.sub(replacement, word)
    return word


@lru_cache(maxsize=50_000)
def stem(word):
    # English vocabulary is small and skewed: most words repeat, and stemming is pure Python.
    return _stemmer().stemWord(word)


def bigrams(run):
    return [run[i : i + 2] for i in range(len(run) - 1)]


def words(run):
    """jieba's search-mode words of a CJK run that are longer than a bigram."""
    if len(run) < 3:
        return []
    return [word for word in _segmenter().cut_for_search(run, HMM=False) if len(word) > 2]


@dataclass(frozen=True)
class Term:
    text: str
    prefix: bool = False


@dataclass(frozen=True)
class TermGroup:
    """One run of a query: all `required` terms must match; `boosts` rank better when present."""

    required: tuple
    boosts: tuple = ()


def tokens(text):
    """(kind, run) pairs of a normalised text, where kind is "cjk" or "word"."""
    for match in TOKEN_RE.finditer(normalise(text)):
        if match.group("cjk"):
            yield "cjk", match.group("cjk")
        else:
            yield "word", match.group("word")[:MAX_WORD_LENGTH]


def index_terms(text):
    """The terms to index for a text, in order: sequence terms first, extra terms after."""
    sequence, extra = [], []
    for kind, run in tokens(text):
        if kind == "cjk":
            if len(run) == 1:
                sequence.append(run)
                continue
            sequence.extend(bigrams(run))
            extra.append(run[-1])
            extra.extend(words(run))
        else:
            stemmed = stem(american_spelling(run))
            sequence.append(stemmed)
            if stemmed != run:
                extra.append(run)
    return sequence + extra


def analyse_for_index(text):
    """The indexed form of a text: its terms joined by spaces."""
    if not text:
        return ""
    return " ".join(index_terms(text))


def query_groups(text, prefix_last=False):
    """The term groups of a query string: a document must match every group (or any, for OR).

    A CJK run needs all its bigrams (so it matches wherever its characters stand together,
    whatever words jieba found around them); its longer words only boost the rank. A single
    character is a prefix of the terms that start with it. With `prefix_last` (autocomplete)
    the last Latin word matches as a prefix of the unstemmed word.
    """
    runs = list(tokens(text))
    groups = []
    for position, (kind, run) in enumerate(runs):
        is_last = position == len(runs) - 1
        if kind == "cjk":
            if len(run) == 1:
                groups.append(TermGroup(required=(Term(run, prefix=True),)))
            else:
                required = tuple(Term(bigram) for bigram in dict.fromkeys(bigrams(run)))
                boosts = tuple(Term(word) for word in dict.fromkeys(words(run)))
                groups.append(TermGroup(required=required, boosts=boosts))
        elif prefix_last and is_last:
            groups.append(TermGroup(required=(Term(run, prefix=True),)))
        else:
            groups.append(TermGroup(required=(Term(stem(american_spelling(run))),)))
    return groups


def phrase_terms(text):
    """The sequence terms of a phrase: adjacent in the index exactly where they are adjacent in text."""
    sequence = []
    for kind, run in tokens(text):
        if kind == "cjk":
            sequence.extend(bigrams(run) if len(run) > 1 else [run])
        else:
            sequence.append(stem(american_spelling(run)))
    return sequence


def highlight_terms(text):
    """The normalised runs of a query, for marking matches in snippets."""
    return [run for _kind, run in tokens(text)]
