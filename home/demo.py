"""Demo content for the site shell: home, about, news and notices, settings, menus."""

from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.translation import translate
from demo.media import demo_image
from demo.pages import child_page, publish

from . import demo_content as text
from .models import ContentPage, HomePage, NavigationMenu, NavigationMenuItem, NewsIndexPage, NewsPage, SiteSettings

# The Site Wagtail's first migration creates, before anyone has configured one.
WAGTAIL_DEFAULT_SITE_ADDRESS = ("localhost", 80)


def _stream(blocks):
    stream = []
    for block in blocks:
        kind = block[0]
        if kind == "heading":
            stream.append(("heading", {"text": block[1], "level": "h2"}))
        elif kind == "paragraph":
            stream.append(("paragraph", block[1]))
        elif kind == "quote":
            stream.append(("quote", {"text": block[1], "attribution": block[2]}))
    return stream


def ensure_home_page():
    """The site's root is our HomePage; Wagtail's empty welcome page is replaced."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    zh = Locale.get_default()
    home = HomePage.objects.filter(locale=zh).first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = root.get_children().filter(slug="home").first()
        if welcome is not None and welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()
        home = HomePage(
            title=text.HOME["title"],
            slug="home",
            locale=zh,
            introduction=text.HOME["introduction"],
            body=_stream(text.HOME["body"]),
            image=demo_image("首页横幅 Home banner", seed=1),
        )
        root.add_child(instance=home)
        publish(home)
    if site is None:
        site = Site(is_default_site=True)
    if site.pk is None or (site.hostname, site.port) == WAGTAIL_DEFAULT_SITE_ADDRESS:
        # Links in the sitemap, feeds and API point where the site is served.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
    if site.root_page_id != home.pk:
        site.root_page = home
    site.site_name = text.HOME["title"]
    site.save()
    return site, home


def load(home, stdout):
    site = Site.objects.get(root_page=home)
    settings = SiteSettings.for_site(site)
    for field, value in text.SETTINGS.items():
        setattr(settings, field, value)
    settings.save()

    about, _ = child_page(
        home,
        ContentPage,
        text.ABOUT["slug"],
        title=text.ABOUT["title"],
        introduction=text.ABOUT["introduction"],
        body=_stream(text.ABOUT["body"]),
        show_in_menus=True,
        listing_image=demo_image("中心外景 Center", seed=2, size=(960, 540)),
    )
    news_index, _ = child_page(
        home,
        NewsIndexPage,
        text.NEWS_INDEX["slug"],
        title=text.NEWS_INDEX["title"],
        introduction=text.NEWS_INDEX["introduction"],
        show_in_menus=True,
    )
    for number, (kind, date, title, source, introduction, paragraphs) in enumerate(text.NEWS, start=1):
        child_page(
            news_index,
            NewsPage,
            f"{date:%Y%m%d}-{number:02d}",
            title=title,
            kind=kind,
            date=date,
            source=source,
            introduction=introduction,
            body=[("paragraph", "".join(f"<p>{p}</p>" for p in paragraphs))],
            image=demo_image(f"新闻配图 {number}", seed=100 + number, size=(960, 540)) if kind == "news" else None,
        )
    stdout.write(f"  site: home, about, {len(text.NEWS)} news items and notices")
    return {"about": about, "news": news_index}


def translate_shell(home, pages):
    """English versions of the home, about and news pages, made through wagtail-localize."""
    en = Locale.objects.get(language_code="en")
    for page, strings in ((home, text.HOME_EN), (pages["about"], text.ABOUT_EN), (pages["news"], text.NEWS_INDEX_EN)):
        if not page.has_translation(en):
            translate(page, en, strings)


def build_menus(home):
    """Main menu: the home page's children shown in menus; footer: about, news, sitemap."""
    zh = Locale.get_default()
    main, created = NavigationMenu.objects.get_or_create(slot=NavigationMenu.Slot.MAIN, locale=zh)
    if created:
        sections = home.get_children().live().in_menu()
        for order, section in enumerate(sections):
            NavigationMenuItem.objects.create(menu=main, link_page=section, sort_order=order)
    footer, created = NavigationMenu.objects.get_or_create(slot=NavigationMenu.Slot.FOOTER, locale=zh)
    if created:
        pages = home.get_children().live().filter(slug__in=["about", "news"]).order_by("path")
        for order, page in enumerate(pages):
            NavigationMenuItem.objects.create(menu=footer, link_page=page, sort_order=order)
        NavigationMenuItem.objects.create(menu=footer, link_url="/sitemap.xml", title="网站地图", sort_order=99)
    en = Locale.objects.get(language_code="en")
    for menu in (main, footer):
        if not menu.has_translation(en):
            translate(menu, en, {"网站地图": "Sitemap"})
