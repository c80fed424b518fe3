"""The embedded engine on SQLite FTS5: modelsearch's backend, fed analysed text and queries."""

from django.db import connections
from django.db.models import FloatField, Func
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite import sqlite as stock
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import phrase_terms
from search.engines.common import AnalysingIndexerMixin, RankedResultsMixin, has_integer_pk
from search.engines.query_terms import build_expression, prune_empty

# FTS5 columns are (autocomplete, body, title); a title match weighs this much more than body.
TITLE_WEIGHT = 10.0
# Each part of a ranking (title matches, then body-only matches) scores at most this many
# candidates, the most recently indexed first: a word in most pages costs what a rarer one does.
RANKED_CANDIDATES = 1000
FTS = stock.SQLiteFTSIndexEntry._meta.db_table
INDEX = stock.IndexEntry._meta.db_table


class FTS5Syntax:
    @staticmethod
    def term(text, prefix=False):
        # Analysed terms hold only letters and digits; quoting keeps FTS5 from reading them as syntax.
        quoted = '"' + text.replace('"', '""') + '"'
        return quoted + "*" if prefix else quoted

    @staticmethod
    def all_of(parts):
        return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"

    @staticmethod
    def any_of(parts):
        return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


class RawMatch(Lexeme):
    """A ready-made FTS5 expression."""

    def as_sql(self, compiler, connection):
        return "%s", [self.value]


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra):
        return f"bm25({FTS}, 0.0, 1.0, {TITLE_WEIGHT})", []


class ChineseObjectIndexer(AnalysingIndexerMixin, stock.ObjectIndexer):
    pass


