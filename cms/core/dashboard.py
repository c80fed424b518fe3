"""The admin dashboard arranged around the day's work: what awaits the user's review first,
then a count of their own work, then their submissions and recent edits; the apps' progress
and usage panels (order 400 and above) come after all of these."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, WorkflowState

# Wagtail's own dashboard panels, by name, in the order the work comes.
WORK_PANEL_ORDER = {
    "workflow_objects_to_moderate": 10,
    "user_objects_in_workflow_moderation": 30,
    "recent_edits": 40,
    "locked_pages": 50,
}
ACTIVE_WORKFLOW = [WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]


class WorkSummaryPanel(Component):
    """One line of counts: awaiting my review, my drafts, my items sent back, my submissions."""

    name = "work_summary"
    order = 20
    template_name = "core/admin/work_summary_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        user = self.user
        # WorkflowState.object_id is text: compare it with the page id as text (PostgreSQL does not
        # compare varchar with integer, as a join through _workflow_states would).
        in_workflow = WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page), status__in=ACTIVE_WORKFLOW
        ).values("object_id")
        drafts = (
            Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
            .annotate(id_text=Cast("pk", output_field=CharField()))
            .exclude(id_text__in=in_workflow)
        )
        mine = WorkflowState.objects.filter(requested_by=user)
        sent_back = mine.filter(status=WorkflowState.STATUS_NEEDS_CHANGES)
        submitted = mine.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        return {
            "counts": [
                (_("Awaiting your review"), TaskState.objects.reviewable_by(user).count(), "#awaiting-review-section"),
                (_("Your drafts"), drafts.count(), "#recent-edits-section"),
                (_("Changes requested"), sent_back.count(), "#objects-in-workflow-section"),
                (_("Submitted for review"), submitted.count(), "#objects-in-workflow-section"),
            ]
        }


def arrange_by_work(request, panels):
    for panel in panels:
        if getattr(panel, "name", None) in WORK_PANEL_ORDER:
            panel.order = WORK_PANEL_ORDER[panel.name]
    panels.append(WorkSummaryPanel(request.user))
