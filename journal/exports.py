"""Articles' full citation records for the site search's export (the `site_search_citations`
hook): the same BibTeX, RIS and CSL-JSON as each article's own "cite" download."""

from .citations import EXPORT_RECORDS
from .metadata import article_metadata
from .models import ArticlePage, parents_of


def article_records(page_ids, export_format, request=None):
    """{article id: record} of the public articles among `page_ids`, in a fixed number of queries."""
    write = EXPORT_RECORDS.get(export_format)
    if write is None:
        return {}
    articles = list(ArticlePage.objects.filter(pk__in=page_ids).with_citation_data())
    parents = parents_of(articles)
    records = {}
    for article in articles:
        issue, journal = parents[article.pk]
        records[article.pk] = write(article_metadata(article, request, issue=issue, journal=journal))
    return records
