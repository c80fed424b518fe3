"""The COUNTER title and item reports in the admin (Wagtail report views, CSV/XLSX export)."""

import datetime

import django_filters
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from .counter import ITEM_METRICS, TITLE_METRICS, item_report, months_with_usage, title_report
from .models import UsageEvent

METRIC_LABELS = {
    "Total_Item_Investigations": _("Investigations"),
    "Unique_Item_Investigations": _("Unique item investigations"),
    "Total_Item_Requests": _("Requests"),
    "Unique_Item_Requests": _("Unique item requests"),
    "Unique_Title_Investigations": _("Unique title investigations"),
    "Unique_Title_Requests": _("Unique title requests"),
}


def month_value(month):
    return f"{month:%Y-%m}"


class MonthFilterSet(WagtailFilterSet):
    """The reporting month, chosen among the months that have usage (the view reads it)."""

    month = django_filters.ChoiceFilter(label=_("Month"), method="any_rows", empty_label=None)

    class Meta:
        model = UsageEvent
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["month"].extra["choices"] = [(month_value(m), month_value(m)) for m in months_with_usage()]

    def any_rows(self, queryset, name, value):
        return queryset  # the view makes the chosen month's report


class MonthlyReportView(ReportView):
    """A report of one calendar month: ?month=YYYY-MM, else the newest month with usage."""

    filterset_class = MonthFilterSet
    header_icon = "table"
    make_report = None
    metrics = ()

    @cached_property
    def month(self):
        try:
            return datetime.datetime.strptime(self.request.GET.get("month", ""), "%Y-%m").date()
        except ValueError:
            months = months_with_usage()
            return months[0] if months else timezone.localdate().replace(day=1)

    def get_queryset(self):
        return self.make_report(self.month)

    def filter_queryset(self, rows):
        return rows  # the month filter chose the report (self.month); its rows are all shown

    def get_page_subtitle(self):
        return month_value(self.month)

    def get_filename(self):
        return f"{self.export_filename}-{month_value(self.month)}"

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["month"] = self.month
        return context

    @classmethod
    def metric_columns(cls, metrics):
        return [Column(metric, label=METRIC_LABELS[metric]) for metric in metrics]


class ItemReportView(MonthlyReportView):
    page_title = _("Article usage by month (COUNTER item report)")
    index_url_name = "journal_counter_items"
    index_results_url_name = "journal_counter_items_results"
    export_filename = "counter-item-report"
    make_report = staticmethod(item_report)
    columns = [
        TitleColumn(
            "title",
            label=_("Article"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.article.pk]),
        ),
        Column("journal", label=_("Journal")),
        *MonthlyReportView.metric_columns(ITEM_METRICS),
    ]
    list_export = ["title", "journal", "doi", "year", "month", *ITEM_METRICS]
    export_headings = {"title": "Item", "journal": "Title", "doi": "DOI", "year": "YOP", "month": "Month"}


class TitleReportView(MonthlyReportView):
    page_title = _("Journal usage by month (COUNTER title report)")
    index_url_name = "journal_counter_titles"
    index_results_url_name = "journal_counter_titles_results"
    export_filename = "counter-title-report"
    make_report = staticmethod(title_report)
    columns = [
        TitleColumn(
            "title",
            label=_("Journal"),
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.journal.pk]),
        ),
        *MonthlyReportView.metric_columns(TITLE_METRICS),
    ]
    list_export = ["title", "issn", "eissn", "month", *TITLE_METRICS]
    export_headings = {"title": "Title", "issn": "Print_ISSN", "eissn": "Online_ISSN", "month": "Month"}
