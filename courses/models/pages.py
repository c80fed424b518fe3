"""The course catalog pages: CourseIndexPage → CoursePage (with ordered lessons), themed resource sets."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtailmedia.edit_handlers import MediaChooserPanel

from cms.core import structured_data
from cms.core.blocks import BodyStreamBlock
from cms.core.mixins import ListingFieldsMixin
from cms.core.models import RegionFieldsMixin
from cms.core.moderation import HeldInModerationMixin
from courses.catalog import Catalog
from courses.jsonld import course_data
from courses.page_extras import course_page_extras

from ..activities_panel import CourseActivitiesPanel
from ..widgets import region_panel
from .activities import LearningActivity
from .taxonomy import in_source_language, with_labels

MEDIA_MODEL = "wagtailmedia.Media"


class CourseIndexPage(Page):
    """The catalog: every live course below it, filtered by facets through GET links."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    subpage_types = ["courses.CoursePage"]
    page_description = _("The characteristic course catalog, with filters by category, audience, region and year.")
    editors_can_publish = True
    per_page = 12

    class Meta:
        verbose_name = _("course catalog")
        verbose_name_plural = _("course catalogs")

    def courses(self):
        """The live, public courses of this catalog."""
        return CoursePage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalog"] = Catalog(self, request.GET).build(request, per_page=self.per_page)
        return context


class CourseTag(TaggedItemBase):
    content_object = ParentalKey("courses.CoursePage", related_name="tagged_items", on_delete=models.CASCADE)


