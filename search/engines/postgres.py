"""The embedded engine on PostgreSQL full text: modelsearch's backend, fed analysed text and queries.

Terms are already analysed, so the `simple` configuration indexes them as they are (an English
configuration would stem twice and drop stop words the analysis kept).
"""

from django.contrib.postgres.search import SearchQuery
from django.db.models import F
from django.db.models.sql.subqueries import InsertQuery
from modelsearch.backends.database.postgres import postgres as stock
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.index import RelatedFields
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search.analysis import analyse_for_index, phrase_terms
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


class ChineseObjectIndexer(stock.ObjectIndexer):
    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.analysed = {}

    def prepare_field(self, obj, field):
        if isinstance(field, RelatedFields):
            yield from super().prepare_field(obj, field)
            return
        # modelsearch prepares every field once for each of its columns: analyse each value once.
        key = (id(obj), field)
        if key not in self.analysed:
            self.analysed[key] = [
                (current_field, weight, analyse_for_index(value))
                for current_field, weight, value in super().prepare_field(obj, field)
            ]
        yield from self.analysed[key]


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
        return super().search(config, start, stop, score_field=score_field, backend=backend)


class ChinesePostgresAutocompleteQueryCompiler(ChinesePostgresQueryCompiler, stock.PostgresAutocompleteQueryCompiler):
    prefix_last = True

    def get_index_vectors(self, search_query):
        return stock.PostgresAutocompleteQueryCompiler.get_index_vectors(self, search_query)


class ChinesePostgresSearchBackend(stock.PostgresSearchBackend):
    query_compiler_class = ChinesePostgresQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "simple", **params})
