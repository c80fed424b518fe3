"""Admin: reviewers (experts with a user account) as snippets, and the review board."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Reviewer


class ReviewerViewSet(SnippetViewSet):
    model = Reviewer
    icon = "user"
    list_display = ["expert", "user"]
    menu_label = _("Reviewers")


register_snippet(ReviewerViewSet)


@hooks.register("register_admin_urls")
def register_board_urls():
    return [
        path("calls/", admin_views.call_list, name="calls_list"),
        path("calls/<int:call_id>/board/", admin_views.board, name="calls_board"),
        path("calls/<int:call_id>/outcomes/", admin_views.create_outcomes, name="calls_outcomes"),
        path("calls/submissions/<int:submission_id>/assign/", admin_views.assign, name="calls_assign"),
        path("calls/submissions/<int:submission_id>/decide/", admin_views.decide, name="calls_decide"),
        path(
            "calls/submissions/<int:submission_id>/revision/",
            admin_views.request_revision,
            name="calls_request_revision",
        ),
    ]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views._may_see_board(request.user)


@hooks.register("register_admin_menu_item")
def register_board_menu_item():
    return BoardMenuItem(_("Review board"), reverse("calls_list"), icon_name="tasks", order=450)
