"""The text of an article's galleys (the PDF page by page, the Word file whole), read off the
request path (journal/fulltext.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class GalleyText(models.Model):
    """What the PDF and Word galleys of one article say, kept beside the page (not in its
    revisions) so that search finds an article that exists only as a PDF or a Word file."""

    article = models.OneToOneField(
        "journal.ArticlePage", on_delete=models.CASCADE, related_name="galley_text", verbose_name=_("article")
    )
    # Which file the text was read from: a new galley, or a new file for the same document,
    # is read again.
    document_id = models.PositiveBigIntegerField(_("document"), null=True, blank=True)
    source = models.CharField(_("file read"), max_length=255, blank=True, help_text=_("Its name and checksum."))
    pages = models.JSONField(_("text by page"), default=list, help_text=_("The text of each page, in order."))
    word_document_id = models.PositiveBigIntegerField(_("Word document"), null=True, blank=True)
    word_source = models.CharField(
        _("Word file read"), max_length=255, blank=True, help_text=_("Its name and checksum.")
    )
    word_text = models.TextField(_("text of the Word file"), blank=True)
    problem = models.CharField(_("problem"), max_length=255, blank=True, help_text=_("Why no text could be read."))
    extracted_at = models.DateTimeField(_("extracted at"), auto_now=True)

    class Meta:
        verbose_name = _("galley text")
        verbose_name_plural = _("galley texts")

    def __str__(self):
        return f"{self.article_id}: {len(self.pages)}"

    @property
    def text(self):
        return "\n".join([*self.pages, self.word_text]).strip()
