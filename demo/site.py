"""The site shell: home, about, news and notices, settings, the centre's name, menus, in English too.

The words are demo/data/site.json; news and notices are demo/data/news.csv, imported through
``home.importer`` as `import_news news.csv --publish`; pictures are generated.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Site

from cms.core.models import NavigationMenu, NavigationMenuItem, SiteIdentity, SiteSettings
from cms.core.spreadsheets import read_rows
from cms.core.translation import translate
from home import importer
from home.models import ContentPage, HomePage, NewsIndexPage

from .media import demo_image
from .pages import data_file, read_json, spec_page, stream

# The Site Wagtail's first migration creates, before anyone has configured one.
WAGTAIL_DEFAULT_SITE_ADDRESS = ("localhost", 80)


def ensure_home_page():
    """The site's root is our HomePage; Wagtail's empty welcome page is replaced."""
    words = read_json("site.json")["home"]
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    zh = Locale.get_default()
    home = HomePage.objects.filter(locale=zh).first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = root.get_children().filter(slug="home").first()
        if welcome is not None and welcome.specific_class is Page and not welcome.get_children().exists():
            welcome.delete()
        image = demo_image("首页横幅 Home banner", seed=1)
        home = HomePage(slug="home", locale=zh, image=image, **{**words, "body": stream(words["body"])})
        root.add_child(instance=home)
        home.save_revision().publish()
    if site.pk is None or (site.hostname, site.port) == WAGTAIL_DEFAULT_SITE_ADDRESS:
        # Links in the sitemap, feeds and API point where the site is served.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname
        site.port = address.port or (443 if address.scheme == "https" else 80)
    if site.root_page_id != home.pk:
        site.root_page = home
    site.site_name = words["title"]
    site.save()
    return site, home


def load(home, stdout):
    words = read_json("site.json")
    site_settings = SiteSettings.for_site(Site.objects.get(root_page=home))
    for name, value in words["settings"].items():
        setattr(site_settings, name, value)
    site_settings.save()
    identity, _ = SiteIdentity.objects.update_or_create(locale=Locale.get_default(), defaults=words["identity"])
    if not identity.has_translation(en := Locale.objects.get(language_code="en")):
        translate(identity, en, words["identity_en"])
    center = demo_image("中心外景 Center", seed=2, size=(960, 540))
    about, _ = spec_page(home, ContentPage, words["about"], listing_image=center)
    news, _ = spec_page(home, NewsIndexPage, words["news_index"])
    content = data_file("news.csv").read_bytes()
    header, rows = read_rows(content, "news.csv")
    for number, row in enumerate(rows, start=1):
        if row[1]["kind"] == "news":
            demo_image(row[1]["image"], seed=100 + number, size=(960, 540))
    if not news.get_children().exists():
        report = importer.run_news_import(content, "news.csv", index=news, publish=True)
        if not report.ok:
            raise CommandError("news.csv: " + "; ".join(map(str, report.problems)))
    stdout.write(f"  site: home, about, {len(rows)} news items and notices")
    return {"about": about, "news": news}


def translate_shell(home, pages):
    """English versions of the home, about and news pages, made through wagtail-localize."""
    en = Locale.objects.get(language_code="en")
    strings = read_json("site.json")["translations_en"]
    for page, name in ((home, "home"), (pages["about"], "about"), (pages["news"], "news_index")):
        if not page.has_translation(en):
            translate(page, en, strings[name])


def build_menus(home):
    """Main menu: the home page's children shown in menus; footer: about, news and a link."""
    words = read_json("site.json")["menus"]
    zh = Locale.get_default()
    main, created = NavigationMenu.objects.get_or_create(slot=NavigationMenu.Slot.MAIN, locale=zh)
    if created:
        sections = home.get_children().live().in_menu()
        for order, section in enumerate(sections):
            NavigationMenuItem.objects.create(menu=main, link_page=section, sort_order=order)
    footer, created = NavigationMenu.objects.get_or_create(slot=NavigationMenu.Slot.FOOTER, locale=zh)
    if created:
        pages = home.get_children().live().filter(slug__in=words["footer_pages"]).order_by("path")
        for order, page in enumerate(pages):
            NavigationMenuItem.objects.create(menu=footer, link_page=page, sort_order=order)
        NavigationMenuItem.objects.create(menu=footer, **words["footer_link"])
    en = Locale.objects.get(language_code="en")
    for menu in (main, footer):
        if not menu.has_translation(en):
            translate(menu, en, words["translations_en"])
