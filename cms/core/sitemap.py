"""sitemap.xml over every language's page tree, with hreflang alternates.

Wagtail's own sitemap lists only the site root's tree, which misses the English pages
(they live in a sibling tree). Live, public pages only: drafts and private pages never leak.
"""

from collections import defaultdict

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from .head import language_tag


class LocalizedSitemap(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = root.get_translations(inclusive=True)
        queryset = Page.objects.none()
        for tree_root in trees:
            queryset |= Page.objects.descendant_of(tree_root, inclusive=True)
        pages = list(queryset.live().public().order_by("path").defer_streamfields().specific())
        # specific() drops select_related, and each page's URL reads its locale: one query for all.
        locales = Locale.objects.in_bulk()
        by_key = defaultdict(list)
        for page in pages:
            page.locale = locales[page.locale_id]
            by_key[page.translation_key].append(page)
        self._translations = by_key
        return pages

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            alternates = [
                {"location": other.get_full_url(self.request), "lang_code": language_tag(other.locale.language_code)}
                for other in self._translations.get(item.translation_key, [])
            ]
            for url_info in item.get_sitemap_urls(self.request):
                url_info.setdefault("alternates", alternates if len(alternates) > 1 else [])
                urls.append(url_info)
        return urls
