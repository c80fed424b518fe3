"""Admin: the catalog's vocabularies, activities, venues, map places and sign-ups; a progress panel; imports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, IndexView, SnippetViewSet, SnippetViewSetGroup

from cms.core.admin_columns import YesNoColumn
from cms.core.choosers import PinyinSnippetChooserViewSet
from cms.core.models import Region
from cms.core.spreadsheets import FormulaSafeExportMixin
from search.registry import SearchFacet

from . import admin_views, call_outcomes, progress
from .models import (
    Audience,
    Category,
    Instructor,
    LearningActivity,
    LearningPlace,
    Provider,
    Registration,
    Venue,
)
from .region_chooser import RegionChooserViewSet
from .resources import course_resources
from .site_search import matching_activities


class RegionViewSet(SnippetViewSet):
    model = Region
    chooser_viewset_class = RegionChooserViewSet
    icon = "site"
    list_display = ["name", "name_en", "level", "parent", "code"]
    list_filter = ["level"]
    search_fields = ["name", "name_en"]


class CategoryViewSet(SnippetViewSet):
    """Translatable: the listing has a language filter, and wagtail-localize adds "Translate" and
    "Sync translated snippets" to each category, as for pages."""

    model = Category
    icon = "tag"
    list_display = ["name", "slug", "sort_order", "locale"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name", "slug", "sort_order", "locale"]


class ProviderViewSet(SnippetViewSet):
    model = Provider
    chooser_viewset_class = PinyinSnippetChooserViewSet
    icon = "home"
    list_display = ["name", "city", "website"]


class InstructorViewSet(SnippetViewSet):
    model = Instructor
    chooser_viewset_class = PinyinSnippetChooserViewSet
    icon = "user"
    list_display = ["name", "job_title", "institution"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    chooser_viewset_class = PinyinSnippetChooserViewSet
    icon = "site"
    list_display = ["name", "city", "county", "address"]
    list_filter = ["city"]


class LearningActivityCreateView(CreateView):
    """Opened from a course's editor (courses/activities_panel.py) with ?course=<id>: the new
    activity starts tied to that course."""

    def get_initial(self):
        initial = super().get_initial()
        course = self.request.GET.get("course", "")
        if course.isdigit():
            initial["course"] = int(course)
        return initial


class LearningActivityViewSet(SnippetViewSet):
    model = LearningActivity
    add_view_class = LearningActivityCreateView
    icon = "date"
    list_display = [
        "title",
        "start",
        "venue",
        "status",
        "capacity",
        YesNoColumn("is_published", label=_("Published"), sort_key="is_published"),
    ]
    list_filter = ["status", "is_published", "takes_registrations"]
    search_fields = ["title", "organiser"]
    ordering = ["-start"]


class LearningPlaceViewSet(SnippetViewSet):
    model = LearningPlace
    icon = "site"
    list_display = ["name", "kind", "city", "theme"]
    list_filter = ["kind", "city"]


class RegistrationIndexView(FormulaSafeExportMixin, IndexView):
    pass


class RegistrationViewSet(SnippetViewSet):
    """Editors' list of sign-ups, with CSV/XLSX export; personal data, so only in the admin."""

    model = Registration
    index_view_class = RegistrationIndexView
    icon = "list-ul"
    list_display = ["activity", "name", "phone", "state", "created_at", "erase_after"]
    list_export = ["activity", "name", "phone", "state", "created_at", "erase_after", "reference"]
    export_filename = "registrations"
    list_filter = ["state", "activity"]
    search_fields = ["name", "phone", "activity__title"]
    ordering = ["activity", "created_at"]
    add_to_admin_menu = False


class CatalogGroup(SnippetViewSetGroup):
    menu_label = _("Course catalog")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = [
        LearningActivityViewSet,
        RegistrationViewSet,
        VenueViewSet,
        InstructorViewSet,
        ProviderViewSet,
        CategoryViewSet,
        AudienceViewSet,
        RegionViewSet,
        LearningPlaceViewSet,
    ]


register_snippet(CatalogGroup)


class ProgressPanel(Component):
    name = "courses_progress"
    order = 400  # below the work panels (cms/core/dashboard.py)
    template_name = "courses/admin/progress_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        site = Site.find_for_request(self.request) or Site.objects.filter(is_default_site=True).first()
        context = progress.context(site) if site else {}
        context["progress_url"] = reverse("courses_progress")
        return context


@hooks.register("construct_homepage_panels")
def add_progress_panel(request, panels):
    panels.append(ProgressPanel(request))


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("courses/import/", admin_views.import_view, name="courses_import"),
        path(
            "courses/import/template/<slug:kind>.<slug:extension>",
            admin_views.template_view,
            name="courses_import_template",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return MenuItem(_("Import courses"), reverse("courses_import"), icon_name="upload", order=260)


@hooks.register("site_search_other_results")
def activities_for_site_search(words, excluded, locale):
    """Public activities that have not ended, whose text holds every word (few rows: a substring
    match finds Chinese without segmentation), soonest first."""
    return matching_activities(words, excluded)


# The standards app checks the catalog's resources against the current standard (standards/sources.py).
hooks.register("register_conformance_resources", course_resources)


@hooks.register("site_search_facets")
def site_search_facets():
    """What course pages give the site search (`CoursePage.search_facets()`): city and category."""
    return [
        SearchFacet("region", _("Region"), order=10, query_field=True),
        SearchFacet("category", _("Course category"), order=30, query_field=True),
    ]


# An accepted submission to a course-selection call becomes a draft course here (calls.decisions).
hooks.register("calls_outcome_destinations", call_outcomes.destinations)
