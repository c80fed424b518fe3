"""RSS and Atom feeds of a journal's new articles and new issues: live, public items only."""

import datetime

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.core.feeds import PageFeed


class ArticleRssFeed(PageFeed):
    def title(self):
        return _("%(journal)s: new articles") % {"journal": self.page.title}

    def items(self):
        return self.page.articles().order_by("-first_published_at", "-pk")[: self.limit]

    def item_description(self, item):
        return item.abstract

    def item_pubdate(self, item):
        # The article's date (its issue's unless it has its own), not the day its page went live.
        return _start_of(item.date) or super().item_pubdate(item)

    def item_author_name(self, item):
        return "，".join(authorship.person.display_name for authorship in item.ordered_authorships())

    def item_categories(self, item):
        return item.keyword_list


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed


class IssueRssFeed(PageFeed):
    def title(self):
        return _("%(journal)s: new issues") % {"journal": self.page.title}

    def items(self):
        return self.page.issues().order_by("-first_published_at", "-pk")[: self.limit]

    def item_description(self, item):
        return item.introduction or item.title

    def item_pubdate(self, item):
        return _start_of(item.published_date) or super().item_pubdate(item)


class IssueAtomFeed(IssueRssFeed):
    feed_type = Atom1Feed


def _start_of(date):
    """The first moment of a day in the site's time zone (None for no date)."""
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time.min)) if date else None
