"""The editors' usage report: the most read articles, all time and recently."""

import datetime

from django.db.models import Q, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ArticlePage

RECENT_DAYS = 30


def usage_report(request):
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
    return render(
        request,
        "journal/admin/usage_report.html",
        {"articles": articles, "page_title": _("Journal usage"), "header_icon": "doc-full", "days": RECENT_DAYS},
    )
