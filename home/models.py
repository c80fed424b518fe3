"""The site shell: home page, content pages, news and notices."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core import structured_data
from cms.core.blocks import BodyStreamBlock
from cms.core.mixins import ListingFieldsMixin
from cms.core.models import SiteIdentity, SiteSettings
from cms.core.pagination import paginate
from home.feeds import NewsAtomFeed, NewsRssFeed


class HomePage(Page):
    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("banner image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photo for the top of the home page."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction"), APIField("body")]

    parent_page_types = ["wagtailcore.Page"]
    page_description = _("The front page of a site (one per language).")

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(kind=NewsPage.Kind.NEWS)
            .select_related("listing_image", "image")
            .order_by("-date", "-pk")[:6]
        )
        context["latest_notices"] = (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .filter(kind=NewsPage.Kind.NOTICE)
            .order_by("-date", "-pk")[:6]
        )
        # Only titles and URLs are shown: the plain pages, without a query per page type.
        context["sections"] = self.get_children().live().public().in_menu()
        return context

    def structured_data(self, request):
        """Who runs the site, and the site with its search box (schema.org Organization, WebSite)."""
        site_settings = SiteSettings.for_request(request)
        identity = SiteIdentity.for_request(request)
        name = identity.center_name if identity else request.get_host()
        other_names = [other for other in SiteIdentity.all_names(request) if other != name]
        home_url = request.build_absolute_uri(self.get_url(request))
        return [
            structured_data.organization(
                request,
                name,
                alternate_name=other_names,
                email=site_settings.email,
                phone=site_settings.phone,
            ),
            structured_data.website(request, name, home_url, self.locale.language_code),
        ]


class ContentPage(ListingFieldsMixin, Page):
    """A standard page: about the center, guides, policies."""

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
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("introduction"), APIField("body"), APIField("listing_summary")]
    page_description = _("A general page with rich text, images, tables and documents.")

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children"] = self.get_children().live().public().specific().defer_streamfields()
        return context


class NewsIndexPage(RoutablePageMixin, Page):
    """News and notices (新闻、通知公告), newest first, with RSS and Atom feeds."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    subpage_types = ["home.NewsPage"]
    page_description = _("Lists news items and notices; editors may publish here directly.")
    editors_can_publish = True
    per_page = 10

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news_items(self, kind=None):
        items = NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        if kind:
            items = items.filter(kind=kind)
        return items

    @path("")
    def index(self, request):
        kind = request.GET.get("kind")
        if kind not in NewsPage.Kind.values:
            kind = None
        items = self.news_items(kind).select_related("listing_image", "image")
        return self.render(
            request,
            context_overrides={
                "news_page": paginate(request, items, self.per_page),
                "kind": kind,
                "kinds": NewsPage.Kind.choices,
            },
        )

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(ListingFieldsMixin, Page):
    class Kind(models.TextChoices):
        NEWS = "news", _("News")
        NOTICE = "notice", _("Notice")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NEWS)
    date = models.DateField(_("date"), default=timezone.localdate)
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Who issued this news or notice, e.g. a community college."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldPanel("source"),
        FieldPanel("introduction"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels + ListingFieldsMixin.listing_panels
    search_fields = Page.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("date"),
        APIField("source"),
        APIField("introduction"),
        APIField("body"),
    ]
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []
    page_description = _("A news item or a notice (通知公告).")

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    def structured_data(self, request):
        return [
            structured_data.creative_work(
                request,
                self,
                "NewsArticle",
                headline=self.title,
                datePublished=self.date.isoformat(),
                author={"@type": "Organization", "name": self.source} if self.source else None,
            )
        ]
