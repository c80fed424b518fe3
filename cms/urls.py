from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.core import documents, page_passwords
from cms.core.api import api_router
from cms.core.care_mode import switch_care_mode
from cms.core.health import healthz
from cms.core.sitemap import LocalizedSitemap
from cms.core.views import favicon_ico, robots_txt, untranslated_page, web_manifest
from courses import urls as courses_urls
from journal import urls as journal_urls
from search import urls as search_urls
from standards import urls as standards_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document view, without the Content-Encoding it guesses from the file name.
    re_path(r"^documents/(\d+)/(.*)$", documents.serve, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}),
    path("robots.txt", robots_txt),
    path("favicon.ico", favicon_ico),
    path("healthz/", healthz),
    path("care-mode/", switch_care_mode, name="care_mode"),
]

# Each content app lists its own non-page URLs (feeds, OAI-PMH, search…): machine-facing
# ones outside the language prefix, reader-facing ones inside it.
APPS_WITH_URLS = (courses_urls, journal_urls, standards_urls, search_urls)
for app_urls in APPS_WITH_URLS:
    urlpatterns += app_urls.urlpatterns

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    *[pattern for app_urls in APPS_WITH_URLS for pattern in app_urls.i18n_urlpatterns],
    path("manifest.webmanifest", web_manifest, name="web_manifest"),
    path("untranslated/<int:page_id>/", untranslated_page, name="untranslated_page"),
    # Ahead of Wagtail's own view at the same path: page passwords with limited guesses.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
