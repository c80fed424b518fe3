"""The test suite: fast hashing, in-memory cache and mail, tasks run immediately."""

import tempfile

from .base import *
from .base import env, page_cache_alias

DEBUG = False
SECRET_KEY = "test-only-insecure-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# In memory, unless TEST_CACHE_URL names a real one (.ci/run runs the cache's users on Redis).
CACHES = {"default": env.cache("TEST_CACHE_URL", default="locmemcache://")}
CACHES["pages"] = page_cache_alias(CACHES["default"])
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Off by default in tests (its once-a-minute query would disturb query counts); its own tests turn it on.
SCHEDULED_PUBLISHING_IN_REQUESTS = False
# Off too (a second request would not reach the database); tests/core/test_page_cache.py turns it on.
PAGE_CACHE_SECONDS = 0
# Off as well: a test's changes never commit, so they would never renew it (tests turn it on).
FRAGMENT_CACHE_SECONDS = 0
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-private-")
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
if env("DATABASE_URL", default=None) is None:
    DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
