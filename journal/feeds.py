"""RSS and Atom feeds of a journal's new articles and new issues: live, public items only."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _


class _JournalFeed(Feed):
    feed_type = Rss201rev2Feed
    limit = 30

    def __init__(self, journal):
        super().__init__()
        self.journal = journal

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.journal.get_url(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def description(self):
        return self.journal.introduction or self.journal.title

    def subtitle(self):
        return self.description()

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at


class ArticleRssFeed(_JournalFeed):
    def title(self):
        return _("%(journal)s: new articles") % {"journal": self.journal.title}

    def items(self):
        return self.journal.articles().order_by("-first_published_at", "-pk")[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.abstract

    def item_author_name(self, item):
        return "，".join(authorship.person.display_name for authorship in item.ordered_authorships())

    def item_categories(self, item):
        return item.keyword_list


class ArticleAtomFeed(ArticleRssFeed):
    feed_type = Atom1Feed


class IssueRssFeed(_JournalFeed):
    def title(self):
        return _("%(journal)s: new issues") % {"journal": self.journal.title}

    def items(self):
        return self.journal.issues().order_by("-first_published_at", "-pk")[: self.limit]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction or item.title


class IssueAtomFeed(IssueRssFeed):
    feed_type = Atom1Feed
