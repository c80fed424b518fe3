"""The embedded engine on PostgreSQL full text: modelsearch's backend, fed analysed text and queries.

Terms are already analysed, so the `simple` configuration indexes them as they are (an English
configuration would stem twice and drop stop words the analysis kept).
"""

from contextlib import contextmanager

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connections, transaction
from django.db.models import Exists, F, IntegerField, OuterRef, Q
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres import postgres as stock
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import phrase_terms
from search.engines.common import RANKED_CANDIDATES, AnalysingIndexerMixin, RankedResultsMixin, has_integer_pk
from search.engines.query_terms import build_expression, prune_empty

TITLE_WEIGHT = 10.0


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
    def as_vector(self, texts, for_autocomplete=False):
        """The vector as SQL and params, written out: modelsearch builds (and Django then
        resolves and compiles) an expression tree per value, a third of a rebuild's time."""
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            return "''::tsvector", []
        config = self.autocomplete_config if for_autocomplete else self.config
        sql = " || ".join(["setweight(to_tsvector(%s::regconfig, %s), %s)"] * len(texts))
        return sql, [param for text, weight in texts for param in (config, text, weight)]


class ChinesePostgresIndex(stock.PostgresIndex):
    def add_items(self, model, objs):
        # As modelsearch's add_items, with the analysing indexer and vectors written as SQL.
        if not model.get_search_fields():
            return
        indexers = [ChineseObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        for indexer in indexers:
            params.extend((content_type_pk, indexer.id))
            vectors = []
            for sql, vector_params in (indexer.title, indexer.autocomplete, indexer.body):
                vectors.append(sql)
                params.extend(vector_params)
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

    def _refresh_title_norms(self, full=False):
        # modelsearch scales title weight by each title's length relative to the average, and
        # keeps it by rewriting the new rows after every batch and every row after a rebuild
        # (each rewrite re-enters both GIN indexes): most of a rebuild's time. Our ranking weighs
        # titles by a constant and ts_rank normalises by length itself. At the end of a rebuild
        # (the full refresh) the planner's statistics are refreshed instead: until autovacuum
        # gets there, it would plan for the old index.
        if full:
            with self.write_connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {stock.IndexEntry._meta.db_table}")


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
            (F("index_entries__title"), TITLE_WEIGHT),
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
        """One page of ids, best first; None for the stock path.

        Title matches come first, then body-only matches, each ranked by best_first().
        """
        titles = self.matching_entries(config, "title")
        if titles is None:
            return None
        tsquery = self.build_tsquery(self.query, config=config)
        stop = 2**62 if stop is None else stop
        ids = best_first(titles, "title", tsquery, start, stop - start)
        if len(ids) == stop - start:
            return ids
        # The titles ran out on this page (or before it: then count them, to page the bodies).
        title_count = start + len(ids) if ids else titles.order_by().count()
        body_only = self.matching_entries(config, "body").exclude(title=tsquery)
        offset = start + len(ids) - title_count
        return ids + best_first(body_only, "body", tsquery, offset, stop - start - len(ids))


def best_first(entries, column, tsquery, offset, limit):
    """A slice of the object ids of `entries`: by ts_rank on `column` (length-normalised) when
    the query matches at most RANKED_CANDIDATES index rows, newest first beyond.

    Ranking reads every match and its vector. Newest first walks the primary key backwards and
    stops once the slice is full, so a word in most pages costs what a rare one does; the
    planner cannot see that (it multiplies the terms' frequencies as if independent, guesses a
    hundred matches for ten thousand, and reads them all through the GIN index), so the walk is
    asked for by turning the other plans off for that one statement.
    """
    in_index = stock.IndexEntry.objects.filter(**{column: tsquery}).order_by()[: RANKED_CANDIDATES + 1]
    if in_index.count() <= RANKED_CANDIDATES:
        ranked = entries.annotate(rank=SearchRank(F(column), tsquery, normalization=1)).order_by("-rank", "-id")
        return list(ranked.values_list("object_id", flat=True)[offset : offset + limit])
    newest = entries.order_by("-id").values_list("object_id", flat=True)[offset : offset + limit]
    # Left only the primary key's order: no GIN bitmap, no full scan, no sort of the matches.
    with planner_without(entries.db, "enable_bitmapscan", "enable_seqscan", "enable_sort"):
        return list(newest)


@contextmanager
def planner_without(alias, *settings):
    """Turn planner methods off for the statements run inside, and back to what they were after
    (set for the transaction only, and a request may run in a longer one)."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        # Each setting's value, read before it is turned off (a select list is evaluated in order).
        read_and_set = ", ".join(["current_setting(%s), set_config(%s, 'off', true)"] * len(settings))
        cursor.execute(f"SELECT {read_and_set}", [name for setting in settings for name in (setting, setting)])
        saved = cursor.fetchone()[::2]
        try:
            yield
        finally:
            restore = ", ".join(["set_config(%s, %s, true)"] * len(settings))
            cursor.execute(f"SELECT {restore}", [value for pair in zip(settings, saved, strict=True) for value in pair])


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
