"""Deploy checks (`manage.py check --deploy`) for settings that production must not run with."""

from django.conf import settings
from django.core import checks

PROCESS_LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@checks.register(checks.Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Rate limits (sign-ups, page passwords) count in the cache: a cache of each worker's own
    lets every worker count afresh, and a restart forgets."""
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in PROCESS_LOCAL_CACHES:
        return [
            checks.Error(
                f"The default cache ({backend}) is private to each worker process.",
                hint="Set CACHE_URL to a shared cache, e.g. redis://127.0.0.1:6379/1.",
                id="cms.E001",
            )
        ]
    return []
