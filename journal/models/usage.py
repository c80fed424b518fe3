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
