"""Usage figures per article and day: page views and PDF downloads by people, not bots."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArticleUsage(models.Model):
    article = models.ForeignKey("journal.ArticlePage", on_delete=models.CASCADE, related_name="usage")
    date = models.DateField(_("date"))
    views = models.PositiveIntegerField(_("page views"), default=0)
    downloads = models.PositiveIntegerField(_("PDF downloads"), default=0)

    class Meta:
        verbose_name = _("article usage")
        verbose_name_plural = _("article usage")
        constraints = [models.UniqueConstraint(fields=["article", "date"], name="one_usage_row_per_article_day")]

    def __str__(self):
        return f"{self.article_id} {self.date}: {self.views}/{self.downloads}"


class UsageEvent(models.Model):
    """One use of an article by a person, counted as the COUNTER Code of Practice counts.

    Every use is an investigation; reading the full text (the PDF, or an article page that
    carries its full text) is also a request. A repeat of the same use by the same session
    within 30 seconds is the same event (journal/usage.py). The monthly reports
    (journal/counter.py) count the events, and the sessions for the unique metrics.
    """

    class Kind(models.TextChoices):
        VIEW = "view", _("page view")
        DOWNLOAD = "download", _("PDF download")

    article = models.ForeignKey(
        "journal.ArticlePage", on_delete=models.CASCADE, related_name="usage_events", verbose_name=_("article")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    is_request = models.BooleanField(_("full text"), help_text=_("The reader got the full text (a COUNTER request)."))
    # A one-way digest of the client's address and browser and the hour: COUNTER's session,
    # without keeping who the reader was.
    session = models.CharField(_("session"), max_length=32)
    occurred_at = models.DateTimeField(_("time"))

    class Meta:
        verbose_name = _("article use")
        verbose_name_plural = _("article uses")
        indexes = [
            models.Index(fields=["occurred_at"], name="usage_event_time"),
            models.Index(fields=["article", "session", "kind", "occurred_at"], name="usage_event_double_click"),
        ]

    def __str__(self):
        return f"{self.article_id} {self.kind} {self.occurred_at:%Y-%m-%d %H:%M:%S}"
