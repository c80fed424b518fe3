"""Admin wiring: the snippet views of the navigation menus and of the centre's name and address
(both translated with wagtail-localize), and moderation (wagtail-localize's
publishing views held to the publish permission, and a "Submit for moderation" action for
translations, see moderated_translation)."""

from django.urls import path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import dashboard, moderated_translation
from .models import NavigationMenu, SiteIdentity


class NavigationMenuViewSet(SnippetViewSet):
    model = NavigationMenu
    icon = "list-ul"
    menu_label = _("Menus")
    add_to_admin_menu = True
    menu_order = 800
    list_display = ["slot", "locale"]
    list_filter = ["slot", "locale"]


register_snippet(NavigationMenuViewSet)


class SiteIdentityViewSet(SnippetViewSet):
    model = SiteIdentity
    icon = "site"
    add_to_admin_menu = True
    menu_order = 810
    list_display = ["center_name", "locale"]
    list_filter = ["locale"]


register_snippet(SiteIdentityViewSet)


# Ahead of wagtail-localize's own patterns (default order 0), at the same paths and names, so
# its buttons and links reach these views.
@hooks.register("register_admin_urls", order=-1)
def register_moderated_translation_urls():
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            moderated_translation.ModeratedUpdateTranslationsView.as_view(),
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", moderated_translation.convert_to_alias),
        path(
            "moderation/submit/<int:page_id>/",
            moderated_translation.submit_for_moderation,
            name="cms_submit_for_moderation",
        ),
    ]


@hooks.register("register_page_listing_more_buttons")
@hooks.register("register_page_header_buttons")
def submit_for_moderation_button(page, user, view_name=None, next_url=None):
    if moderated_translation.can_submit(user, page):
        url = reverse("cms_submit_for_moderation", args=[page.id])
        if next_url:
            url += "?" + urlencode({"next": next_url})
        yield ListingButton(_("Submit for moderation"), url, priority=50, icon_name="resubmit")


hooks.register("construct_homepage_panels", dashboard.arrange_by_work)
