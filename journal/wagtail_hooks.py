from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.choosers import PinyinSnippetChooserViewSet
from search.registry import CitationWriter, SearchFacet

from . import admin_import, call_outcomes, usage
from .admin_views import UsageReportView
from .counter_views import ItemReportView, TitleReportView
from .exports import article_records
from .models import ArticleUsage, Person, ResearchProject, Section, UsageEvent


# Editors enter an article by a new author, or in a new section, without leaving the article:
# the chooser has a "create" tab (for those with the add permission: journal migration 0004).
class PersonChooserViewSet(PinyinSnippetChooserViewSet):
    form_fields = ["name", "name_en", "affiliation", "affiliation_en", "orcid", "email"]
    create_action_label = _("Add a new author")


class SectionChooserViewSet(SnippetChooserViewSet):  # in the journal's own order
    form_fields = ["name", "name_en", "slug", "sort_order"]
    create_action_label = _("Add a new section")


# No "create" tab here: a project made in a chooser would be published without moderation; new
# projects go through the snippet editor (save draft, submit for moderation).
class ResearchProjectChooserViewSet(PinyinSnippetChooserViewSet):
    pass


class PersonViewSet(SnippetViewSet):
    model = Person
    chooser_viewset_class = PersonChooserViewSet
    icon = "user"
    menu_label = _("Authors")
    list_display = ["name", "name_en", "affiliation", "orcid"]
    search_fields = ["name", "name_en", "affiliation"]


class SectionViewSet(SnippetViewSet):
    model = Section
    chooser_viewset_class = SectionChooserViewSet
    icon = "list-ol"
    menu_label = _("Sections")
    list_display = ["name", "name_en", "sort_order"]
    ordering = ["sort_order"]


class ResearchProjectViewSet(SnippetViewSet):
    model = ResearchProject
    chooser_viewset_class = ResearchProjectChooserViewSet
    icon = "pick"
    menu_label = _("Research projects")
    list_display = ["title", "kind", "year", "lead", "status"]
    list_filter = ["kind", "year", "status"]
    search_fields = ["title", "lead", "institution"]


class JournalViewSetGroup(SnippetViewSetGroup):
    items = (PersonViewSet, SectionViewSet, ResearchProjectViewSet)
    menu_icon = "doc-full"
    menu_label = _("Journal")
    menu_order = 700


register_snippet(JournalViewSetGroup)


@hooks.register("register_admin_urls")
def register_usage_report_url():
    return [path("reports/journal-usage/", UsageReportView.as_view(), name="journal_usage_report")]


@hooks.register("register_admin_urls")
def register_counter_report_urls():
    return [
        path("reports/counter/titles/", TitleReportView.as_view(), name="journal_counter_titles"),
        path(
            "reports/counter/titles/results/",
            TitleReportView.as_view(results_only=True),
            name="journal_counter_titles_results",
        ),
        path("reports/counter/items/", ItemReportView.as_view(), name="journal_counter_items"),
        path(
            "reports/counter/items/results/",
            ItemReportView.as_view(results_only=True),
            name="journal_counter_items_results",
        ),
    ]


@hooks.register("register_admin_urls")
def register_import_url():
    return [path("journal/import/", admin_import.import_view, name="journal_import")]


class JournalImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_import.journals_for(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return JournalImportMenuItem(_("Import back issues"), reverse("journal_import"), icon_name="upload", order=710)


@hooks.register("register_reports_menu_item")
def register_usage_report_menu_item():
    return MenuItem(_("Journal usage"), reverse("journal_usage_report"), icon_name="doc-full", order=700)


@hooks.register("register_reports_menu_item")
def register_counter_title_report_menu_item():
    return MenuItem(_("COUNTER title report"), reverse("journal_counter_titles"), icon_name="table", order=701)


@hooks.register("register_reports_menu_item")
def register_counter_item_report_menu_item():
    return MenuItem(_("COUNTER item report"), reverse("journal_counter_items"), icon_name="table", order=702)


@hooks.register("site_search_facets")
def site_search_facets():
    """What journal pages give the site search (their `search_facets()`): a case's region, an
    article's section, authors, keywords and journal (searchable as `author:` …, exported as citations)."""
    return [
        SearchFacet("region", _("Region"), order=10, query_field=True),
        SearchFacet("section", _("Journal section"), order=20, query_field=True),
        SearchFacet("author", _("Author"), counted=False, query_field=True, many=True, cited_as="author"),
        SearchFacet("keyword", _("Keyword"), counted=False, query_field=True, many=True, cited_as="keyword"),
        SearchFacet("journal", _("Journal"), counted=False, query_field=True),
    ]


# Counted while an article is served: a view must not empty the page cache (cms/core/page_cache_purge.py).
@hooks.register("register_page_cache_ignored_models")
def page_cache_ignored_models():
    return [ArticleUsage, UsageEvent]


# An article page answered from the page cache is counted as a view all the same.
hooks.register("page_cache_served", usage.count_cached_view)


@hooks.register("site_search_citations")
def site_search_citations():
    """The search export writes an article's full record (journal, volume, pages, DOI) as its page does."""
    return [CitationWriter("journal.articlepage", article_records)]


# An accepted case or manuscript of a call becomes a draft case or article here (calls.decisions).
hooks.register("calls_outcome_destinations", call_outcomes.destinations)
