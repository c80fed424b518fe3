"""Template tags for the page shell: breadcrumbs, language alternates, page elision."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.models import Page, Site

from cms.core import locales

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    page = page or context.get("page")
    trail = []
    if page is not None and page.depth > 2:
        trail = list(page.get_ancestors().filter(depth__gte=2).live().only("id", "title", "url_path", "depth"))
    return {"request": context.get("request"), "trail": trail, "current": page}


def _language_names():
    return dict(settings.LANGUAGES)


@register.simple_tag(takes_context=True)
def language_alternates(context, page=None):
    """One entry per site language: where the reader goes for it and whether it exists.

    For a page, the target is its live translation, falling back to that language's home
    page; for any other view, Django's URL translation of the current path.
    """
    request = context.get("request")
    page = page or context.get("page")
    current = get_language()
    names = _language_names()
    alternates = []
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    site = Site.find_for_request(request) if request else None
    homes = {}
    if site is not None and translations.keys() != set(names):
        for home in site.root_page.get_translations(inclusive=True).live().select_related("locale"):
            homes[home.locale.language_code] = home
    for code, name in settings.LANGUAGES:
        exists = code in translations
        if exists:
            url = translations[code].get_url(request)
        elif page is not None and code in homes:
            url = homes[code].get_url(request)
        elif page is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        alternates.append(
            {"code": code, "name": name, "url": url, "current": code == current, "exact": exists or page is None}
        )
    return alternates


@register.simple_tag
def active_locale():
    return locales.active_locale()


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers with gaps, so a 200-page list does not print 200 links on a phone."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
