"""Menus and the centre's name and address, read in the reader's language; menus are resolved
with one query for all their pages."""

from django import template
from django.utils.translation import get_language
from wagtail.models import Page

from cms.core.locales import active_locale, default_locale
from cms.core.models import NavigationMenu, SiteIdentity

register = template.Library()


def menu_links(slot, request):
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
                links.append(
                    {"title": (same_language and item.title) or page.title, "url": page.get_url(request), "page": page}
                )
        else:
            links.append({"title": item.title or item.link_url, "url": item.link_url, "page": None})
    return links


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context, fold=False):
    """The main menu as a bar (wide screens), or with fold=True folded behind one button (phones)."""
    request = context.get("request")
    page = context.get("page")
    links = menu_links(NavigationMenu.Slot.MAIN, request)
    for link in links:
        link["active"] = bool(
            page is not None
            and link["page"] is not None
            and link["page"].depth > 2
            and page.path.startswith(link["page"].path)
        )
    return {"links": links, "fold": fold}


@register.inclusion_tag("includes/footer_menu.html", takes_context=True)
def footer_menu(context):
    return {"links": menu_links(NavigationMenu.Slot.FOOTER, context.get("request"))}


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The centre's name and address in the reader's language (the default language's if
    untranslated), read once per request: the title, header and footer all show it."""
    request, language = context.get("request"), get_language()
    cached = getattr(request, "_site_identity", None)
    if cached is None or cached[0] != language:
        cached = (language, SiteIdentity.for_active_locale())
        if request is not None:
            request._site_identity = cached
    return cached[1]
