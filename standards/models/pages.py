"""The standards section: an index of standards, each version a page with a clause-structured body."""

from functools import cached_property

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core import structured_data
from search.analysis import normalise
from standards.blocks import StandardBodyBlock
from standards.routes import StandardRoutesMixin
from standards.structure import outline


class StandardIndexPage(Page):
    """The standards section: lists the standards and their versions, with FAQ and downloads below."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    subpage_types = ["standards.StandardPage", "home.ContentPage"]
    page_description = _("The standards section: each standard's versions, with FAQ, examples and downloads.")
    requires_moderation = True

    class Meta:
        verbose_name = _("standards index page")
        verbose_name_plural = _("standards index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["standards"] = (
            StandardPage.objects.child_of(self).live().public().defer_streamfields().order_by("code", "-issued_date")
        )
        context["pages"] = self.get_children().live().public().not_type(StandardPage).specific()
        return context


class StandardPage(StandardRoutesMixin, RoutablePageMixin, Page):
    """One version of a standard (征求意见稿, 发布稿…) at its own URL."""

    class Status(models.TextChoices):
        DRAFT = "draft", pgettext_lazy("standard stage", "Draft")
        CURRENT = "current", _("Current")
        SUPERSEDED = "superseded", _("Superseded")

    class Stage(models.TextChoices):
        FOR_COMMENT = "for_comment", _("征求意见稿 (draft for comment)")
        FOR_REVIEW = "for_review", _("送审稿 (draft for review)")
        FOR_APPROVAL = "for_approval", _("报批稿 (draft for approval)")
        PUBLISHED = "published", _("发布稿 (published)")

    code = models.CharField(
        pgettext_lazy("standard", "code"), max_length=60, help_text=_("For example DB33/T 2901—2026.")
    )
    title_en = models.CharField(pgettext_lazy("standard", "English title"), max_length=300, blank=True)
    version = models.CharField(
        _("version"), max_length=60, help_text=_("How readers name this version, e.g. 2026 or 2026征求意见稿.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    stage = models.CharField(_("document stage"), max_length=14, choices=Stage.choices, default=Stage.FOR_COMMENT)
    issuing_body = models.CharField(_("issuing body"), max_length=200, blank=True)
    issued_date = models.DateField(_("date issued"), null=True, blank=True)
    effective_date = models.DateField(_("date effective"), null=True, blank=True)
    comments_close = models.DateField(
        _("comments close"),
        null=True,
        blank=True,
        help_text=_("While a draft for comment is open, readers may comment on each clause until this date."),
    )
    supersedes = models.ForeignKey(
        "self",
        verbose_name=_("supersedes"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The earlier version this one replaces; the change view compares against it."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The typeset PDF of this version, offered as a download."),
    )
    body = StreamField(StandardBodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("code"), FieldPanel("version")]),
                FieldPanel("title_en"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("stage")]),
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("issued_date"), FieldPanel("effective_date"), FieldPanel("comments_close")]),
                FieldPanel("supersedes"),
                FieldPanel("pdf"),
            ],
            heading=_("Standard"),
        ),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.SearchField("title_en"),
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    api_fields = [
        APIField("code"),
        APIField("title_en"),
        APIField("version"),
        APIField("status"),
        APIField("stage"),
        APIField("issuing_body"),
        APIField("issued_date"),
        APIField("effective_date"),
        APIField("introduction"),
    ]
    parent_page_types = ["standards.StandardIndexPage"]
    subpage_types = []
    page_description = _("One version of a standard, written clause by clause; numbers are computed.")
    requires_moderation = True

    class Meta:
        verbose_name = _("standard")
        verbose_name_plural = _("standards")

    @cached_property
    def document(self):
        return outline(self.body)

    @property
    def comments_open(self):
        if self.stage != self.Stage.FOR_COMMENT:
            return False
        return self.comments_close is None or timezone.localdate() <= self.comments_close

    def versions(self):
        """Every live version of this standard (same code), oldest first."""
        return (
            StandardPage.objects.live()
            .public()
            .filter(code=self.code, locale_id=self.locale_id)
            .defer_streamfields()
            .order_by("issued_date", "first_published_at", "pk")
        )

    def structured_data(self, request):
        """The standard as a CreativeWork, and its clauses' JSON export as a Dataset."""
        url = request.build_absolute_uri(self.get_url(request))
        clauses_url = request.build_absolute_uri(self.get_url(request) + self.reverse_subpage("json"))
        standard = structured_data.creative_work(
            request,
            self,
            alternateName=self.title_en or None,
            identifier=self.code,
            version=self.version,
            creator={"@type": "Organization", "name": self.issuing_body} if self.issuing_body else None,
            datePublished=self.issued_date.isoformat() if self.issued_date else None,
        )
        clauses = structured_data.compact(
            {
                "@context": structured_data.CONTEXT,
                "@type": "Dataset",
                "name": f"{self.title} ({self.code})" if self.code else self.title,
                "description": standard.get("description") or self.title,
                "url": clauses_url,
                "inLanguage": standard["inLanguage"],
                "isBasedOn": url,
                "creator": standard.get("creator"),
                "distribution": {
                    "@type": "DataDownload",
                    "encodingFormat": "application/json",
                    "contentUrl": clauses_url + "?download",
                },
            }
        )
        return [standard, clauses]

    def citation(self, clause):
        return f"《{self.title}》（{self.code}）第{clause.number}条"

    def search_result_parts(self, words, limit=3):
        """The clauses holding every searched word, for the site search to link under this
        standard (`words` normalised as search.analysis does: simplified, case folded)."""
        parts = []
        for clause in self.document.clauses:
            if all(word in normalise(f"{clause.heading}\n{clause.text}") for word in words):
                url = self.url + self.reverse_subpage("clause", kwargs={"number": clause.number})
                parts.append({"label": clause.heading, "url": url, "text": clause.text})
                if len(parts) == limit:
                    break
        return parts
