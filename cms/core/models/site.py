"""How to reach the site's owner and how readers move around it: site settings and navigation menus
(the centre's name and address, worded per language, are SiteIdentity's)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Locale, Orderable, TranslatableMixin


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The site's details that read the same in every language, shown in the footer."""

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
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Contact")),
        MultiFieldPanel(
            [FieldPanel("icp_number"), FieldPanel("public_security_number")],
            heading=_("Record numbers"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")


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
        # Named apart from home's old constraint: PostgreSQL names must be unique while both tables
        # exist during the move (home 0003).
        constraints = [
            models.UniqueConstraint(fields=["slot", "locale"], name="core_unique_menu_slot_per_locale"),
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
        if bool(self.link_page_id) == bool(self.link_url):
            raise ValidationError(_("Choose a page or enter a URL, not both."))
