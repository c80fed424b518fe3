"""The course editor's list of the course's activities, with links to edit each and to add one
already tied to the course: activities stay snippets (they have their own sign-ups and are
published on their own), but editors reach them from the course they belong to."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class CourseActivitiesPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Activities"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/activities_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import LearningActivity

            context = super().get_context_data(parent_context)
            viewset = LearningActivity.snippet_viewset
            course = self.instance
            context["saved"] = bool(course.pk)
            if course.pk:
                context["activities"] = [
                    (activity, reverse(viewset.get_url_name("edit"), args=[activity.pk]))
                    for activity in course.activities.select_related("venue").order_by("-start")
                ]
                context["add_url"] = reverse(viewset.get_url_name("add")) + "?" + urlencode({"course": course.pk})
            return context
