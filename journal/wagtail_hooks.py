from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

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
