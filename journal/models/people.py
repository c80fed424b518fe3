"""Reusable snippets: people who write for the journal, and the journal's sections (栏目)."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from cms.core.search_index import IndexedQuerySet
from journal.names import chinese_name

ORCID_PATTERN = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")


def orcid_checksum_ok(orcid):
    """ISO 7064 11,2 check digit, as ORCID computes it."""
    digits = orcid.replace("-", "")
    total = 0
    for char in digits[:-1]:
        total = (total + int(char)) * 2
    result = (12 - total % 11) % 11
    check = "X" if result == 10 else str(result)
    return digits[-1] == check


def validate_orcid(value):
    if not ORCID_PATTERN.match(value or ""):
        raise ValidationError(_("An ORCID iD looks like 0000-0002-1825-0097."), code="orcid_format")
    if not orcid_checksum_ok(value):
        raise ValidationError(_("This ORCID iD has a wrong check digit."), code="orcid_checksum")


class Person(index.Indexed, models.Model):
    """An author (or board member): one record reused across every article they write."""

    name = models.CharField(
        pgettext_lazy("person", "name"),
        max_length=100,
        help_text=_("Chinese names family name first without a space, e.g. 王小明."),
    )
    name_en = models.CharField(
        pgettext_lazy("person", "English name"),
        max_length=150,
        blank=True,
        help_text=_("As the person writes it, e.g. Wang Xiaoming; write “Family, Given” when the order is unclear."),
    )
    affiliation = models.CharField(_("affiliation"), max_length=255, blank=True)
    affiliation_en = models.CharField(_("affiliation (English)"), max_length=255, blank=True)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True, validators=[validate_orcid])
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("For the editors only; never shown on the public site or in exported metadata."),
    )
    notes = models.TextField(
        _("author notes (作者简介)"),
        blank=True,
        help_text=_("E.g. 王小明（1980—），男，浙江杭州人，副教授，主要研究方向为社区教育。"),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]),
        FieldRowPanel([FieldPanel("affiliation"), FieldPanel("affiliation_en")]),
        MultiFieldPanel([FieldPanel("orcid"), FieldPanel("email")], heading=_("Identifiers and contact")),
        FieldPanel("notes"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("name_en"),
        index.SearchField("affiliation"),
        index.AutocompleteField("name"),
    ]
    objects = IndexedQuerySet.as_manager()  # indexed on bulk creation too

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name}（{self.affiliation}）" if self.affiliation else self.name

    def save(self, *args, **kwargs):
        self.name = chinese_name(self.name)
        super().save(*args, **kwargs)

    @property
    def display_name(self):
        return chinese_name(self.name)


class Section(models.Model):
    """A journal section (栏目), e.g. 理论探索; the editors order them."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    name_en = models.CharField(_("English name"), max_length=150, blank=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True, allow_unicode=False)
    sort_order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Sections appear in a table of contents in this order (smallest first).")
    )

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("name_en")]), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["sort_order", "pk"]

    def __str__(self):
        return self.name
