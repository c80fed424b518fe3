"""What a page tells machines in its <head>: description, canonical, language alternates, share image.

Plain functions over a request and, for Wagtail pages, the page; the template tags in
``cms_tags`` only call them. Every URL is made absolute from the request being served, so the
same code is right behind any host name.
"""

from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import to_locale
from wagtail.models import Page

DESCRIPTION_LENGTH = 160
# The site's one convention for language codes (BCP 47 with a script subtag for Chinese),
# used by <html lang>, hreflang and JSON-LD inLanguage alike.
CHINESE_TAG = "zh-Hans"
# Open Graph wants a language_TERRITORY pair.
OPEN_GRAPH_LOCALES = {CHINESE_TAG: "zh_CN", "en": "en_US"}
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
DEFAULT_SHARE_IMAGE = "icons/share.png"
# Fields that describe a page in its own words, most specific first.
DESCRIPTION_FIELDS = ("search_description", "introduction", "abstract", "summary", "listing_summary")


def language_tag(code):
    """``zh-hans``, ``zh-CN``, ``zh`` → ``zh-Hans``; ``en``, ``en-US`` → ``en``; others as BCP 47."""
    if not code:
        return ""
    primary = code.replace("_", "-").split("-")[0].lower()
    if primary == "zh":
        return CHINESE_TAG
    if primary == "en":
        return "en"
    return to_locale(code).replace("_", "-")


def plain_summary(text, length=DESCRIPTION_LENGTH):
    """Text fit for a meta description: no markup, one line, cut at a word (or character) boundary."""
    text = " ".join(strip_tags(text or "").split())
    return Truncator(text).chars(length)


def page_description(page):
    """The page's own summary: its search description, else its introduction, abstract or summary."""
    describe = getattr(page, "get_meta_description", None)
    if describe is not None:
        text = describe()
        if text:
            return plain_summary(text)
    for field in DESCRIPTION_FIELDS:
        text = getattr(page, field, "")
        if isinstance(text, str) and text.strip():
            return plain_summary(text)
    return ""


def page_image(page):
    """The image that stands for the page when it is shared, or None."""
    if page is None:
        return None
    if hasattr(page, "get_listing_image"):
        image = page.get_listing_image()
        if image is not None:
            return image
    return getattr(page, "image", None) or getattr(page, "cover", None)


def share_image(request, page=None):
    """``{"url", "width", "height"}`` of the share card image: the page's rendition, else the site's."""
    image = page_image(page)
    if image is not None:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        return {
            "url": request.build_absolute_uri(rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.title,
        }
    return {"url": request.build_absolute_uri(static(DEFAULT_SHARE_IMAGE)), "width": 1200, "height": 630, "alt": ""}


def canonical_url(request):
    """The address without filters or tracking parameters; a list's page number is kept."""
    url = request.build_absolute_uri(request.path)
    number = request.GET.get("page", "")
    # isdigit() also accepts "²", which int() refuses: only plain ASCII page numbers count.
    if number.isascii() and number.isdigit() and int(number) > 1:
        url += f"?page={int(number)}"
    return url


def _route_suffix(request, page):
    """What a routable page's sub-view adds to the page's own path (``""`` for the page itself)."""
    page_path = page.get_url(request)
    path = request.path
    if page_path and path.startswith(page_path):
        return path[len(page_path) :]
    return ""


def page_alternates(request, page):
    """``[(language tag, absolute URL)]`` for each live translation of the page, plus ``x-default``.

    A sub-view of a routable page (an article list, a clause) points at the same sub-view of
    each translation.
    """
    suffix = _route_suffix(request, page)
    by_code = {}
    for translation in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translation.get_url(request)
        if url:
            by_code[translation.locale.language_code] = request.build_absolute_uri(url + suffix)
    return _with_default(by_code)


def view_alternates(request):
    """The same for a view outside the page tree: its path under each language prefix."""
    by_code = {code: request.build_absolute_uri(translate_url(request.path, code)) for code, _ in settings.LANGUAGES}
    return _with_default(by_code)


def _with_default(by_code):
    ordered = [(language_tag(code), by_code[code]) for code, _ in settings.LANGUAGES if code in by_code]
    if not ordered:
        return []
    default = by_code.get(settings.LANGUAGE_CODE, ordered[0][1])
    return ordered + [("x-default", default)]


def alternates(request, page=None):
    if isinstance(page, Page) and page.pk:
        return page_alternates(request, page)
    return view_alternates(request)
