"""Confirms a moderator's decision: Wagtail's workflow action views approve or send back a page
or snippet and return to the dashboard without saying what happened."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.models import TaskState

CONFIRMATIONS = {
    TaskState.STATUS_APPROVED: lambda title: _("“%(title)s” has been approved.") % {"title": title},
    TaskState.STATUS_REJECTED: lambda title: _("“%(title)s” has been sent back for changes.") % {"title": title},
}


class WorkflowActionMessageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if request.method == "POST" and match and match.url_name == "workflow_action":
            self.confirm(request, match.kwargs.get("task_state_id"))
        return response

    @staticmethod
    def confirm(request, task_state_id):
        task_state = TaskState.objects.filter(pk=task_state_id).select_related("revision").first()
        if task_state and task_state.status in CONFIRMATIONS:
            messages.success(request, CONFIRMATIONS[task_state.status](task_state.revision.object_str))
