"""RSS and Atom feeds of a journal's new articles and new issues: live, public items only."""

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


class IssueAtomFeed(IssueRssFeed):
    feed_type = Atom1Feed
