"""Counting page views and PDF downloads per article and day, leaving robots out."""

import re

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

ROBOT_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|scrap|curl|wget|python|java/|go-http|httpclient|libwww|"
    r"headless|phantom|lighthouse|monitor|preview|feed|harvest|oai",
    re.IGNORECASE,
)
FIELDS = {"view": "views", "download": "downloads"}


def is_robot(user_agent):
    """No user agent, or one that names a crawler, harvester or HTTP library."""
    return not user_agent or bool(ROBOT_AGENT.search(user_agent))


def record(article, request, kind):
    """Add one view or download for today, unless a robot or a logged-in editor asked."""
    if is_robot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return False
    field = FIELDS[kind]
    today = timezone.localdate()
    rows = article.usage.filter(date=today)
    if rows.update(**{field: F(field) + 1}):
        return True
    try:
        with transaction.atomic():
            article.usage.create(date=today, **{field: 1})
    except IntegrityError:  # another request created today's row first
        rows.update(**{field: F(field) + 1})
    return True


def most_read(articles, limit=10):
    """The most viewed articles of a queryset, with ``total_views`` and ``total_downloads``."""
    return list(
        articles.annotate(total_views=Sum("usage__views"), total_downloads=Sum("usage__downloads"))
        .filter(total_views__gt=0)
        .order_by("-total_views", "-total_downloads", "pk")[:limit]
    )


def totals(article):
    figures = article.usage.aggregate(views=Sum("views"), downloads=Sum("downloads"))
    return {"views": figures["views"] or 0, "downloads": figures["downloads"] or 0}
