"""Admin panels of the journal's pages."""

from wagtail.admin.panels import Panel

from .usage import totals


class UsagePanel(Panel):
    """The article's usage as its COUNTER item report gives it, month by month, and its views
    and PDF downloads in all (people only, robots and repeated clicks left out)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "journal/admin/usage_panel.html"

        def get_context_data(self, parent_context=None):
            from .counter import article_months

            context = super().get_context_data(parent_context)
            if self.instance.pk:
                context["figures"] = totals(self.instance)
                context["months"] = article_months(self.instance)
            return context
