"""Ride out a database that is briefly unavailable instead of answering 500.

Two things make a request fail for a moment on a healthy site: PostgreSQL restarting (an upgrade,
a failover: connections are cut and new ones refused for a second or two) and, on the embedded
SQLite database, a lock held longer than the busy timeout. When a view fails with such an error,
this middleware waits until the database answers again (at most DATABASE_RETRY_SECONDS) and runs
the request once more. Only requests that can safely run twice are retried: reading methods, and
views marked with `@retry_after_database_error` because their writes are one transaction that the
failure rolled back and that refuses to be applied twice (a sign-up checks the phone number).
"""

import logging
import time

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse

logger = logging.getLogger(__name__)

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
RETRIED = "_database_retried"


def retry_after_database_error(view):
    """Mark a view whose writes may be retried after a database error (see the module docstring)."""
    view.database_retry_safe = True
    return view


def retry_seconds():
    return getattr(settings, "DATABASE_RETRY_SECONDS", 15)


def database_answers():
    """True once every configured database accepts a connection and a query."""
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()  # a cut connection cannot be reused
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
        except DatabaseError:
            return False
    return True


def wait_for_database(deadline):
    pause = 0.1
    while True:
        if database_answers():
            return True
        if time.monotonic() + pause > deadline:
            return False
        time.sleep(pause)
        pause = min(pause * 2, 1.0)


def may_retry(request):
    if getattr(request, RETRIED, False):
        return False
    if request.method in SAFE_METHODS:
        return True
    match = getattr(request, "resolver_match", None)
    return bool(match and getattr(match.func, "database_retry_safe", False))


class DatabaseRetryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)) or not may_retry(request):
            return None
        setattr(request, RETRIED, True)
        logger.warning("Database error on %s %s, waiting to retry: %s", request.method, request.path, exception)
        if not wait_for_database(time.monotonic() + retry_seconds()):
            response = HttpResponse("The database is not available; please try again shortly.", status=503)
            response["Retry-After"] = "10"
            return response
        return self.get_response(request)
