"""The shape every page's RSS 2.0 / Atom feed shares: items of one page, linked for this request."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed


class PageFeed(Feed):
    """A feed of ``page``'s items; subclasses give ``title`` and ``items`` (live, public only)."""

    feed_type = Rss201rev2Feed
    limit = 30

    def __init__(self, page):
        super().__init__()
        self.page = page

    def __call__(self, request, *args, **kwargs):
        self.request = request  # item links and the feed's own URL are absolute for this site
        return super().__call__(request, *args, **kwargs)

    def link(self):
        return self.page.get_url(self.request)

    def feed_url(self):
        return self.request.build_absolute_uri()

    def description(self):
        return getattr(self.page, "introduction", "") or self.page.title

    def subtitle(self):
        return self.description()

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at
