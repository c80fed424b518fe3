"""Who runs the site, in each language: the centre's name and address the header and footer show.

One row per language, translated like the menus (wagtail-localize's "Translate" on the snippet);
the language-neutral details (phone, e-mail, record numbers) stay in SiteSettings."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin

from cms.core import fragment_cache
from cms.core.locales import active_locale, default_locale


class SiteIdentity(TranslatableMixin, models.Model):
    center_name = models.CharField(_("center name"), max_length=200)
    address = models.CharField(_("address"), max_length=300, blank=True)

    panels = [FieldPanel("center_name"), FieldPanel("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("center name and address")
        verbose_name_plural = _("center name and address")
        constraints = [models.UniqueConstraint(fields=["locale"], name="core_one_site_identity_per_locale")]

    def __str__(self):
        return f"{self.center_name} ({self.locale})"

    @classmethod
    def for_active_locale(cls):
        """The row in the reader's language, or the default language's when untranslated."""
        active, default = active_locale(), default_locale()
        rows = {row.locale_id: row for row in cls.objects.filter(locale__in=[active, default])}
        return rows.get(active.pk) or rows.get(default.pk)

    @classmethod
    def for_request(cls, request):
        """for_active_locale(), read once per request and kept in the fragment cache between them."""
        return fragment_cache.cached(request, "identity", (get_language(),), cls.for_active_locale)

    @classmethod
    def all_names(cls, request):
        """Every language's name for the centre, sorted (structured data's alternate names)."""
        return fragment_cache.cached(
            request, "identity-names", (), lambda: sorted(cls.objects.values_list("center_name", flat=True))
        )
