"""Admin: experts, volunteers and fields of expertise as snippets; the directory's import and export."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views, call_outcomes
from .models import Expert, ExpertiseField, Volunteer


class ExpertViewSet(SnippetViewSet):
    """The expert pool. Contact data is in no column: only the edit form shows it, and only to
    users with the contact permission."""

    model = Expert
    icon = "user"
    list_display = ["name", "title", "affiliation", "region", "public_profile"]
    list_filter = ["public_profile", "fields"]
    # No search_fields here: the model's own (index.Indexed) go through the Chinese-aware search
    # backend, which does not take a field list (passing one fails with "no such column").


class VolunteerViewSet(SnippetViewSet):
    model = Volunteer
    icon = "group"
    list_display = ["name", "affiliation", "region", "service_hours"]


class ExpertiseFieldViewSet(SnippetViewSet):
    model = ExpertiseField
    icon = "tag"
    list_display = ["name", "name_en", "sort_order"]


class PeopleGroup(SnippetViewSetGroup):
    menu_label = _("Experts and volunteers")
    menu_icon = "group"
    menu_order = 270
    items = [ExpertViewSet, VolunteerViewSet, ExpertiseFieldViewSet]


register_snippet(PeopleGroup)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("network/import/", admin_views.import_view, name="network_import"),
        path("network/export/", admin_views.export_view, name="network_export"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return MenuItem(_("Import the directory"), reverse("network_import"), icon_name="upload", order=280)


# An accepted volunteer nomination of a call becomes a draft volunteer here (calls.decisions).
hooks.register("calls_outcome_destinations", call_outcomes.destinations)
