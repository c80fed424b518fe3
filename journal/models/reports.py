"""Development reports, case collections and their cases, and research projects."""

import datetime

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from rest_framework import serializers
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index

from cms.core import structured_data
from cms.core.blocks import BodyStreamBlock
from cms.core.mixins import ListingFieldsMixin
from cms.core.models import Region
from cms.core.pagination import paginate
from cms.core.query_values import whole_number


class ChapterBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    summary = blocks.TextBlock(label=_("Summary"), required=False)
    body = blocks.RichTextBlock(label=_("Text"), required=False)

    class Meta:
        icon = "doc-full"
        template = "journal/blocks/chapter_block.html"
        label = _("Chapter")
        description = _("One chapter of a report: its title, a summary and, optionally, its text.")
        preview_value = {"title": "第一章 总报告", "summary": "全省社区教育发展的总体情况。"}


class ReportPage(ListingFieldsMixin, Page):
    """A yearly development report, e.g. 《2017-2018浙江省社区教育发展报告》."""

    year_from = models.PositiveIntegerField(_("from year"))
    year_to = models.PositiveIntegerField(_("to year"))
    introduction = models.TextField(_("introduction"), blank=True)
    chapters = StreamField([("chapter", ChapterBlock())], blank=True, verbose_name=_("chapters"))
    pdf = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("PDF"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("year_from"), FieldPanel("year_to")]),
        FieldPanel("introduction"),
        FieldPanel("chapters"),
        FieldPanel("pdf"),
    ]
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("chapters")]
    api_fields = [APIField("year_from"), APIField("year_to"), APIField("introduction"), APIField("chapters")]
    parent_page_types = ["home.HomePage", "home.ContentPage", "journal.JournalPage"]
    subpage_types = []
    page_description = _("A development report covering one or more years, with chapters and a PDF.")
    requires_moderation = True

    class Meta:
        verbose_name = _("report page")
        verbose_name_plural = _("report pages")

    def search_facets(self):
        """The site search's date (search.documents): the last year the report covers."""
        return {"date": datetime.date(self.year_to, 12, 31) if self.year_to else None}

    def structured_data(self, request):
        pdf = self.pdf.url if self.pdf_id else None
        return [
            structured_data.creative_work(
                request,
                self,
                "Report",
                temporalCoverage=f"{self.year_from}/{self.year_to}" if self.year_from and self.year_to else None,
                encoding=(
                    {
                        "@type": "MediaObject",
                        "contentUrl": request.build_absolute_uri(pdf),
                        "encodingFormat": "application/pdf",
                    }
                    if pdf
                    else None
                ),
            )
        ]


