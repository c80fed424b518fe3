"""Readers' comments on the clauses of a draft for comment."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ClauseComment(models.Model):
    """A reader's comment on one clause of a draft for comment; reviewed by editors, never published."""

    class Status(models.TextChoices):
        NEW = "new", pgettext_lazy("clause comment status", "New")
        ACCEPTED = "accepted", _("Accepted")
        PARTLY = "partly", _("Partly accepted")
        REJECTED = "rejected", _("Not accepted")

    standard = models.ForeignKey(
        "standards.StandardPage", verbose_name=_("standard"), on_delete=models.CASCADE, related_name="clause_comments"
    )
    clause_id = models.CharField(_("clause id"), max_length=64)
    clause_number = models.CharField(_("clause number"), max_length=40, help_text=_("As numbered when submitted."))
    name = models.CharField(pgettext_lazy("person", "name"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    text = models.TextField(pgettext_lazy("clause comment", "comment"), max_length=4000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW)
    response = models.TextField(_("response"), blank=True, help_text=_("How the drafting group dealt with it."))
    submitted_at = models.DateTimeField(_("submitted at"), default=timezone.now)

    class Meta:
        verbose_name = _("clause comment")
        verbose_name_plural = _("clause comments")
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.clause_number} · {self.name}"
