"""The embedded engine on SQLite FTS5: modelsearch's backend, fed analysed text and queries."""

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite import sqlite as stock
from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.index import RelatedFields
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search.analysis import analyse_for_index, phrase_terms
from search.engines.query_terms import build_expression, prune_empty

# FTS5 columns are (autocomplete, body, title); a title match weighs this much more than body.
TITLE_WEIGHT = 10.0


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
        table = stock.SQLiteFTSIndexEntry._meta.db_table
        return f"bm25({table}, 0.0, 1.0, {TITLE_WEIGHT})", []


class ChineseObjectIndexer(stock.ObjectIndexer):
    def prepare_field(self, obj, field):
        if isinstance(field, RelatedFields):
            # Sub-fields come back through this method and are analysed there.
            yield from super().prepare_field(obj, field)
            return
        for current_field, value in super().prepare_field(obj, field):
            yield current_field, analyse_for_index(value)


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
        return super().search(config, start, stop, score_field=score_field)


class ChineseSQLiteAutocompleteQueryCompiler(ChineseSQLiteQueryCompiler, stock.SQLiteAutocompleteQueryCompiler):
    prefix_last = True


class ChineseSQLiteSearchBackend(stock.SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
