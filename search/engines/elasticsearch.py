"""The Elasticsearch 8 engine for the public search, built with `elasticsearch.dsl`.

Used when ELASTICSEARCH_URL is set. Every document carries two forms of its text:

- `title_terms` / `body_terms`: the terms of search/analysis.py (bigrams, jieba words, stems), indexed
  with the `whitespace` analyzer, so Elasticsearch matches exactly what the embedded engine matches;
- `title` / `body`: the raw text under an analyzer of the cluster (`cjk` built in; `smartcn` or IK
  when the plugin is installed, by SEARCH_ELASTICSEARCH_ANALYZER), used for highlighting and as a
  secondary relevance signal.

Beside them, a keyword field for each facet the apps declared (search/registry.py), filled from
the pages' `search_facets()`; the counted ones are also the search's facets. Only public content is
indexed (search/documents.py decides); signals keep it in sync.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from elasticsearch.dsl import (
    Date,
    Document,
    FacetedSearch,
    Integer,
    Keyword,
    Q,
    TermsFacet,
    Text,
    connections,
)
from modelsearch.query import Phrase

from search import registry
from search.analysis import analyse_for_index, phrase_terms, query_groups

# SEARCH_ELASTICSEARCH_ANALYZER → (index-time analyzer, search-time analyzer) for the raw text.
ANALYZERS = {
    "cjk": ("cjk", "cjk"),  # built in: width folding, lowercase, CJK bigrams; works on a stock cluster
    "smartcn": ("smartcn", "smartcn"),  # analysis-smartcn plugin
    "ik": ("ik_max_word", "ik_smart"),  # IK analysis plugin
}
TITLE_BOOST = 10
HIGHLIGHT_TAGS = {"pre_tags": ["<mark>"], "post_tags": ["</mark>"]}


def raw_analyzers(choice=None):
    choice = choice or getattr(settings, "SEARCH_ELASTICSEARCH_ANALYZER", "cjk")
    try:
        return ANALYZERS[choice]
    except KeyError:
        raise ImproperlyConfigured(
            f"SEARCH_ELASTICSEARCH_ANALYZER must be one of {', '.join(ANALYZERS)}, not {choice!r}."
        ) from None


class SearchDocument(Document):
    """One public page: its text in both forms, its type, locale, URL and dates; document_class()
    adds the declared facets' fields."""

    title = Text(analyzer="cjk")
    body = Text(analyzer="cjk")
    title_terms = Text(analyzer="whitespace")
    body_terms = Text(analyzer="whitespace")
    type = Keyword()
    type_label = Keyword(index=False)
    locale = Keyword(multi=True)  # its own and the languages it is also searched in (documents.search_locales)
    url = Keyword(index=False)
    date = Date()
    expire_at = Date()  # a page that expires after indexing drops out at query time
    year = Integer()

    class Index:
        name = "cms-pages"
        settings = {"number_of_shards": 1, "number_of_replicas": 0}

    @classmethod
    def from_fields(cls, page_id, fields):
        """A document from search/documents.py's plain dict, with the analysed forms added."""
        document = cls(meta={"id": page_id}, **fields)
        document.title_terms = analyse_for_index(fields.get("title", ""))
        document.body_terms = analyse_for_index(fields.get("body", ""))
        return document


def document_class(choice=None, index_name=None):
    """SearchDocument bound to the configured index name and raw-text analyzer, with a keyword
    field for each declared facet."""
    index_analyzer, search_analyzer = raw_analyzers(choice)
    name = index_name or getattr(settings, "SEARCH_ELASTICSEARCH_INDEX", "cms-pages")

    class Index:
        pass

    Index.name = name
    Index.settings = SearchDocument.Index.settings
    attributes = {
        **{facet.name: Keyword(multi=facet.many) for facet in registry.facets()},
        "title": Text(analyzer=index_analyzer, search_analyzer=search_analyzer),
        "body": Text(analyzer=index_analyzer, search_analyzer=search_analyzer),
        "Index": Index,
    }
    return type("ConfiguredSearchDocument", (SearchDocument,), attributes)


def term_query(term, fields):
    if term.prefix:
        return Q("bool", should=[Q("prefix", **{field.split("^")[0]: term.text}) for field in fields])
    return Q("multi_match", query=term.text, fields=fields)


