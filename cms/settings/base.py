"""Settings shared by every environment; everything site-specific comes from the environment.

Unset variables give the embedded default: SQLite in the project folder, the database
search backend and a local-memory cache, so a newcomer needs no services at all.
"""

import datetime
from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

from journal.oai_identity import default_repository_id

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default=None)
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Reverse proxies in front of the site whose X-Forwarded-For is trusted (rate limits per client).
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

INSTALLED_APPS = [
    "cms.core",
    "home",
    "courses",
    "journal",
    "standards",
    "network",
    "calls",
    "search",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "wagtailmedia",
    "axes",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Pages leave gzipped wherever the site is served (nginx compresses only the files it
    # serves itself: gzip_proxied is off). BREACH: Django pads each response with a
    # random-length gzip header (Heal The Breach) and masks CSRF tokens anew for every
    # response, and no page puts a secret next to reflected input, so HTML is compressed
    # whole. Strong ETags become weak, as RFC 9110 asks of a transformed body; the page
    # cache below compares If-None-Match weakly, so its 304s still happen. Static files
    # are compressed once at collectstatic by WhiteNoise (production.py), not per request.
    "cms.core.compression.TextGZipMiddleware",
    "cms.core.security_headers.SecurityHeadersMiddleware",
    # Early, so a request it retries after a database restart runs every later step again.
    "cms.core.database_retry.DatabaseRetryMiddleware",
    # The page cache stores a response once every inner step (sessions, CSRF, messages) has had
    # its say, and answers from the cache innermost (cms/core/page_cache.py).
    "cms.core.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.core.scheduled_publishing.ScheduledPublishingMiddleware",
    "cms.core.workflow_messages.WorkflowActionMessageMiddleware",
    "cms.core.page_cache.PageCacheFetchMiddleware",
    # Last, as django-axes asks: it answers a locked-out login attempt.
    "axes.middleware.AxesMiddleware",
]

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one user name
# from one address, that pair is locked out for AXES_COOLOFF_TIME, even with the right password.
# Failures are kept in the database, so every worker and a restart see them.
# cms/core/scheduled_publishing.py: run publish_scheduled from requests when something is due.
# cms/core/database_retry.py: how long a request waits for a restarting database before a 503.
DATABASE_RETRY_SECONDS = env.int("DATABASE_RETRY_SECONDS", default=15)
SCHEDULED_PUBLISHING_IN_REQUESTS = env.bool("SCHEDULED_PUBLISHING_IN_REQUESTS", default=True)
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env.int("NUM_PROXIES", default=0)

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.core.care_mode.care_mode",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: PostgreSQL (or anything Django speaks) from DATABASE_URL; SQLite file otherwise.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
# A kept connection is tested before each request reuses it, so a database restart costs no errors.
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    SQLITE_OPTIONS = DATABASES["default"].setdefault("OPTIONS", {})
    # Writers queue instead of failing with "database is locked": each transaction takes the
    # write lock when it begins (IMMEDIATE; a deferred one that reads first and then writes
    # cannot wait for the lock and fails at once), and waits up to 20 s for it.
    SQLITE_OPTIONS.setdefault("timeout", 20)
    SQLITE_OPTIONS.setdefault("transaction_mode", "IMMEDIATE")
    # WAL: readers never wait for a writer, nor a writer for readers. Memory mapping: SQLite's own
    # page cache is 2 MB and starts empty on each connection, so a search's row lookups would each
    # be a read() call; mapped, they cost what a cached page does (4x on searches at 100,000 pages,
    # bench/search_corpus.py).
    SQLITE_OPTIONS.setdefault(
        "init_command", "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA mmap_size = 1073741824"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis (or any django-environ cache URL) from CACHE_URL; process memory otherwise.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}


def page_cache_alias(default):
    """The page cache's own alias on the same server: pages never crowd out rate-limit counters."""
    pages = {**default, "KEY_PREFIX": "pages"}
    if pages["BACKEND"].endswith("LocMemCache"):
        pages.update(LOCATION="pages", OPTIONS={"MAX_ENTRIES": 5000})
    return pages


CACHES["pages"] = page_cache_alias(CACHES["default"])
# The anonymous page cache (cms/core/page_cache.py, README "Page cache"): how long a public page
# is kept for visitors without a session (0: off), and how long browsers may reuse it unasked
# (0: they revalidate, which the cache answers; a browser's copy cannot be purged).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
PAGE_CACHE_BROWSER_SECONDS = env.int("PAGE_CACHE_BROWSER_SECONDS", default=0)
# What every page repeats (menus, the centre's name and address), kept between requests under the
# page cache's generation, so as fresh as the pages themselves (cms/core/fragment_cache.py; 0: off).
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600)
# A cache in front of the site (Varnish, nginx with a purge module) that accepts PURGE requests:
# pages are purged there too, through Wagtail's frontend-cache invalidation.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL", default="")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Simplified Chinese first (no URL prefix), English at /en/.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
# Tags typed with a full-width comma "，" are separate tags (cms/core/tags.py).
TAGGIT_TAGS_FROM_STRING = "cms.core.tags.parse_tags"
# Submitting a translation makes a draft, never a live page: publishing it is a separate step
# that needs the publish permission, so moderated sections stay moderated (cms/core/moderated_translation.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# The admin names the content languages in the editor's own language ("发布在英文", not "English");
# visitors' language switcher keeps LANGUAGES, each language named in itself.
WAGTAIL_CONTENT_LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"
# Files only some people may read (calls' submissions): never under MEDIA_ROOT, so no web server
# configuration can hand them out; calls.views serves them after checking who asks.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="浙江省社区教育指导中心")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Gravatar does not load in mainland China: the admin shows its local default avatar instead.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
    "mp4",
    "mp3",
    "m4a",
    "vtt",
    "srt",
    "json",
]  # no html, svg or xml: a browser runs their scripts if a web server ever serves them inline
# Document links always go through Wagtail's view, which checks collection privacy; the files in
# MEDIA_ROOT/documents/ must never be served directly (README, "Configuration by environment").
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILMEDIA = {"MEDIA_MODEL": "wagtailmedia.Media"}

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Site-wide labels that are not content.
PUBLISHER_NAME = _("Zhejiang Provincial Community Education Guidance Center")

