"""The anonymous page cache: public pages for visitors without a session come from Django's cache.

Two middlewares, as Django's own cache middleware: `PageCacheFetchMiddleware` (innermost, after
sessions, language, CSRF and scheduled publishing) answers from the cache; `PageCacheMiddleware`
(outermost but for the security headers) stores what the site answered once every later step
has had its say, so a response that sets a cookie (a CSRF token in a form, a session, messages)
is seen as such and never stored.

Never stale, simply: every entry's key holds the site's current *generation*, and any change a
visitor could see (cms/core/page_cache_purge.py) starts a new one after its transaction commits,
so every cached page is dropped at once. A publish costs a cold cache for the whole site, which
is cheap next to a page that is right. The generation must be seen by every process: in the
cache when the cache is shared (Redis, CACHE_URL); with the default process-local memory cache,
in a stamp file's modification time, which every worker on the machine reads.

Browsers get `max-age=PAGE_CACHE_BROWSER_SECONDS` (0: they revalidate each time, answered with a
304 from the cache, since a browser cannot be purged). A front cache declared by
FRONTEND_CACHE_URL may keep Wagtail pages (without a query string: the URLs it can be told to
purge) for PAGE_CACHE_SECONDS (`s-maxage`); Wagtail's frontend-cache app purges them.

A page that is counted each time it is read (an article view) is cached all the same: its
response names what to count (`notify_when_served`), the entry keeps that notice, and each hit
tells the `page_cache_served` hooks, which count it. Such a page is never left to a front cache
or a browser's own copy, which could not count.

Content that changes with the clock alone (an activity starting, a sign-up deadline passing)
shows within PAGE_CACHE_SECONDS.
"""

import hashlib
import os
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.translation import get_language_from_path
from wagtail import hooks

from cms.core.care_mode import is_on as care_mode_is_on

CACHE_ALIAS = "pages"  # cms/settings/base.py
GENERATION_KEY = "page-cache:generation"
HIT_HEADER = "X-Page-Cache"
# Paths, after any language prefix, that are never cached: the admin, documents (their privacy
# is checked per visitor), the health check and the page-password form.
NEVER_CACHED_PREFIXES = ("/admin/", "/documents/", "/healthz/", "/_util/")
REFUSING_DIRECTIVES = ("private", "no-cache", "no-store")
# Kept with a cached entry and never sent: what each serving of the page must be reported as.
SERVED_NOTICE_HEADER = "X-Page-Cache-Notice"


def lifetime():
    return max(getattr(settings, "PAGE_CACHE_SECONDS", 0), 0)


# --- the generation ----------------------------------------------------------------------------


def page_store():
    return caches[CACHE_ALIAS]


def _process_local():
    return isinstance(page_store(), LocMemCache)


def stamp_path():
    configured = getattr(settings, "PAGE_CACHE_STAMP_FILE", "")
    if configured:
        return Path(configured)
    # One stamp per installation and database on this machine.
    database = str(settings.DATABASES["default"].get("NAME", ""))
    digest = hashlib.sha256(f"{settings.BASE_DIR}|{database}".encode()).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"cms-page-cache-{digest}"


def current_generation():
    """A token that changes on every purge and is never reused, so an old entry never returns."""
    if _process_local():
        try:
            return str(os.stat(stamp_path()).st_mtime_ns)
        except FileNotFoundError:
            return "0"
    store = page_store()
    generation = store.get(GENERATION_KEY)
    if generation is None:  # never purged, or evicted: start afresh rather than fall back to an old one
        generation = uuid.uuid4().hex
        if not store.add(GENERATION_KEY, generation, None):
            generation = store.get(GENERATION_KEY) or generation
    return generation


