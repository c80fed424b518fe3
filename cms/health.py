"""`/healthz/` for load balancers and monitoring: the database, the cache and whatever the apps
add through the `register_health_check` hook (search adds its engine). 200 when all answer,
503 naming what failed; never cached, and it says nothing more than ok or failed to the public."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from wagtail import hooks

logger = logging.getLogger(__name__)


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def shared_cache():
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    try:
        return cache.get(key) == value
    finally:
        cache.delete(key)


def checks():
    """name -> callable returning True when healthy (raising counts as failing)."""
    found = {"database": database, "cache": shared_cache}
    for register in hooks.get_hooks("register_health_check"):
        found.update(register())
    return found


@never_cache
@require_GET
def healthz(request):
    results = {}
    for name, check in checks().items():
        try:
            results[name] = "ok" if check() else "failed"
        except Exception:  # any failure of a dependency is the answer here, not a server error
            logger.exception("Health check %s failed", name)
            results[name] = "failed"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse({"status": "ok" if healthy else "failed", "checks": results}, status=200 if healthy else 503)
