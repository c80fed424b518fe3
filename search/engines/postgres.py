"""The embedded engine on PostgreSQL full text: modelsearch's backend, fed analysed text and queries.

Terms are already analysed, so the `simple` configuration indexes them as they are (an English
configuration would stem twice and drop stop words the analysis kept).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Exists, F, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as stock
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import phrase_terms
from search.engines.common import AnalysingIndexerMixin, RankedResultsMixin, has_integer_pk
from search.engines.query_terms import build_expression, prune_empty

TITLE_WEIGHT = 10.0
# Each part of a ranking (title matches, then body-only matches) scores at most this many
# candidates, the most recently indexed first: a word in most pages costs what a rarer one does.
RANKED_CANDIDATES = 1000


class TsQuerySyntax:
    @staticmethod
    def term(text, prefix=False):
        quoted = "'" + text.replace("'", "''").replace("\\", "\\\\") + "'"
        return quoted + ":*" if prefix else quoted

    @staticmethod
    def all_of(parts):
        return parts[0] if len(parts) == 1 else "(" + " & ".join(parts) + ")"

    @staticmethod
    def any_of(parts):
        return parts[0] if len(parts) == 1 else "(" + " | ".join(parts) + ")"


class RawTsQuery(Lexeme):
    """A ready-made tsquery expression, negated when modelsearch pushes a NOT down to it."""

    def as_sql(self, compiler, connection):
        return "%s", [f"!({self.value})" if self.invert else self.value]


class ChineseObjectIndexer(AnalysingIndexerMixin, stock.ObjectIndexer):
    pass


class ChinesePostgresIndex(stock.PostgresIndex):
    def add_items(self, model, objs):
        # As modelsearch's add_items, with the analysing indexer.
        if not model.get_search_fields():
            return
        indexers = [ChineseObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        compiler = InsertQuery(stock.IndexEntry).get_compiler(connection=self.write_connection)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for column in ("title", "autocomplete", "body"):
                value = compiler.prepare_value(stock.IndexEntry._meta.get_field(column), getattr(indexer, column))
                sql, value_params = value.as_sql(compiler, self.write_connection)
                vectors.append(sql)
                params.extend(value_params)
            params.extend((indexer.title_text, indexer.body_text))
            rows.append(f"(%s, %s, {vectors[0]}, {vectors[1]}, {vectors[2]}, 1.0, %s, %s)")
        table = stock.IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm,
                                     title_text, body_text)
                (VALUES {", ".join(rows)})
                ON CONFLICT (content_type_id, object_id)
                DO UPDATE SET title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                              body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
                """,
                params,
            )
        self._refresh_title_norms()


