"""Counting article views and PDF downloads as the COUNTER Code of Practice does.

Robots and machines are told by the COUNTER list (the counter-robots package); editors
previewing are not readers. A click repeated by the same session on the same article within
30 seconds counts once (COUNTER's double-click rule). Each counted use is a UsageEvent, for the
monthly COUNTER reports (journal/counter.py), and adds to the article's daily ArticleUsage row,
which the "most read" lists sum.

An article page is served from the page cache too: the page's first serving is counted by the
page itself, later ones by `count_cached_view`, told by the cache (cms/core/page_cache.py).
"""

import datetime
import hashlib

import counter_robots
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from cms.core.antispam import client_address

FIELDS = {"view": "views", "download": "downloads"}
DOUBLE_CLICK = datetime.timedelta(seconds=30)
CACHED_VIEW_NOTICE = "journal.article-view"


def is_robot(user_agent):
    """No user agent, or one the COUNTER list names as a robot or a machine (a script)."""
    return not user_agent or counter_robots.is_robot_or_machine(user_agent)


def session_id(request, when):
    """COUNTER's session without a session cookie: the client's address and user agent within
    one hour of one day, kept only as a keyed digest."""
    user = getattr(request, "user", None)
    reader = f"user {user.pk}" if user is not None and user.is_authenticated else client_address(request)
    parts = [settings.SECRET_KEY, reader, request.META.get("HTTP_USER_AGENT", ""), f"{when:%Y-%m-%d %H}"]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def is_full_text(article, kind):
    """A PDF download, or a view of an article page that carries its full text, is a request."""
    return kind == "download" or bool(article.body)


def record(article, request, kind, now=None):
    """Count one view or download, unless a robot or an editor asked or it repeats a click
    of the last 30 seconds. Returns whether it was counted."""
    return _record(article.pk, is_full_text(article, kind), request, kind, now)


def cached_view_notice(article):
    """What the page cache reports for each later serving of the article's page."""
    return f"{CACHED_VIEW_NOTICE}:{article.pk}:{int(is_full_text(article, 'view'))}"


def count_cached_view(request, notice):
    """A ``page_cache_served`` hook: count a view of an article page answered from the cache."""
    name, _, rest = notice.partition(":")
    article_id, _, is_request = rest.partition(":")
    if name == CACHED_VIEW_NOTICE and article_id.isdigit():
        _record(int(article_id), is_request == "1", request, "view")


def _record(article_id, is_request, request, kind, now=None):
    from .models import ArticleUsage, UsageEvent

    if is_robot(request.META.get("HTTP_USER_AGENT", "")):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and user.has_perm("wagtailadmin.access_admin"):
        return False
    now = now or timezone.now()
    session = session_id(request, timezone.localtime(now))
    repeated = UsageEvent.objects.filter(
        article_id=article_id, kind=kind, session=session, occurred_at__gte=now - DOUBLE_CLICK, occurred_at__lte=now
    )
    # The later click stands for both, so a reader clicking every 20 seconds counts once.
    if repeated.update(occurred_at=now):
        return False
    UsageEvent.objects.create(article_id=article_id, kind=kind, is_request=is_request, session=session, occurred_at=now)
    _add_to_day(ArticleUsage, article_id, FIELDS[kind], timezone.localdate(now))
    return True


def _add_to_day(usage_model, article_id, field, day):
    rows = usage_model.objects.filter(article_id=article_id, date=day)
    if rows.update(**{field: F(field) + 1}):
        return
    try:
        with transaction.atomic():
            usage_model.objects.create(article_id=article_id, date=day, **{field: 1})
    except IntegrityError:  # another request created the day's row first
        rows.update(**{field: F(field) + 1})


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
