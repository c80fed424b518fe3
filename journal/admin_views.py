"""The editors' usage report: the most read articles, all time and recently."""

import datetime

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import ArticlePage

RECENT_DAYS = 30


class UsageReportView(WagtailAdminTemplateMixin, TemplateView):
    """A Wagtail admin view, so the browser tab and the header carry the report's name."""

    template_name = "journal/admin/usage_report.html"
    page_title = _("Journal usage")
    header_icon = "doc-full"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
        recent = Q(usage__date__gte=since)
        articles = (
            ArticlePage.objects.live()
            .annotate(
                total_views=Sum("usage__views"),
                total_downloads=Sum("usage__downloads"),
                recent_views=Sum("usage__views", filter=recent),
                recent_downloads=Sum("usage__downloads", filter=recent),
            )
            .filter(total_views__gt=0)
            .order_by("-total_views", "pk")[:100]
        )
        return super().get_context_data(articles=articles, days=RECENT_DAYS, **kwargs)
