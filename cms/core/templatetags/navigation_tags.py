"""Menus and the centre's name and address, read in the reader's language; menus are resolved
with one query for all their pages, and both are kept in the fragment cache
(cms/core/fragment_cache.py) between requests."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page, Site

from cms.core import fragment_cache
from cms.core.locales import active_locale, default_locale
from cms.core.models import NavigationMenu, SiteIdentity

register = template.Library()


def menu_links(slot, request):
    """The menu's links as plain values: title, url, and the linked page's tree path and depth."""
    # A page's URL is relative on its own site and absolute on another, so the site is part of the key.
    site = Site.find_for_request(request) if request is not None else None
    return fragment_cache.cached(
        request,
        "menu",
        (slot, get_language(), site.pk if site else ""),
        lambda: _resolve_menu_links(slot, request),
    )


def _resolve_menu_links(slot, request):
    menu = NavigationMenu.for_active_locale(slot)
    if menu is None:
        return []
    items = list(menu.items.select_related("link_page"))
    active, default = active_locale(), default_locale()
    keys = [item.link_page.translation_key for item in items if item.link_page]
    # The page in the reader's language, else the default language's; never a draft or private page.
    candidates = {}
    for page in Page.objects.filter(translation_key__in=keys, locale__in=[active, default]).live().public():
        if page.locale_id == active.pk or page.translation_key not in candidates:
            candidates[page.translation_key] = page
    # A menu shown in a language it was not translated into keeps the pages' own titles.
    same_language = menu.locale_id == active.pk
    links = []
    for item in items:
        if item.link_page:
            page = candidates.get(item.link_page.translation_key)
            if page is not None:
                title = (same_language and item.title) or page.title
                links.append({"title": title, "url": page.get_url(request), "path": page.path, "depth": page.depth})
        else:
            links.append({"title": item.title or item.link_url, "url": item.link_url, "path": None, "depth": 0})
    return links


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context, fold=False):
    """The main menu as a bar (wide screens), or with fold=True folded behind one button (phones)."""
    request = context.get("request")
    page = context.get("page")
    links = [
        {
            **link,
            "active": bool(
                page is not None and link["path"] and link["depth"] > 2 and page.path.startswith(link["path"])
            ),
        }
        for link in menu_links(NavigationMenu.Slot.MAIN, request)
    ]
    return {"links": links, "fold": fold}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    return {"links": menu_links(NavigationMenu.Slot.FOOTER, context.get("request"))}


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The centre's name and address in the reader's language (the default language's if
    untranslated), read once per request: the title, header and footer all show it."""
    return SiteIdentity.for_request(context.get("request"))
