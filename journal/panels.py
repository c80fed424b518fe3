"""Admin panels of the journal's pages."""

from wagtail.admin.panels import Panel

from .usage import totals


class UsagePanel(Panel):
    """Page views and PDF downloads of the article being edited (people only, robots left out)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "journal/admin/usage_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["figures"] = totals(self.instance) if self.instance.pk else None
            return context
