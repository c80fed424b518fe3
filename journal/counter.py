"""Monthly usage reports in the manner of COUNTER Release 5: the item report (one row per
article) and the title report (one row per journal), from the counted UsageEvents.

Metrics, as COUNTER names them:
- Total_Item_Investigations: every counted use (page view or PDF download);
- Unique_Item_Investigations: the sessions that used an item, once per session and item;
- Total_Item_Requests / Unique_Item_Requests: the same for uses that got the full text;
- Unique_Title_Investigations / Unique_Title_Requests: once per session and journal, however
  many of its articles the session used.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import ArticlePage, JournalPage, UsageEvent, parents_of

ITEM_METRICS = [
    "Total_Item_Investigations",
    "Unique_Item_Investigations",
    "Total_Item_Requests",
    "Unique_Item_Requests",
]
TITLE_METRICS = [*ITEM_METRICS, "Unique_Title_Investigations", "Unique_Title_Requests"]


@dataclass
class ItemRow:
    """One article's usage in one month."""

    month: datetime.date
    article: ArticlePage | None = None
    journal: str = ""
    Total_Item_Investigations: int = 0
    Unique_Item_Investigations: int = 0
    Total_Item_Requests: int = 0
    Unique_Item_Requests: int = 0

    @property
    def title(self):
        return self.article.title if self.article else ""

    @property
    def doi(self):
        return self.article.doi if self.article else ""

    @property
    def year(self):
        return self.article.year if self.article else None


@dataclass
class TitleRow:
    """One journal's usage in one month."""

    month: datetime.date
    journal: JournalPage
    Total_Item_Investigations: int = 0
    Unique_Item_Investigations: int = 0
    Total_Item_Requests: int = 0
    Unique_Item_Requests: int = 0
    Unique_Title_Investigations: int = 0
    Unique_Title_Requests: int = 0

    @property
    def title(self):
        return self.journal.title

    @property
    def issn(self):
        return self.journal.issn

    @property
    def eissn(self):
        return self.journal.eissn


def month_bounds(month):
    """[start, end) of a calendar month in the site's time zone."""
    start = timezone.make_aware(datetime.datetime(month.year, month.month, 1))
    following = (month.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    return start, timezone.make_aware(datetime.datetime(following.year, following.month, 1))


def months_with_usage():
    """The months (first days) that have counted usage, newest first."""
    months = UsageEvent.objects.annotate(month=TruncMonth("occurred_at")).values_list("month", flat=True)
    return sorted({_as_date(month) for month in months.order_by().distinct()}, reverse=True)


def _as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def _metrics():
    requests = Q(is_request=True)
    return {
        "Total_Item_Investigations": Count("pk"),
        "Unique_Item_Investigations": Count("session", distinct=True),
        "Total_Item_Requests": Count("pk", filter=requests),
        "Unique_Item_Requests": Count("session", filter=requests, distinct=True),
    }


def events_in(month):
    start, end = month_bounds(month)
    return UsageEvent.objects.filter(occurred_at__gte=start, occurred_at__lt=end)


def item_report(month):
    """The month's ItemRows, most investigated first."""
    grouped = events_in(month).values("article").annotate(**_metrics()).order_by()
    articles = ArticlePage.objects.filter(pk__in=[row["article"] for row in grouped]).select_related("locale")
    articles = articles.in_bulk()
    journals = parents_of(list(articles.values()))
    rows = []
    for figures in grouped:
        article = articles[figures.pop("article")]
        journal = journals[article.pk][1]
        rows.append(ItemRow(month=month, article=article, journal=journal.title if journal else "", **figures))
    return sorted(rows, key=lambda row: (-row.Total_Item_Investigations, row.title))


def article_months(article, months=12):
    """The article's ItemRows of its last `months` months with usage, newest first (the panel)."""
    grouped = (
        UsageEvent.objects.filter(article=article)
        .annotate(month=TruncMonth("occurred_at"))
        .values("month")
        .annotate(**_metrics())
        .order_by("-month")[:months]
    )
    return [ItemRow(article=article, **{**figures, "month": _as_date(figures["month"])}) for figures in grouped]


def title_report(month):
    """The month's TitleRows, one per journal whose articles were used, most investigated first."""
    uses = events_in(month).values("article__path", "session", "is_request").annotate(uses=Count("pk")).order_by()
    steplen = JournalPage.steplen
    by_journal = {}
    for use in uses:
        journal_path = use["article__path"][: -2 * steplen]  # journal → issue → article
        figures = by_journal.setdefault(journal_path, _TitleFigures())
        figures.add(use["article__path"], use["session"], use["is_request"], use["uses"])
    journals = JournalPage.objects.filter(path__in=by_journal).in_bulk(field_name="path")
    rows = [
        TitleRow(month=month, journal=journals[path], **figures.metrics())
        for path, figures in by_journal.items()
        if path in journals
    ]
    return sorted(rows, key=lambda row: (-row.Total_Item_Investigations, row.title))


class _TitleFigures:
    def __init__(self):
        self.investigations = self.requests = 0
        self.item_sessions, self.item_request_sessions = set(), set()
        self.sessions, self.request_sessions = set(), set()

    def add(self, item, session, is_request, uses):
        self.investigations += uses
        self.item_sessions.add((item, session))
        self.sessions.add(session)
        if is_request:
            self.requests += uses
            self.item_request_sessions.add((item, session))
            self.request_sessions.add(session)

    def metrics(self):
        return {
            "Total_Item_Investigations": self.investigations,
            "Unique_Item_Investigations": len(self.item_sessions),
            "Total_Item_Requests": self.requests,
            "Unique_Item_Requests": len(self.item_request_sessions),
            "Unique_Title_Investigations": len(self.sessions),
            "Unique_Title_Requests": len(self.request_sessions),
        }
