"""RSS 2.0 and Atom feeds of a news index: live, public items only."""

from django.utils.feedgenerator import Atom1Feed

from cms.core.feeds import PageFeed


class NewsRssFeed(PageFeed):
    def title(self):
        return self.page.title

    def items(self):
        return self.page.news_items()[: self.limit]

    def item_description(self, item):
        return item.get_listing_summary()

    def item_categories(self, item):
        return [item.get_kind_display()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
