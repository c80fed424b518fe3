"""The text of an article's PDF galley, page by page, read off the request path (journal/fulltext.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GalleyText(models.Model):
    """What the PDF galley of one article says, kept beside the page (not in its revisions) so
    that search finds an article that exists only as a PDF."""

    article = models.OneToOneField(
        "journal.ArticlePage", on_delete=models.CASCADE, related_name="galley_text", verbose_name=_("article")
    )
    # Which file the text was read from: a new galley, or a new file for the same document,
    # is read again.
    document_id = models.PositiveBigIntegerField(_("document"))
    source = models.CharField(_("file read"), max_length=255, blank=True, help_text=_("Its name and checksum."))
    pages = models.JSONField(_("text by page"), default=list, help_text=_("The text of each page, in order."))
    problem = models.CharField(_("problem"), max_length=255, blank=True, help_text=_("Why no text could be read."))
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)

    class Meta:
        verbose_name = _("PDF galley text")
        verbose_name_plural = _("PDF galley texts")

    def __str__(self):
        return f"{self.article_id}: {len(self.pages)}"

    @property
    def text(self):
        return "\n".join(self.pages)