def purge():
    """Make every cached page stale now (callers run it after their transaction commits)."""
    if _process_local():
        path = stamp_path()
        path.touch(exist_ok=True)
        previous = os.stat(path).st_mtime_ns
        stamp = max(time.time_ns(), previous + 1)
        os.utime(path, ns=(stamp, stamp))
    else:
        page_store().set(GENERATION_KEY, uuid.uuid4().hex, None)


# --- pages counted each time they are served -------------------------------------------------


def notify_when_served(response, notice):
    """Have each later serving of this response from the cache reported to the
    ``page_cache_served`` hooks as ``hook(request, notice)``; the page's own view reports the
    first serving itself."""
    response[SERVED_NOTICE_HEADER] = notice


def _report_served(request, notice):
    for hook in hooks.get_hooks("page_cache_served"):
        hook(request, notice)


# --- which requests and responses --------------------------------------------------------------


def _path_without_language(path):
    language = get_language_from_path(path)
    return path[len(language) + 1 :] if language and path.startswith(f"/{language}/") else path


def request_is_cacheable(request):
    if not lifetime() or request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or CookieStorage.cookie_name in cookies:
        return False  # signed in, a page password given, or messages waiting: personal
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    return not _path_without_language(request.path).startswith(NEVER_CACHED_PREFIXES)


def response_is_storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(directive in cache_control for directive in REFUSING_DIRECTIVES)


def cache_key(request, generation):
    """The page's full URL, its language and the visitor's care mode, in this generation."""
    language = getattr(request, "LANGUAGE_CODE", "") or settings.LANGUAGE_CODE
    # Pages differ by the reader's care mode (关怀模式); other cookie values would only multiply entries.
    care_mode = care_mode_is_on(request)
    url = request.build_absolute_uri()
    digest = hashlib.sha256(f"{url}|{language}|{care_mode}".encode()).hexdigest()
    return f"page-cache:{generation}:{digest}"


def _front_cache_may_keep(request):
    return (
        bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))
        and not request.GET
        and getattr(request.resolver_match, "url_name", None) == "wagtail_serve"
    )


def _mark_public(request, response):
    patch_vary_headers(response, ("Cookie",))  # a browser's copy from before signing in is not reused
    counted = SERVED_NOTICE_HEADER in response
    browser_seconds = 0 if counted else max(getattr(settings, "PAGE_CACHE_BROWSER_SECONDS", 0), 0)
    directives = {"public": True, "max_age": browser_seconds}
    if _front_cache_may_keep(request) and not counted:
        directives["s_maxage"] = lifetime()
    else:
        directives["must_revalidate"] = True
    patch_cache_control(response, **directives)
    set_response_etag(response)


# --- the middlewares ---------------------------------------------------------------------------


class PageCacheFetchMiddleware:
    """Answers a cacheable request from the cache; otherwise notes the key for PageCacheMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request_is_cacheable(request):
            return self.get_response(request)
        key = cache_key(request, current_generation())
        entry = page_store().get(key)
        if entry is None:
            request.page_cache_key = key
            return self.get_response(request)
        content, headers = entry
        response = HttpResponse(content)
        for name, value in headers:
            if name == SERVED_NOTICE_HEADER:
                _report_served(request, value)
            else:
                response[name] = value
        response[HIT_HEADER] = "hit"
        request.page_cache_hit = True
        return get_conditional_response(request, etag=response.get("ETag"), response=response)


class PageCacheMiddleware:
    """Stores a response PageCacheFetchMiddleware did not find, if it is the same for everyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "page_cache_key", None)
        if key is None or getattr(request, "page_cache_hit", False) or not response_is_storable(request, response):
            del response[SERVED_NOTICE_HEADER]
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        _mark_public(request, response)
        if request.method == "GET":
            headers = [(name, value) for name, value in response.items() if name != HIT_HEADER]
            page_store().set(key, (response.content, headers), lifetime())
        del response[SERVED_NOTICE_HEADER]
        response[HIT_HEADER] = "miss"
        return get_conditional_response(request, etag=response.get("ETag"), response=response)
