"""`python manage.py extract_galley_text [--all]`: read the PDF and Word galleys of published articles
into their GalleyText and index the articles again, with progress.

Publishing reads a new galley by itself (journal/fulltext.py); this is for articles published
before, or after a change to the extraction. Without --all, galleys already read are skipped,
so running it again is cheap.
"""

from django.core.management.base import BaseCommand
from django.db.models import Q

from journal.fulltext import galley_is_current, read_galley
from journal.models import ArticlePage, GalleyText
from search.sync import reindex


class Command(BaseCommand):
    help = (
        "Read the text of the PDF and Word galleys of published articles for search "
        "(only new or changed ones without --all)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Read every galley again, even unchanged ones.")

    def handle(self, *args, all=False, **options):
        with_galleys = ArticlePage.objects.live().filter(Q(pdf__isnull=False) | Q(word_galley__isnull=False))
        articles = with_galleys.select_related("pdf", "word_galley", "galley_text")
        todo = [article for article in articles.order_by("pk") if all or not galley_is_current(article)]
        removed, _ = GalleyText.objects.exclude(article__in=with_galleys).delete()
        self.stdout.write(f"Articles whose galleys to read: {len(todo)}.")
        unreadable = 0
        for number, article in enumerate(todo, start=1):
            galley = read_galley(article)
            reindex([article])
            if galley.problem:
                unreadable += 1
                outcome = self.style.WARNING(galley.problem)
            else:
                read = [f"{len(galley.pages)} pages"] if galley.document_id else []
                read += ["Word file"] if galley.word_document_id else []
                outcome = f"{', '.join(read)}, {len(galley.text)} characters"
            self.stdout.write(f"[{number}/{len(todo)}] {article.title}: {outcome}")
        summary = (
            f"Read {len(todo) - unreadable} galleys; {unreadable} unreadable; "
            f"{removed} texts of removed galleys deleted."
        )
        self.stdout.write(self.style.SUCCESS(summary))
