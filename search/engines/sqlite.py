"""The embedded engine on SQLite FTS5: modelsearch's backend, fed analysed text and queries."""

from typing import NamedTuple

from django.db import connections
from django.db.models import FloatField, Func
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite import sqlite as stock
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.analysis import phrase_terms
from search.engines.common import RANKED_CANDIDATES, AnalysingIndexerMixin, RankedResultsMixin, has_integer_pk
from search.engines.query_terms import build_expression, prune_empty
from search.engines.sqlite_title_index import TITLE_FTS

# FTS5 columns are (autocomplete, body, title); a title match weighs this much more than body.
TITLE_WEIGHT = 10.0
FTS = stock.SQLiteFTSIndexEntry._meta.db_table
INDEX = stock.IndexEntry._meta.db_table


class Matches(NamedTuple):
    from_where: str  # FROM … WHERE … over the FTS table `table` joined to the index entries
    params: list
    table: str


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

    def _refresh_title_norms(self, full=False):
        # modelsearch stores each title's length norm for its own ranking; ours is BM25 (which
        # normalises by itself), and rewriting the column rewrote every FTS row through the
        # update trigger: half of a full rebuild's time.
        pass


class ChineseSQLiteQueryCompiler(stock.SQLiteSearchQueryCompiler):
    prefix_last = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.query = prune_empty(self.query)
        self._counts = {}
        self._in_queryset_sql = None

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
        from_where, params, _table = matches
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

    def matches(self, match=None, table=FTS, exclude_titles=None):
        """FROM … WHERE SQL and params for the index rows matching the query, or None for the stock path.

        modelsearch filters with `pk IN (MATCH …)` and orders by a score subquery correlated to each
        row, and SQLite's planner probes the FTS table once per index row of the content type: a
        second or more at 100,000 pages. Here the FTS table drives (CROSS JOIN fixes the order), once.
        `table` TITLE_FTS matches titles alone; `exclude_titles` drops the rows whose title matches it.
        """
        if match is None:
            query = self.fts_query()
            if query is None:
                return None
            columns = self.fields or self.FTS_TABLE_FIELDS
            if list(columns) == ["title"]:
                table, match = TITLE_FTS, query
            else:
                match = f"{{{' '.join(columns)}}} : ({query})"
        sql = f"FROM {table} CROSS JOIN {INDEX} ON {INDEX}.id = {table}.rowid WHERE {table} MATCH %s AND " + (
            self._of_content_types()
        )
        params = [match]
        if exclude_titles is not None:
            # The title matches are few next to the body's: SQLite lists them once, then skips them.
            sql += f" AND {table}.rowid NOT IN (SELECT rowid FROM {TITLE_FTS} WHERE {TITLE_FTS} MATCH %s)"
            params.append(exclude_titles)
        return Matches(sql, params, table)

    def _of_content_types(self):
        content_types = [int(pk) for pk in get_descendants_content_types_pks(self.queryset.model)]
        return f"{INDEX}.content_type_id IN ({', '.join(map(str, content_types)) or 'NULL'})"

    def _in_queryset(self):
        """SQL that keeps an index row only if its object is in the queryset: checked per matching
        row by primary key, so a rare word does not read the whole page table."""
        if self._in_queryset_sql is None:
            pk = RawSQL(f"CAST({INDEX}.object_id AS integer)", [])
            self._in_queryset_sql = self.queryset.order_by().filter(pk=pk).values("pk").query.sql_with_params()
        return self._in_queryset_sql

    def _execute(self, sql, params):
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _ranked(self, matches, offset, limit, order="bm25"):
        """One slice of the ids of `matches` (a matches() pair), best first.

        `order` "bm25" scores every match by BM25, whose IDF pass reads every match of each term:
        right for at most RANKED_CANDIDATES matches. "newest" reads the newest matches only, as
        many as the slice needs (FTS5 reads its doclists newest first and stops there).
        """
        from_where, params, table = matches
        in_sql, in_params = self._in_queryset()
        weights = f", 0.0, 1.0, {TITLE_WEIGHT}" if table == FTS else ""
        score = f"bm25({table}{weights})" if order == "bm25" else "0"
        read = -1 if order == "bm25" else offset + limit
        sql = (
            f"SELECT object_id FROM (SELECT {INDEX}.object_id AS object_id, {table}.rowid AS position, "
            f"{score} AS score {from_where} AND EXISTS ({in_sql}) ORDER BY {table}.rowid DESC LIMIT %s) "
            f"ORDER BY score, position DESC LIMIT %s OFFSET %s"
        )
        return [row[0] for row in self._execute(sql, [*params, *in_params, read, limit, offset])]

    def _ranked_titles(self, query, stop):
        """The ids of the first `stop` (None: all) pages whose title matches, best first.

        Up to RANKED_CANDIDATES title matches, BM25 over the title index scores them all (a term's
        doclist there lists titles only); beyond, they come newest first, which FTS5 reads
        lazily. The visibility check then runs down that order until `stop` pages pass it.
        """
        title_matches = self._execute(
            f"SELECT COUNT(*) FROM (SELECT 1 FROM {TITLE_FTS} WHERE {TITLE_FTS} MATCH %s LIMIT %s)",
            [query, RANKED_CANDIDATES + 1],
        )[0][0]
        score = "0" if title_matches > RANKED_CANDIDATES else f"bm25({TITLE_FTS})"
        ranked = (
            f"SELECT rowid AS id, {score} AS score FROM {TITLE_FTS} "
            f"WHERE {TITLE_FTS} MATCH %s ORDER BY score, rowid DESC LIMIT %s"
        )
        in_sql, in_params = self._in_queryset()
        kept = f"{self._of_content_types()} AND EXISTS ({in_sql})"
        window = -1 if stop is None else max(100, 4 * stop)
        while True:
            sql = (
                f"SELECT {INDEX}.object_id, {kept} FROM ({ranked}) AS ranked "
                f"CROSS JOIN {INDEX} ON {INDEX}.id = ranked.id ORDER BY ranked.score, ranked.id DESC"
            )
            rows = self._execute(sql, [*in_params, query, window])
            found = [object_id for object_id, visible in rows if visible]
            if window < 0 or len(rows) < window or len(found) >= stop:
                return found[:stop]
            window *= 4

    def _count(self, matches, at_most=None):
        """How many rows of `matches` are in the queryset; with `at_most`, counting stops after
        at_most + 1. Remembered per compiler: a results page asks for its ranking and its count."""
        key = (matches.from_where, tuple(matches.params), at_most)
        if key not in self._counts:
            from_where, params, _table = matches
            in_sql, in_params = self._in_queryset()
            sql = f"SELECT 1 {from_where} AND EXISTS ({in_sql})"
            params = [*params, *in_params]
            if at_most is not None:
                sql, params = f"{sql} LIMIT %s", [*params, at_most + 1]
            self._counts[key] = self._execute(f"SELECT COUNT(*) FROM ({sql})", params)[0][0]
        return self._counts[key]

    def ranked_object_ids(self, start, stop):
        """The ids of one page of results, best first; None when the query needs the stock path.

        Pages matching in the title come first, by BM25 over titles; then pages matching only in
        the body, by BM25 up to RANKED_CANDIDATES matches and by recency beyond, so a word in
        most pages costs what a rare one does (BM25 alone reads every match of every term).
        """
        query = self.fts_query()
        if query is None:
            return None
        columns = self.fields or self.FTS_TABLE_FIELDS
        if "title" not in columns or list(columns) == ["title"]:
            matches = self.matches()
            return self._ranked(matches, start, (2**62 if stop is None else stop) - start, self._order(matches))
        titles = self._ranked_titles(query, stop)
        ids = titles[start:stop]
        if stop is not None and len(ids) == stop - start:
            return ids
        # The titles ran out on this page: the body-only matches follow them.
        everywhere = self.matches()
        body_only = self.matches(everywhere.params[0], exclude_titles=query)
        limit = (2**62 if stop is None else stop - start) - len(ids)
        return ids + self._ranked(body_only, max(0, start - len(titles)), limit, self._order(everywhere))

    def _order(self, matches):
        """How _ranked() orders `matches`: BM25 up to RANKED_CANDIDATES of them, newest first beyond."""
        return "bm25" if self._count(matches, RANKED_CANDIDATES) <= RANKED_CANDIDATES else "newest"


class ChineseSQLiteAutocompleteQueryCompiler(ChineseSQLiteQueryCompiler, stock.SQLiteAutocompleteQueryCompiler):
    prefix_last = True


class ChineseSQLiteSearchResults(RankedResultsMixin, stock.SQLiteSearchResults):
    def _ranked_ids(self):
        return self.query_compiler.ranked_object_ids(self.start, self.stop)

    def _count_matches(self, limit):
        compiler = self.query_compiler
        if compiler.fts_query() is None:
            return None
        # Driven from the FTS table like the ranking: a rare word never reads the whole page table.
        return compiler._count(compiler.matches(), limit)


class ChineseSQLiteSearchBackend(stock.SQLiteSearchBackend):
    results_class = ChineseSQLiteSearchResults
    query_compiler_class = ChineseSQLiteQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
