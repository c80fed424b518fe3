"""Work the journal does outside the request that asked for it (Django's task framework)."""

from django_tasks import task

from search.sync import reindex


@task()
def read_galley_text(article_id):
    """Read an article's PDF and Word galleys into its GalleyText, then index the article again with it."""
    from .fulltext import read_galley
    from .models import ArticlePage

    article = ArticlePage.objects.filter(pk=article_id).select_related("pdf", "word_galley").first()
    if article is None:
        return
    read_galley(article)
    reindex([article])
