from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from search.registry import CitationWriter, SearchFacet

from .admin_views import usage_report
from .exports import article_records
from .models import Person, ResearchProject, Section


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_label = _("Authors")
    list_display = ["name", "name_en", "affiliation", "orcid"]
    search_fields = ["name", "name_en", "affiliation"]


class SectionViewSet(SnippetViewSet):
    model = Section
    icon = "list-ol"
    menu_label = _("Sections")
    list_display = ["name", "name_en", "sort_order"]
    ordering = ["sort_order"]


class ResearchProjectViewSet(SnippetViewSet):
    model = ResearchProject
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
    return [path("reports/journal-usage/", usage_report, name="journal_usage_report")]


@hooks.register("register_reports_menu_item")
def register_usage_report_menu_item():
    return MenuItem(_("Journal usage"), reverse("journal_usage_report"), icon_name="doc-full", order=700)


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


@hooks.register("site_search_citations")
def site_search_citations():
    """The search export writes an article's full record (journal, volume, pages, DOI) as its page does."""
    return [CitationWriter("journal.articlepage", article_records)]
