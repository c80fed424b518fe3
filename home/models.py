"""The site shell: home page, content pages, news and notices, settings and menus."""

from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index

from cms.blocks import BodyStreamBlock
from cms.mixins import ListingFieldsMixin
from cms.pagination import paginate
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
        context["sections"] = self.get_children().live().public().in_menu().specific().defer_streamfields()
        return context


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


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """Who runs the site, shown in the header and footer; both languages kept side by side."""

    center_name = models.CharField(_("center name"), max_length=200, default="浙江省社区教育指导中心")
    center_name_en = models.CharField(
        _("center name (English)"),
        max_length=200,
        default="Zhejiang Provincial Community Education Guidance Center",
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    icp_number = models.CharField(
        _("ICP record number"),
        max_length=100,
        blank=True,
        help_text=_("For example 浙ICP备12345678号; links to the MIIT record site."),
    )
    public_security_number = models.CharField(
        _("public security record number"),
        max_length=100,
        blank=True,
        help_text=_("For example 浙公网安备 33010602000000号."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("center_name"), FieldPanel("center_name_en")], heading=_("Name")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("address_en"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("public_security_number")],
            heading=_("Record numbers"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    def _localized(self, field):
        english = get_language() == "en"
        return (english and getattr(self, f"{field}_en")) or getattr(self, field)

    @property
    def localized_name(self):
        return self._localized("center_name")

    @property
    def localized_address(self):
        return self._localized("address")


class NavigationMenu(TranslatableMixin, ClusterableModel):
    """An editable menu (main navigation or footer), translated per language."""

    class Slot(models.TextChoices):
        MAIN = "main", _("Main navigation")
        FOOTER = "footer", _("Footer")

    slot = models.CharField(_("slot"), max_length=20, choices=Slot.choices)

    panels = [FieldPanel("slot"), InlinePanel("items", label=_("Menu items"))]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        constraints = [
            models.UniqueConstraint(fields=["slot", "locale"], name="unique_menu_slot_per_locale"),
        ]

    def __str__(self):
        return f"{self.get_slot_display()} ({self.locale})"

    @classmethod
    def for_active_locale(cls, slot):
        """The menu in the reader's language, or the default language's when untranslated."""
        menus = {m.locale_id: m for m in cls.objects.filter(slot=slot).select_related("locale")}
        active = Locale.get_active()
        menu = menus.get(active.pk) or menus.get(Locale.get_default().pk)
        return menu


class NavigationMenuItem(Orderable):
    menu = ParentalKey(NavigationMenu, related_name="items", on_delete=models.CASCADE)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    link_url = models.CharField(
        _("URL"),
        max_length=500,
        blank=True,
        help_text=_("For links that are not pages, e.g. /sitemap.xml."),
    )
    title = models.CharField(
        _("title"),
        max_length=100,
        blank=True,
        help_text=_("The page title is used if empty."),
    )

    panels = [FieldPanel("link_page"), FieldPanel("link_url"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("menu item")

    def clean(self):
        from django.core.exceptions import ValidationError

        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose a page or enter a URL, not both."))