# LOG_FORMAT=json writes one JSON object per line (time, level, logger, message and the record's
# extras, such as a failed request's status_code), for journald and log collectors; production
# defaults to it. "text" is for people reading a terminal.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            # Requests and sockets are not JSON; their extras are summed up as text.
            "json_default": str,
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}

# --- courses ---
# How long activity sign-ups (name, phone) are kept after the activity ends (PIPL).
COURSES_REGISTRATION_RETENTION_DAYS = env.int("COURSES_REGISTRATION_RETENTION_DAYS", default=180)

# --- journal ---------------------------------------------------------------------------------
# OAI-PMH identifiers are oai:{JOURNAL_OAI_REPOSITORY_ID}:article/{id}; keep it stable once harvested.
# By default the site's domain name; on a development address (127.0.0.1) journal.localhost, which
# the protocol accepts and `check --deploy` refuses, as it refuses the address oai@journal.localhost.
JOURNAL_OAI_REPOSITORY_ID = env("JOURNAL_OAI_REPOSITORY_ID", default=default_repository_id(WAGTAILADMIN_BASE_URL))
JOURNAL_OAI_ADMIN_EMAIL = env("JOURNAL_OAI_ADMIN_EMAIL", default=f"oai@{JOURNAL_OAI_REPOSITORY_ID}")
JOURNAL_OAI_PAGE_SIZE = env.int("JOURNAL_OAI_PAGE_SIZE", default=100)
JOURNAL_CROSSREF_EMAIL = env("JOURNAL_CROSSREF_EMAIL", default=JOURNAL_OAI_ADMIN_EMAIL)

# --- search ---------------------------------------------------------------------------------
# Chinese-aware search (search/analysis.py): the embedded engine on SQLite FTS5 or PostgreSQL by
# default; Elasticsearch 8 when ELASTICSEARCH_URL is set.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.engines.database"}}
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
SEARCH_ELASTICSEARCH_INDEX = env("SEARCH_ELASTICSEARCH_INDEX", default="cms-pages")
# "cjk" works on any cluster; "smartcn" or "ik" need the analysis plugin installed.
SEARCH_ELASTICSEARCH_ANALYZER = env("SEARCH_ELASTICSEARCH_ANALYZER", default="cjk")
