"""How readers browse the archive: by year and issue, by section, keyword and author."""

from itertools import groupby

from django.db.models import Q


def issues_by_year(issues):
    """[(2019, [issue, …]), …], newest year first, for the archive."""
    ordered = sorted(issues, key=lambda issue: (-issue.year, -issue.number))
    return [(year, list(group)) for year, group in groupby(ordered, key=lambda issue: issue.year)]


def table_of_contents(articles, sections):
    """[(section or None, [article, …]), …]: ``sections`` in their (the editors') order, articles
    in page order.

    Articles without a section come last; one query for the articles (with their
    authors prefetched), one for the sections, none per item.
    """
    articles = list(articles)
    order = {section.pk: index for index, section in enumerate(sections)}
    position = {article.pk: index for index, article in enumerate(articles)}

    def key(article):
        return (order.get(article.section_id, len(order)), position[article.pk])

    grouped = []
    for section_id, group in groupby(sorted(articles, key=key), key=lambda article: article.section_id):
        group = list(group)
        grouped.append((group[0].section if section_id else None, group))
    return grouped


def articles_with_keyword(articles, word):
    """Articles whose Chinese or English keywords include ``word`` exactly (case-insensitive)."""
    wanted = word.casefold()
    candidates = articles.filter(Q(keywords__icontains=word) | Q(keywords_en__icontains=word)).order_by(
        "-issue_year", "-issue_number", "path"
    )
    return [
        article
        for article in candidates
        if wanted in {k.casefold() for k in article.keyword_list + article.keyword_list_en}
    ]


def related_articles(article, candidates, limit=5):
    """The ``candidates`` (a queryset of readable articles) sharing an author (weighted double)
    or keywords with ``article``."""
    person_ids = {authorship.person_id for authorship in article.authorships.all()}
    keywords = set(article.keyword_list)
    condition = Q(authorships__person_id__in=person_ids)
    for word in keywords:
        condition |= Q(keywords__icontains=word)
    if not person_ids and not keywords:
        return []
    candidates = (
        candidates.filter(locale_id=article.locale_id)
        .exclude(pk=article.pk)
        .filter(condition)
        .distinct()
        .order_by("-issue_year", "-pk")
        .with_listing_data()[:60]
    )

    def score(other):
        shared_people = person_ids & {a.person_id for a in other.authorships.all()}
        shared_words = keywords & set(other.keyword_list)
        return 2 * len(shared_people) + len(shared_words)

    scored = [(score(other), other) for other in candidates]
    scored = [pair for pair in scored if pair[0] > 0]
    scored.sort(key=lambda pair: -pair[0])
    return [other for _, other in scored[:limit]]
