from django.conf import settings
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from .head import language_tag
from .models import SiteIdentity


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri("/sitemap.xml")},
        content_type="text/plain; charset=utf-8",
    )


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def web_manifest(request):
    """The web app manifest in the reader's language: name, start page, icons, colours."""
    identity = SiteIdentity.for_active_locale()
    name = identity.center_name if identity else request.get_host()
    icons = [
        {"src": static(f"icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"} for size in (192, 512)
    ] + [{"src": static("icons/favicon.svg"), "sizes": "any", "type": "image/svg+xml"}]
    manifest = {
        "name": name,
        "short_name": name,
        "lang": language_tag(get_language()),
        "start_url": reverse("wagtail_serve", args=[""]),
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#a61b29",
        "icons": icons,
    }
    return JsonResponse(manifest, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


@require_GET
def favicon_ico(request):
    """Browsers and feed readers ask /favicon.ico before reading any page's <link rel="icon">."""
    return HttpResponsePermanentRedirect(static("icons/favicon-32.png"))


@require_GET
def untranslated_page(request, page_id):
    """Where the language switch leads from a page that has no translation in the reader's language:
    it says so in words and links to the page in its own language and to the nearest page that
    exists in this one. Once a translation is published, the link leads straight to it."""
    page = get_object_or_404(Page.objects.live().public().select_related("locale"), pk=page_id)
    locale = Locale.get_active()
    translation = page.get_translation_or_none(locale)
    if translation is not None and translation.live:
        return redirect(translation.get_url(request))
    nearest = None
    for ancestor in page.get_ancestors().filter(depth__gte=2).reverse():
        nearest = ancestor.get_translations(inclusive=True).filter(locale=locale).live().first()
        if nearest is not None:
            break
    context = {
        "original": page,
        "original_language": language_tag(page.locale.language_code),
        "language": dict(settings.LANGUAGES).get(get_language(), get_language()),
        "nearest": nearest,
    }
    return render(request, "core/untranslated_page.html", context)