def text_query(query_string, operator="and"):
    """The query of a plain text, group by group as in the embedded engine; None if it has no terms."""
    fields = [f"title_terms^{TITLE_BOOST}", "body_terms"]
    clauses = []
    for group in query_groups(query_string):
        required = [term_query(term, fields) for term in group.required]
        boosts = [term_query(term, fields) for term in group.boosts]
        clauses.append(Q("bool", must=required, should=boosts))
    if not clauses:
        return None
    if operator == "or":
        return Q("bool", should=clauses, minimum_should_match=1)
    return Q("bool", must=clauses)


def title_query(query_string):
    """Like text_query, in the title only (`title:…`)."""
    clauses = [
        Q("bool", must=[term_query(term, ["title_terms"]) for term in group.required])
        for group in query_groups(query_string)
    ]
    return Q("bool", must=clauses) if clauses else None


def phrase_query(phrase):
    """The analysed terms of a phrase, next to each other (as the embedded engines match phrases)."""
    terms = phrase_terms(phrase)
    if not terms:
        return None
    return Q("multi_match", query=" ".join(terms), type="phrase", fields=[f"title_terms^{TITLE_BOOST}", "body_terms"])


def parsed_query(parsed):
    """One bool query of the researcher syntax (search/query.py): words and phrases required, OR
    groups needing one option, `-word` excluded, `title:` in titles, the declared facets' query
    fields (`author:`, `region:` …) as exact values of their fields, `year:` as a range. None if empty."""
    must = [text_query(word) for word in parsed.words] + [phrase_query(phrase) for phrase in parsed.phrases]
    for group in parsed.alternatives:
        options = [
            phrase_query(item.query_string) if isinstance(item, Phrase) else text_query(item.query_string)
            for item in group
        ]
        options = [option for option in options if option is not None]
        if options:
            must.append(Q("bool", should=options, minimum_should_match=1))
    must += [title_query(value) for value in parsed.fields.get("title", [])]
    must = [clause for clause in must if clause is not None]
    filters = [
        Q("term", **{name: value}) for name in registry.query_field_names() for value in parsed.fields.get(name, [])
    ]
    if parsed.year_from:
        filters.append(Q("range", year={"gte": parsed.year_from, "lte": parsed.year_to}))
    if not must and not filters:
        return None
    must_not = [clause for clause in (text_query(word) for word in parsed.excluded) if clause is not None]
    return Q("bool", must=must or [Q("match_all")], filter=filters, must_not=must_not)


class ContentSearch(FacetedSearch):
    """Full-text search of public pages with facets, filters and highlighted snippets."""

    fields = [f"title^{TITLE_BOOST}", "body"]

    def __init__(self, query=None, filters=None, sort=(), locale=None, document=None):
        self.facets = {
            registry.TYPE: TermsFacet(field=registry.TYPE, size=30),
            registry.YEAR: TermsFacet(field=registry.YEAR, size=50, order={"_key": "desc"}),
            **{name: TermsFacet(field=name, size=30) for name in registry.counted_names()},
        }
        self.doc_types = [document or document_class()]
        self.index = self.doc_types[0]._index._name
        self.locale = locale
        super().__init__(query, filters or {}, sort)

    def search(self):
        search = super().search()
        if self.locale:
            search = search.filter("term", locale=self.locale)
        # Wagtail unpublishes an expired page only when publish_scheduled runs: check the date here.
        not_expired = Q("bool", must_not=[Q("exists", field="expire_at")]) | Q("range", expire_at={"gt": "now"})
        return search.filter(not_expired)

    def query(self, search, query):
        if query is not None and not isinstance(query, str):  # a ParsedQuery
            built = parsed_query(query)
            if built is None:
                return search.query(Q("match_none"))
            raw_text = query.text()
            raw = [Q("multi_match", query=raw_text, fields=self.fields)] if raw_text else []
            return search.query(Q("bool", must=[built], should=raw))
        built = text_query(query) if query else None
        if built is None:
            return search if not query else search.query(Q("match_none"))
        # The raw fields add their own score and drive the highlighter.
        raw = Q("multi_match", query=query, fields=self.fields)
        return search.query(Q("bool", must=[built], should=[raw]))

    def highlight(self, search):
        return search.highlight_options(**HIGHLIGHT_TAGS).highlight(
            "title", "body", fragment_size=80, number_of_fragments=2, no_match_size=120
        )


def configured():
    return bool(getattr(settings, "ELASTICSEARCH_URL", ""))


def connect():
    """The default elasticsearch.dsl connection, made once from ELASTICSEARCH_URL."""
    try:
        return connections.get_connection()
    except KeyError:
        return connections.create_connection(hosts=[settings.ELASTICSEARCH_URL], request_timeout=10)
