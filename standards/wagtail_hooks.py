"""Admin: the clause comments editors review, the conformance report and clause numbers in the
standard editor; the conformance badge on course pages."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_views import ConformanceReportView
from .badges import conformance_badge
from .models import ClauseComment


class ClauseCommentViewSet(SnippetViewSet):
    model = ClauseComment
    icon = "comment"
    menu_label = _("Clause comments")
    add_to_admin_menu = False
    list_display = ["clause_number", "name", "organisation", "standard", "status", "submitted_at"]
    list_filter = ["status", "standard"]
    search_fields = ["text", "name", "organisation"]
    ordering = ["-submitted_at"]


comment_viewset = ClauseCommentViewSet()
register_snippet(comment_viewset)


@hooks.register("register_admin_urls")
def register_conformance_url():
    return [path("standards/conformance/", ConformanceReportView.as_view(), name="standards_conformance")]


@hooks.register("register_admin_menu_item")
def register_standards_menu():
    submenu = Menu(
        items=[
            MenuItem(
                _("Clause comments"), reverse(comment_viewset.get_url_name("list")), icon_name="comment", order=100
            ),
            MenuItem(_("Conformance report"), reverse("standards_conformance"), icon_name="tick-inverse", order=200),
        ]
    )
    return SubmenuMenuItem(_("Standards"), submenu, icon_name="list-ol", order=450)


@hooks.register("insert_editor_js")
def clause_numbers_in_block_headers():
    return format_html('<script src="{}" defer></script>', static("standards/clause_numbers.js"))


# The course page shows each course's conformance to the current standard (courses/page_extras.py).
hooks.register("course_page_extras", conformance_badge)