class ChinesePostgresQueryCompiler(stock.PostgresSearchQueryCompiler):
    prefix_last = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = prune_empty(self.query)

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText):
            expression = build_expression(query.query_string, query.operator, TsQuerySyntax, self.prefix_last)
            return SearchQuery(RawTsQuery(expression, invert=invert), search_type="raw", config=config)
        if isinstance(query, Phrase):
            phrase = " <-> ".join(TsQuerySyntax.term(term) for term in phrase_terms(query.query_string))
            return SearchQuery(RawTsQuery(f"({phrase})", invert=invert), search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)

    def get_index_vectors(self, search_query):
        return [
            (F("index_entries__title"), F("index_entries__title_norm") * TITLE_WEIGHT),
            (F("index_entries__body"), 1.0),
        ]

    def get_search_vectors(self, search_query):
        # Model fields hold raw text, which `simple` keeps as one token per run of Chinese: search
        # the analysed title column for `fields=["title"]`, and the analysed body for any other field.
        if self.fields is None:
            return self.get_index_vectors(search_query)
        title, body = self.get_index_vectors(search_query)
        return [title] if list(self.fields) == ["title"] else [title, body] if "title" in self.fields else [body]

    def search(self, config, start, stop, score_field=None, backend=None):
        if self.query is None:
            return self.queryset.none()
        entries = self.matching_entries(config)
        if entries is None or score_field is not None or self.order_by_relevance:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        # Unranked (count, facets, date order): the GIN indexes find the matching ids.
        matched = entries.annotate(_pk=Cast("object_id", IntegerField())).values("_pk")
        queryset = self.queryset.filter(pk__in=matched)
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

    def matching_entries(self, config, column=None):
        """Index rows matching the query in the title or body (or one `column`), within the queryset.

        modelsearch matches `title || body` as one expression, which no index serves: every page
        is read. Each column has its own GIN index, so match them separately. None when the query
        needs the stock path (negations, field lists, non-integer keys).
        """
        if self.fields is not None or contains_negation(self.query) or not has_integer_pk(self.queryset.model):
            return None
        tsquery = self.build_tsquery(self.query, config=config)
        condition = Q(**{column: tsquery}) if column else Q(title=tsquery) | Q(body=tsquery)
        in_queryset = Exists(self.queryset.order_by().filter(pk=Cast(OuterRef("object_id"), IntegerField())))
        content_types = get_descendants_content_types_pks(self.queryset.model)
        return stock.IndexEntry.objects.filter(condition, in_queryset, content_type_id__in=content_types)

    def ranked_object_ids(self, config, start, stop):
        """One page of ids: title matches first, then body-only matches, each by ts_rank; None for
        the stock path. A common word is in most bodies but few titles, so it ranks few rows."""
        titles = self.matching_entries(config, "title")
        if titles is None:
            return None
        tsquery = self.build_tsquery(self.query, config=config)
        stop = 2**62 if stop is None else stop
        title_count = min(titles.order_by()[: RANKED_CANDIDATES + 1].count(), RANKED_CANDIDATES)
        ids = []
        if start < title_count:
            ids = list(ranked_candidates(titles, "title", tsquery)[start:stop])
        if len(ids) < stop - start:
            body_only = self.matching_entries(config, "body").exclude(title=tsquery)
            offset = max(0, start - title_count)
            ranked = ranked_candidates(body_only, "body", tsquery)
            ids += list(ranked[offset : offset + stop - start - len(ids)])
        return ids


def ranked_candidates(entries, column, tsquery):
    """Object ids of the newest RANKED_CANDIDATES entries, best ts_rank first."""
    candidates = entries.order_by("-id").values("id")[:RANKED_CANDIDATES]
    ranked = stock.IndexEntry.objects.filter(id__in=candidates).annotate(rank=SearchRank(F(column), tsquery))
    return ranked.order_by("-rank", "object_id").values_list("object_id", flat=True)


class ChinesePostgresAutocompleteQueryCompiler(ChinesePostgresQueryCompiler, stock.PostgresAutocompleteQueryCompiler):
    prefix_last = True

    def matching_entries(self, config, column=None):
        return None  # autocomplete matches its own column: modelsearch's plan

    def get_index_vectors(self, search_query):
        return stock.PostgresAutocompleteQueryCompiler.get_index_vectors(self, search_query)


def contains_negation(query):
    if isinstance(query, Not):
        return True
    return any(contains_negation(sub) for sub in getattr(query, "subqueries", ()))


class ChinesePostgresSearchResults(RankedResultsMixin, stock.PostgresSearchResults):
    def _ranked_ids(self):
        compiler = self.query_compiler
        return compiler.ranked_object_ids(compiler.get_config(self.backend), self.start, self.stop)

    def _count_matches(self, limit):
        compiler = self.query_compiler
        entries = compiler.matching_entries(compiler.get_config(self.backend))
        if entries is None:
            return None
        return (entries if limit is None else entries.order_by()[: limit + 1]).count()


class ChinesePostgresSearchBackend(stock.PostgresSearchBackend):
    query_compiler_class = ChinesePostgresQueryCompiler
    results_class = ChinesePostgresSearchResults
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})
