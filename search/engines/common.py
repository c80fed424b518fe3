"""What the SQLite and PostgreSQL engines share: the analysing indexer, and results that read
a ranked page of ids and bounded counts from the engine's own plan."""

from modelsearch.index import RelatedFields

from search.analysis import analyse_for_index

# Each part of a ranking (title matches, then body-only matches) is scored by relevance when it
# has at most this many matches, and listed newest first beyond: scoring reads every match, so a
# word in most pages would cost what reading the whole index does.
RANKED_CANDIDATES = 1000


def has_integer_pk(model):
    """Our plans cast the index's text object_id to an integer key; other keys take the stock path."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return field.get_internal_type() in {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField"}


class AnalysingIndexerMixin:
    """An ObjectIndexer whose prepared values are analysed text (the value is each tuple's last item)."""

    def __init__(self, obj, backend):
        super().__init__(obj, backend)
        self.analysed = {}

    def prepare_field(self, obj, field):
        if isinstance(field, RelatedFields):
            # Sub-fields come back through this method and are analysed there.
            yield from super().prepare_field(obj, field)
            return
        # modelsearch prepares every field once for each of its columns (title, body,
        # autocomplete): analyse each value once.
        key = (id(obj), field)
        if key not in self.analysed:
            self.analysed[key] = [
                (*prepared[:-1], analyse_for_index(prepared[-1])) for prepared in super().prepare_field(obj, field)
            ]
        yield from self.analysed[key]


class RankedResultsMixin:
    """Search results that take one page of ranked ids, and counts that can stop at a bound.

    An engine's results implement `_ranked_ids()` and `_count_matches(limit)` (count up to
    limit + 1 rows, all when limit is None); either returns None when the query needs
    modelsearch's own (stock) plan.
    """

    def _do_search(self):
        compiler = self.query_compiler
        if compiler.query is None:
            return []
        if compiler.order_by_relevance and self._score_field is None:
            ids = self._ranked_ids()
            if ids is not None:
                to_python = compiler.queryset.model._meta.pk.to_python
                keys = [to_python(object_id) for object_id in ids]
                objects = compiler.queryset.in_bulk(keys)
                return [objects[key] for key in keys if key in objects]
        return super()._do_search()

    def _do_count(self):
        return self._counted(None)

    def count_at_most(self, bound):
        """The count if it is at most `bound`, else bound + 1: "more than bound", without reading
        every match of a common word."""
        return self._counted(bound)

    def _counted(self, at_most):
        if self.query_compiler.query is None:
            return 0
        total = self._count_matches(None if at_most is None else self.start + at_most)
        if total is None:
            total = super()._do_count()
            return total if at_most is None else min(total, at_most + 1)
        stop = total if self.stop is None else min(total, self.stop)
        return max(0, stop - self.start)
