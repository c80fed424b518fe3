"""The conformance report in the admin: a summary across the catalog, each course's detail, CSV export."""

from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .conformance import check
from .report_formats import to_csv
from .sources import SourceUnavailable, catalog_resources, current_standard, standard_rules


class ConformanceReportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "standards/admin/conformance_report.html"
    page_title = gettext_lazy("Conformance report")
    header_icon = "tick-inverse"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        context = self.get_context_data(**kwargs)
        report = context.get("report")
        if report is not None and request.GET.get("export") == "csv":
            response = HttpResponse(to_csv(report), content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="conformance-report.csv"'
            return response
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        course = (self.request.GET.get("course") or "").strip()[:100]
        context["course"] = course
        page = current_standard()
        context["standard"] = page
        if page is None:
            context["problem"] = _("No current standard is published, so there are no rules to apply.")
            return context
        info, rules = standard_rules(page)
        try:
            resources = catalog_resources([course] if course else None)
        except SourceUnavailable as error:
            context["problem"] = str(error)
            return context
        context["rules"] = rules
        context["report"] = check(resources, rules, standard=info)
        context["totals"] = context["report"].totals()
        return context