class CaseCollectionPage(Page):
    """A case collection (案例集); readers filter its cases by region and theme."""

    introduction = models.TextField(_("introduction"), blank=True)
    year = models.PositiveIntegerField(_("year"), null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("year"), FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction"), APIField("year")]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = ["journal.CasePage"]
    page_description = _("A collection of cases, browsable by region and theme.")
    requires_moderation = True
    per_page = 12

    class Meta:
        verbose_name = _("case collection page")
        verbose_name_plural = _("case collection pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        cases = CasePage.objects.child_of(self).live().public().select_related("listing_image", "image")
        all_themes = sorted(set(cases.values_list("theme", flat=True)) - {""})
        cities = list(Region.objects.filter(level=Region.Level.CITY))
        # Cities are named in the query by their slug (?region=hangzhou), as before they were rows.
        city = next((c for c in cities if c.slug and c.slug == request.GET.get("region")), None)
        region = city.slug if city else None
        theme = request.GET.get("theme")
        if city:
            cases = cases.filter(city=city)
        if theme in all_themes:
            cases = cases.filter(theme=theme)
        else:
            theme = None
        context.update(
            cases=paginate(request, cases.order_by("path"), self.per_page),
            regions=[(c.slug, c.label) for c in cities],
            themes=all_themes,
            region=region,
            theme=theme,
        )
        return context


class CasePage(ListingFieldsMixin, Page):
    city = models.ForeignKey(
        Region,
        verbose_name=_("city"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Region.Level.CITY},
    )
    county = models.CharField(_("district or county"), max_length=50, blank=True)
    institution = models.CharField(_("institution"), max_length=200)
    theme = models.CharField(
        _("theme"),
        max_length=50,
        help_text=_("E.g. 文化传承, 产业技能, 老年教育; cases with the same theme are grouped."),
    )
    summary = models.TextField(_("summary"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    narrative = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("narrative"))
    outcomes = RichTextField(_("outcomes"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("city"), FieldPanel("county")]),
        FieldRowPanel([FieldPanel("institution"), FieldPanel("theme")]),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("narrative"),
        FieldPanel("outcomes"),
    ]
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("narrative"),
        index.SearchField("institution"),
        index.FilterField("city"),
        index.FilterField("theme"),
    ]
    api_fields = [
        # As before cities were shared rows: the city's slug, "hangzhou".
        APIField("region", serializer=serializers.CharField(source="city.slug", read_only=True)),
        APIField("county"),
        APIField("institution"),
        APIField("theme"),
        APIField("summary"),
        APIField("narrative"),
        APIField("outcomes"),
    ]
    parent_page_types = ["journal.CaseCollectionPage"]
    subpage_types = []
    page_description = _("One case: where, who, what was done and what came of it.")

    class Meta:
        verbose_name = _("case page")
        verbose_name_plural = _("case pages")

    def search_facets(self):
        """The site search's region (search.documents): the city's name, as course pages give it."""
        return {"region": self.city.name if self.city_id else ""}

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    def structured_data(self, request):
        place = {"@type": "Place", "name": self.county or (self.city.label if self.city_id else "")}
        return [
            structured_data.creative_work(
                request,
                self,
                "Article",
                headline=self.title,
                spatialCoverage=place,
                sourceOrganization={"@type": "Organization", "name": self.institution},
            )
        ]


class ResearchProject(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    """A research project (课题) or an outstanding research result (优秀科研成果).

    Drafts and moderation as for pages: the research listing shows live projects only, and one
    that a call selects waits as a draft for a moderator (journal/call_outcomes.py)."""

    class Kind(models.TextChoices):
        PLANNED = "planned", _("Planned project")
        EXPERIMENTAL = "experimental", _("Experimental project")
        RESULT = "result", _("Outstanding research result")

    class Status(models.TextChoices):
        APPROVED = "approved", pgettext_lazy("research project status", "Approved")
        IN_PROGRESS = "in_progress", pgettext_lazy("research project status", "In progress")
        COMPLETED = "completed", _("Completed")
        AWARDED = "awarded", _("Awarded")

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    year = models.PositiveIntegerField(_("year"))
    lead = models.CharField(_("lead"), max_length=100)
    institution = models.CharField(_("institution"), max_length=200)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.APPROVED)
    summary = models.TextField(_("summary"), blank=True)
    # Deleting a project deletes its revisions and workflow states (they point at it generically).
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="research_project",
        for_concrete_model=False,
    )
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="research_project",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("year"), FieldPanel("status")]),
        FieldRowPanel([FieldPanel("lead"), FieldPanel("institution")]),
        FieldPanel("summary"),
    ]

    class Meta:
        verbose_name = _("research project")
        verbose_name_plural = _("research projects")
        ordering = ["-year", "kind", "title"]

    def __str__(self):
        return f"{self.title}（{self.year}）"


class ResearchIndexPage(Page):
    """Lists research projects and outstanding results, filterable by kind and year."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    api_fields = [APIField("introduction")]
    parent_page_types = ["home.HomePage", "home.ContentPage"]
    subpage_types = []
    max_count = 1
    page_description = _("Research projects (课题) and outstanding results, from the research projects snippets.")
    per_page = 30

    class Meta:
        verbose_name = _("research index page")
        verbose_name_plural = _("research index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = ResearchProject.objects.filter(live=True)
        kind = request.GET.get("kind")
        if kind in ResearchProject.Kind.values:
            projects = projects.filter(kind=kind)
        else:
            kind = None
        year = whole_number(request.GET.get("year"))
        years = list(
            ResearchProject.objects.filter(live=True).order_by("-year").values_list("year", flat=True).distinct()
        )
        if year in years:
            projects = projects.filter(year=year)
        else:
            year = None
        context.update(
            projects=paginate(request, projects, self.per_page),
            kinds=ResearchProject.Kind.choices,
            kind=kind,
            years=years,
            year=year,
        )
        return context
