"""The organisation directory: DirectoryIndexPage → OrganisationPage, one public page per
community college, school, base, training centre or association. The index also shows the
experts who chose a public profile and the yearly 百佳 volunteer roll (routes, not pages)."""

from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from network import profiles
from network.directory import Directory
from network.jsonld import organisation_jsonld

from .regions import REGION_MODEL


class DirectoryIndexPage(RoutablePageMixin, Page):
    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]
    subpage_types = ["network.OrganisationPage"]
    page_description = _(
        "The directory of the network's organisations, with the expert pool and the 百佳 volunteer roll."
    )
    per_page = 20

    class Meta:
        verbose_name = _("organisation directory")
        verbose_name_plural = _("organisation directories")

    def organisations(self):
        return OrganisationPage.objects.child_of(self).live().public()

    @path("")
    def directory(self, request):
        return self.render(
            request,
            context_overrides={"directory": Directory(self, request.GET, OrganisationPage.Kind.choices).build(request)},
        )

    @path("experts/")
    def experts(self, request):
        context = {"page": self, "experts": profiles.public_experts_page(request)}
        return TemplateResponse(request, "network/expert_list.html", context)

    @path("experts/<int:expert_id>/")
    def expert(self, request, expert_id):
        context = {"page": self, "expert": profiles.public_expert(expert_id)}
        return TemplateResponse(request, "network/expert_profile.html", context)

    @path("volunteers/top-100/")
    @path("volunteers/top-100/<int:year>/")
    def top_volunteers(self, request, year=None):
        roll = profiles.top_100_roll(year)
        if roll is None:
            raise Http404
        return TemplateResponse(request, "network/top_volunteers.html", {"page": self, **roll})

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        return urls + [{"location": base + tail, "lastmod": None} for tail in profiles.public_sitemap_paths()]


class OrganisationPage(Page):
    class Kind(models.TextChoices):
        COMMUNITY_COLLEGE = "community_college", _("Community college")
        COMMUNITY_SCHOOL = "community_school", _("Community school")
        RESEARCH_BASE = "research_base", _("Research base")
        EXPERIENCE_BASE = "experience_base", _("Experience base")
        TRAINING_CENTRE = "training_centre", _("Training centre")
        ASSOCIATION = "association", _("Association")

    class Level(models.TextChoices):
        PROVINCE = "province", _("Province")
        CITY = "city", _("City")
        COUNTY = "county", _("County or district")
        TOWN = "town", _("Town or street")
        VILLAGE = "village", _("Village or community")

    kind = models.CharField(_("type"), max_length=30, choices=Kind.choices)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices, blank=True)
    region = models.ForeignKey(
        REGION_MODEL,
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The city, or the district or county; empty for a provincial organisation."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(
        _("office telephone"), max_length=40, blank=True, help_text=_("Public: the organisation's office line.")
    )
    email = models.EmailField(_("office e-mail"), blank=True, help_text=_("Public: the organisation's address."))
    website = models.URLField(_("website"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("level")]),
        FieldPanel("region"),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")],
            heading=_("Public contacts"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("address"),
        index.FilterField("kind"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("level"),
        APIField("region_label"),
        APIField("introduction"),
        APIField("address"),
        APIField("phone"),
        APIField("email"),
        APIField("website"),
    ]
    api_prefetch_related = ["region__parent"]
    parent_page_types = ["network.DirectoryIndexPage"]
    subpage_types = []
    page_description = _("A community college, school, base, training centre or association of the network.")

    class Meta:
        verbose_name = pgettext_lazy("directory entry", "organisation")
        verbose_name_plural = _("organisations")

    @property
    def region_label(self):
        region = self.region
        if region is None:
            return ""
        return " · ".join(str(part) for part in (region.parent, region) if part)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["jsonld"] = organisation_jsonld(self, request)
        return context