class ChineseSQLiteIndex(stock.SQLiteIndex):
    def add_items(self, model, objs):
        # As modelsearch's add_items, with the analysing indexer.
        if not model.get_search_fields():
            return
        indexers = [ChineseObjectIndexer(obj, self.backend) for obj in objs]
        if not indexers:
            return
        content_type_pk = get_content_type_pk(model)
        data = {indexer.id: (indexer.title, indexer.autocomplete, indexer.body) for indexer in indexers}
        entries = self.entries.filter(content_type_id=content_type_pk)
        indexed_ids = set(entries.filter(object_id__in=data.keys()).values_list("object_id", flat=True))
        for object_id in indexed_ids:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(title=title, autocomplete=autocomplete, body=body)
        self.entries.bulk_create(
            stock.IndexEntry(
                content_type_id=content_type_pk, object_id=object_id, title=title, autocomplete=autocomplete, body=body
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in indexed_ids
        )
        self._refresh_title_norms()


class ChineseSQLiteQueryCompiler(stock.SQLiteSearchQueryCompiler):
    prefix_last = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = prune_empty(self.query)
        self._counts = {}

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            expression = build_expression(query.query_string, query.operator, FTS5Syntax, self.prefix_last)
            return SearchQueryExpression(RawMatch(expression))
        if isinstance(query, Phrase):
            # FTS5 joins phrases with "+" into one phrase: the terms must stand next to each other.
            phrase = " + ".join(FTS5Syntax.term(term) for term in phrase_terms(query.query_string))
            return SearchQueryExpression(RawMatch(f"({phrase})"))
        return super().build_search_query_content(query, config=config)

    def _build_rank_expression(self, vectors, config):
        # bm25() already scores the whole MATCH expression; weight the title column above the body.
        return WeightedBM25()

    def search(self, config, start, stop, score_field=None):
        if self.query is None:
            return self.queryset.none()
        matches = self.matches()
        if matches is None or score_field is not None:
            return super().search(config, start, stop, score_field=score_field)
        # Unranked (count, facets, date order): the matching ids, computed once as a set.
        from_where, params = matches
        matched_pks = RawSQL(f"SELECT CAST({INDEX}.object_id AS integer) {from_where}", params)
        queryset = self.queryset.filter(pk__in=matched_pks)
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

    def fts_query(self):
        """The FTS5 query string of the (normalised) query, or None when it needs the stock path."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)) or not has_integer_pk(self.queryset.model):
            return None
        connection = connections[self.queryset.db]
        compiler = stock.SQLiteFTSIndexEntry.objects.all().query.get_compiler(connection=connection)
        sql, params = compiler.compile(self.build_search_query(query))
        return sql % tuple(params)

    def matches(self, match=None):
        """FROM … WHERE SQL and params for the index rows matching the query, or None for the stock path.

        modelsearch filters with `pk IN (MATCH …)` and orders by a score subquery correlated to each
        row, and SQLite's planner probes the FTS table once per index row of the content type: a
        second or more at 100,000 pages. Here the FTS table drives (CROSS JOIN fixes the order), once.
        """
        if match is None:
            query = self.fts_query()
            if query is None:
                return None
            match = f"{{{' '.join(self.fields or self.FTS_TABLE_FIELDS)}}} : ({query})"
        content_types = [int(pk) for pk in get_descendants_content_types_pks(self.queryset.model)]
        sql = (
            f"FROM {FTS} CROSS JOIN {INDEX} ON {INDEX}.id = {FTS}.rowid "
            f"WHERE {FTS} MATCH %s AND {INDEX}.content_type_id IN ({', '.join(map(str, content_types)) or 'NULL'})"
        )
        return sql, [match]

    def _in_queryset(self):
        """SQL that keeps an index row only if its object is in the queryset: checked per matching
        row by primary key, so a rare word does not read the whole page table."""
        pk = RawSQL(f"CAST({INDEX}.object_id AS integer)", [])
        return self.queryset.order_by().filter(pk=pk).values("pk").query.sql_with_params()

    def _ranked(self, match, offset, limit, order="bm25"):
        """One slice of the ids matching `match`, best first, among RANKED_CANDIDATES candidates.

        The candidates are the newest index rows (FTS5 stops reading once it has enough). `order`
        "bm25" scores them by BM25, whose IDF pass reads every match of each term: right for
        rarer queries. For a query with more matches than candidates, "title" orders by title
        length (the closest titles first) and "newest" by recency, reading only the candidates.
        """
        from_where, params = self.matches(match)
        in_sql, in_params = self._in_queryset()
        score = {
            "bm25": f"bm25({FTS}, 0.0, 1.0, {TITLE_WEIGHT})",
            "title": f"length({INDEX}.title)",
            "newest": "0",
        }[order]
        sql = (
            f"SELECT object_id FROM (SELECT {INDEX}.object_id AS object_id, {FTS}.rowid AS position, "
            f"{score} AS score {from_where} AND EXISTS ({in_sql}) ORDER BY {FTS}.rowid DESC LIMIT %s) "
            f"ORDER BY score, position DESC LIMIT %s OFFSET %s"
        )
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, [*params, *in_params, RANKED_CANDIDATES, limit, offset])
            return [row[0] for row in cursor.fetchall()]

    def _count(self, match, at_most=None):
        """How many rows match (within the queryset); with `at_most`, counting stops after at_most + 1.

        Remembered per compiler: a results page asks once for its ranking and once for its count.
        """
        key = (match, at_most)
        if key not in self._counts:
            self._counts[key] = self._count_rows(match, at_most)
        return self._counts[key]

    def _count_rows(self, match, at_most):
        from_where, params = self.matches(match)
        in_sql, in_params = self._in_queryset()
        sql = f"SELECT 1 {from_where} AND EXISTS ({in_sql})"
        if at_most is not None:
            sql, params = f"{sql} LIMIT %s", [*params, *in_params, at_most + 1]
        else:
            params = [*params, *in_params]
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM ({sql})", params)
            return cursor.fetchone()[0]

    def ranked_object_ids(self, start, stop):
        """The ids of one page of results, best first; None when the query needs the stock path.

        Pages matching in the title come first, then pages matching only in the body: the order
        readers expect. Up to RANKED_CANDIDATES matches each part is ranked by BM25; beyond, titles
        by closeness (length) and bodies by recency, so a word in most pages costs what a rare
        one does (BM25 alone reads every match of every term).
        """
        query = self.fts_query()
        if query is None:
            return None
        columns = self.fields or self.FTS_TABLE_FIELDS
        stop = 2**62 if stop is None else stop
        if "title" not in columns or columns == ["title"]:
            return self._ranked(f"{{{' '.join(columns)}}} : ({query})", start, stop - start)
        in_title = f"{{title}} : ({query})"
        body_only = f"{{{' '.join(columns)}}} : ({query}) NOT {{title}} : ({query})"
        everywhere = f"{{{' '.join(columns)}}} : ({query})"
        if self._count(everywhere, RANKED_CANDIDATES) <= RANKED_CANDIDATES:
            title_order, body_order = "bm25", "bm25"
            title_count = self._count(in_title)
            titles = self._ranked(in_title, start, stop - start) if start < title_count else []
        else:
            # A common query: read the title candidates once (their number is the title count).
            title_order, body_order = "title", "newest"
            every_title = self._ranked(in_title, 0, RANKED_CANDIDATES, title_order)
            title_count, titles = len(every_title), every_title[start:stop]
        ids = list(titles)
        if len(ids) < stop - start:
            ids += self._ranked(body_only, max(0, start - title_count), stop - start - len(ids), body_order)
        return ids


class ChineseSQLiteAutocompleteQueryCompiler(ChineseSQLiteQueryCompiler, stock.SQLiteAutocompleteQueryCompiler):
    prefix_last = True


class ChineseSQLiteSearchResults(RankedResultsMixin, stock.SQLiteSearchResults):
    def _ranked_ids(self):
        return self.query_compiler.ranked_object_ids(self.start, self.stop)

    def _count_matches(self, limit):
        compiler = self.query_compiler
        query = compiler.fts_query()
        if query is None:
            return None
        # Driven from the FTS table like the ranking: a rare word never reads the whole page table.
        return compiler._count(f"{{{' '.join(compiler.fields or compiler.FTS_TABLE_FIELDS)}}} : ({query})", limit)


class ChineseSQLiteSearchBackend(stock.SQLiteSearchBackend):
    results_class = ChineseSQLiteSearchResults
    query_compiler_class = ChineseSQLiteQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
