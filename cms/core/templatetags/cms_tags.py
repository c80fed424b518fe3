"""Template tags for the page shell: breadcrumbs, language alternates, head tags, page elision."""

import html

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import override as language_override
from wagtail.models import Page, Site

from cms.core import head, locales, structured_data
from cms.core.templatetags.navigation_tags import site_identity

register = template.Library()


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None):
    page = page or context.get("page")
    trail = []
    if page is not None and page.depth > 2:
        trail = list(page.get_ancestors().filter(depth__gte=2).live().only("id", "title", "url_path", "depth"))
    return {"request": context.get("request"), "trail": trail, "current": page}


@register.simple_tag(takes_context=True)
def language_alternates(context, page=None):
    """One entry per site language: where the reader goes for it and whether it exists.

    For a page, the target is its live translation or, when it has none, a page in that language
    that says so and links to what exists (cms.core.views.untranslated_page); for any other
    view, Django's URL translation of the current path.
    """
    request = context.get("request")
    page = page or context.get("page")
    current = get_language()
    alternates = []
    translations = {}
    if isinstance(page, Page) and page.pk:
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation
    for code, name in settings.LANGUAGES:
        exists = code in translations
        if exists:
            url = translations[code].get_url(request)
        elif isinstance(page, Page) and page.pk:
            with language_override(code):
                url = reverse("untranslated_page", args=[page.pk])
        elif page is None and request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        alternates.append(
            {
                "code": code,
                "tag": head.language_tag(code),
                "name": name,
                "url": url,
                "current": code == current,
                "exact": exists or page is None,
            }
        )
    return alternates


@register.simple_tag
def active_locale():
    return locales.active_locale()


@register.simple_tag
def elided_pages(page_obj):
    """Page numbers with gaps, so a 200-page list does not print 200 links on a phone."""
    return page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)


@register.simple_tag
def language_tag(code):
    """The site's one spelling of a language code (``zh-Hans``, ``en``)."""
    return head.language_tag(code)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # Already escaped while rendering; printing it again must not escape it twice.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """``{% capture as name %}…{% endcapture %}``: render once, use the text in several places.

    The shell renders the title block once and reuses it in <title>, Open Graph and breadcrumbs.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def _text(captured):
    return html.unescape(str(captured or "")).strip()


@register.inclusion_tag("includes/head_tags.html", takes_context=True)
def head_tags(context, title="", description=""):
    """Description, canonical, hreflang alternates, Open Graph and Twitter card of this response."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    description = head.plain_summary(_text(description)) or (head.page_description(page) if page else "")
    return {
        "request": request,
        "title": _text(title),
        "description": description,
        "canonical": head.canonical_url(request),
        "alternates": head.alternates(request, page),
        "image": head.share_image(request, page),
        "og_locale": head.OPEN_GRAPH_LOCALES.get(head.language_tag(get_language()), ""),
        "site_name": getattr(site_identity(context), "center_name", ""),
        "og_type": "article" if page is not None and page.depth > 2 else "website",
    }


def _crumb(request, page):
    return (page.title, request.build_absolute_uri(page.get_url(request)))


def _breadcrumbs(request, page, title):
    """``[(name, URL)]`` from the home page of the reader's language down to this response."""
    here = head.canonical_url(request)
    if page is None:
        home = _home_page(request)
        return ([_crumb(request, home)] if home else []) + [(title, here)]
    trail = [_crumb(request, ancestor) for ancestor in page.get_ancestors().filter(depth__gte=2).live()]
    if request.path == page.get_url(request):
        return trail + [(page.title, here)]
    # A routable page's sub-view (an article list, a clause): the page is one more step.
    return trail + [_crumb(request, page), (title or page.title, here)]


def _home_page(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    return root.get_translations(inclusive=True).filter(locale=locales.active_locale()).live().first() or root


@register.simple_tag(takes_context=True)
def structured_data_scripts(context, title=""):
    """Every JSON-LD item of the response, each in its own ``<script type="application/ld+json">``."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    items = []
    if page is not None and hasattr(page, "structured_data"):
        items += page.structured_data(request)
    items += context.get("structured_data") or []
    items.append(structured_data.breadcrumb_list(_breadcrumbs(request, page, _text(title))))
    scripts = [f'<script type="application/ld+json">{structured_data.script_body(item)}</script>' for item in items]
    return mark_safe("\n    ".join(scripts))
