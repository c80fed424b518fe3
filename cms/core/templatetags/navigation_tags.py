"""Menus read in the reader's language, resolved with one query for all their pages."""

from django import template
from wagtail.models import Locale, Page

from cms.core.models import NavigationMenu

register = template.Library()


def menu_links(slot, request):
    menu = NavigationMenu.for_active_locale(slot)
    if menu is None:
        return []
    items = list(menu.items.select_related("link_page"))
    active, default = Locale.get_active(), Locale.get_default()
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