class CoursePage(HeldInModerationMixin, RegionFieldsMixin, ListingFieldsMixin, Page):
    class Mode(models.TextChoices):
        IN_HALL = "in_hall", _("In the cultural hall")
        ONLINE = "online", _("Online")
        BLENDED = "blended", _("Blended")

    code = models.CharField(
        _("course code"),
        max_length=40,
        db_index=True,
        help_text=_("E.g. ZJ2019-001; imports match on it. Unique in each language; translations share it."),
    )
    summary = models.TextField(_("summary"), help_text=_("Two or three sentences for lists and search results."))
    description = RichTextField(pgettext_lazy("introduction", "description"), blank=True)
    category = models.ForeignKey(
        "courses.Category",
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="courses",
        limit_choices_to=in_source_language,
    )
    audiences = ParentalManyToManyField(
        "courses.Audience", verbose_name=_("audiences"), blank=True, limit_choices_to=in_source_language
    )
    provider = models.ForeignKey(
        "courses.Provider",
        verbose_name=_("provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="courses",
    )
    instructors = ParentalManyToManyField("courses.Instructor", verbose_name=_("instructors"), blank=True)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, default=0)
    lesson_count = models.PositiveSmallIntegerField(_("number of lessons"), default=0)
    year = models.PositiveSmallIntegerField(_("selection year"), db_index=True)
    batch = models.CharField(_("batch"), max_length=20, blank=True, help_text=_("E.g. 第一批."))
    mode = models.CharField(_("delivery mode"), max_length=10, choices=Mode.choices, default=Mode.IN_HALL)
    in_language = models.CharField(
        _("language of instruction"), max_length=20, default="zh-CN", help_text=_("A BCP 47 tag, e.g. zh-CN.")
    )
    tags = ClusterTaggableManager(through=CourseTag, blank=True, verbose_name=_("tags"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A 16:9 picture, at least 1200 pixels wide."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("year"), FieldPanel("batch")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                # A list of the Chinese terms (limit_choices_to); the snippet chooser would offer every language.
                FieldPanel("category", widget=forms.Select),
                FieldPanel("audiences"),
                region_panel(),
                FieldPanel("provider"),
                FieldPanel("instructors"),
                FieldRowPanel([FieldPanel("hours"), FieldPanel("lesson_count"), FieldPanel("mode")]),
                FieldPanel("in_language"),
                FieldPanel("tags"),
            ],
            heading=_("Catalog data"),
        ),
        InlinePanel("lessons", label=_("Lessons")),
        CourseActivitiesPanel(),
    ]
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    # Every language's copy points at the category in the source language (its label is translated),
    # so filter links and facet counts are the same on both catalogs.
    override_translatable_fields = [SynchronizedField("category", overridable=False)]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("code"),
        index.FilterField("year"),
        index.FilterField("mode"),
        index.FilterField("category"),
    ]
    api_fields = [
        APIField("code"),
        APIField("summary"),
        APIField("description"),
        APIField("hours"),
        APIField("lesson_count"),
        APIField("year"),
        APIField("batch"),
        APIField("mode"),
        APIField("in_language"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []
    page_description = _("A characteristic course with its lessons and resources.")

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def clean(self):
        super().clean()  # the county lies in the city (RegionFieldsMixin)
        # Not a database constraint: a course and its translations share one code.
        same_code = CoursePage.objects.filter(code=self.code, locale_id=self.locale_id).exclude(pk=self.pk)
        if self.code and same_code.exists():
            raise ValidationError({"code": _("Another course already has this code.")})

    def get_listing_summary(self):
        return self.listing_summary or self.summary

    def search_facets(self):
        """The site search's facet values (search.documents): the course's city, category and year."""
        return {
            "region": self.city.name if self.city_id else "",
            "category": self.category_name_in_own_language(),
            "year": self.year,
        }

    def category_name_in_own_language(self):
        """The category's name in this page's language (the site search indexes each language's copy)."""
        if not self.category_id:
            return ""
        translation = self.category.get_translation_or_none(self.locale_id)
        return (translation or self.category).name

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Activities belong to the course in its source language; its translations show them too.
        activities = list(
            LearningActivity.objects.public()
            .filter(course__translation_key=self.translation_key)
            .select_related("venue", "venue__city", "venue__county")
            .order_by("start", "pk")
        )
        context["activities"] = activities
        context["lessons"] = self.lessons.select_related(
            "video", "audio", "document", "video_captions", "audio_captions"
        )
        audiences = with_labels(self.audiences.all())
        with_labels([self.category])  # page.category.label, for the template
        context["audiences"] = audiences
        context["structured_data"] = [course_data(self, activities, audiences, request)]
        context["extras"] = course_page_extras(self, request)
        return context


class Lesson(TranslatableMixin, Orderable):
    """One lesson of a course, with up to one video, one audio and one document, each optionally captioned.

    Translatable with its course: wagtail-localize offers translators its title and summary, and
    keeps its length and media the source lesson's."""

    course = ParentalKey(CoursePage, related_name="lessons", on_delete=models.CASCADE)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), null=True, blank=True)
    video = models.ForeignKey(
        MEDIA_MODEL, verbose_name=_("video"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    video_captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video captions"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A WebVTT (.vtt) or SubRip (.srt) file."),
    )
    audio = models.ForeignKey(
        MEDIA_MODEL, verbose_name=_("audio"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    audio_captions = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audio transcript"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A WebVTT (.vtt) or SubRip (.srt) file."),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Handouts or slides."),
    )

    # The media are the course's, the same in every language (captions are tagged Chinese): translators
    # see only the words, not choosers for the media.
    override_translatable_fields = [
        SynchronizedField(name, overridable=False)
        for name in ("video", "video_captions", "audio", "audio_captions", "document")
    ]

    panels = [
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        MediaChooserPanel("video", media_type="video"),
        FieldPanel("video_captions"),
        MediaChooserPanel("audio", media_type="audio"),
        FieldPanel("audio_captions"),
        FieldPanel("document"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def __str__(self):
        return self.title


class ResourceSetPage(ListingFieldsMixin, Page):
    """A themed set of resources for elderly education (老年教育专题): courses plus free-form material."""

    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the page."),
    )
    platform = models.CharField(
        _("platform"), max_length=100, blank=True, help_text=_("Where the set is also offered, e.g. 第三年龄学堂.")
    )
    courses = ParentalManyToManyField(CoursePage, verbose_name=_("courses"), blank=True, related_name="resource_sets")
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("platform"),
        FieldPanel("courses"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    api_fields = [APIField("introduction"), APIField("platform"), APIField("body")]
    subpage_types = []
    page_description = _("A themed set of elderly-education resources (老年教育专题).")

    class Meta:
        verbose_name = _("themed resource set")
        verbose_name_plural = _("themed resource sets")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course_ids = [course.pk for course in self.courses.all()]
        set_courses = (
            CoursePage.objects.filter(pk__in=course_ids)
            .live()
            .public()
            .select_related("category", "city", "image")
            .order_by("-year", "title")
        )
        context["set_courses"] = set_courses
        with_labels(course.category for course in set_courses)
        return context

    def structured_data(self, request):
        return [structured_data.creative_work(request, self, learningResourceType=self.platform or None)]
