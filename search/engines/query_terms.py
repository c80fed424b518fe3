"""Turn modelsearch query objects into analysed terms, shared by the database engines."""

from modelsearch.query import And, Boost, Not, Or, Phrase, PlainText

from search.analysis import phrase_terms, query_groups


def prune_empty(query):
    """Drop the leaves that analyse to no term at all (punctuation, symbols); None if nothing is left.

    A query of only `*()"` must find nothing rather than reach the engine's own syntax.
    """
    if isinstance(query, PlainText):
        return query if query_groups(query.query_string) else None
    if isinstance(query, Phrase):
        return query if phrase_terms(query.query_string) else None
    if isinstance(query, Not):
        inner = prune_empty(query.subquery)
        return Not(inner) if inner is not None else None
    if isinstance(query, Boost):
        inner = prune_empty(query.subquery)
        return Boost(inner, query.boost) if inner is not None else None
    if isinstance(query, (And, Or)):
        kept = [sub for sub in (prune_empty(sub) for sub in query.subqueries) if sub is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else type(query)(kept)
    return query


def build_expression(query_string, operator, syntax, prefix_last=False):
    """One boolean expression in an engine's syntax for a plain-text query.

    `syntax` supplies term(text, prefix), all_of(parts), any_of(parts). Each group's bigrams are
    required; its longer words are OR-ed with its first required term so they only add rank.
    """
    groups = query_groups(query_string, prefix_last=prefix_last)
    parts = []
    for group in groups:
        required = [syntax.term(term.text, term.prefix) for term in group.required]
        if group.boosts:
            boosts = [syntax.term(term.text, term.prefix) for term in group.boosts]
            required.append(syntax.any_of(boosts + [required[0]]))
        parts.append(syntax.all_of(required))
    combine = syntax.any_of if str(operator).lower() == "or" else syntax.all_of
    return combine(parts)
