"""Scheduled publishing and expiry that happen on time even where no timer runs.

Wagtail publishes pages whose go-live time has come, and unpublishes expired ones, only when
`manage.py publish_scheduled` runs. Production runs it from a timer every minute (README,
"Production"); so that the embedded default (`make run`, no services) and a server whose timer is
missing still keep time, this middleware runs the same command when something is due, looking at
most once a minute per process. A cache lock keeps two workers from running it at once.
"""

import io
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import DatabaseError
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page, Revision

CHECK_EVERY_SECONDS = 60
LOCK_KEY = "scheduled-publishing:running"
logger = logging.getLogger(__name__)


def publishing_is_due(now=None):
    now = now or timezone.now()
    expired = Page.objects.filter(Q(live=True) & Q(expire_at__lte=now))
    return expired.exists() or Revision.objects.filter(approved_go_live_at__lte=now).exists()


def publish_what_is_due():
    """Run publish_scheduled if anything is due and no other process is running it; True if it ran."""
    if not publishing_is_due() or not cache.add(LOCK_KEY, True, 5 * 60):
        return False
    try:
        call_command("publish_scheduled", stdout=io.StringIO())
    finally:
        cache.delete(LOCK_KEY)
    return True


class ScheduledPublishingMiddleware:
    next_check = 0.0  # per process, whatever the number of handlers

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cls = type(self)
        if getattr(settings, "SCHEDULED_PUBLISHING_IN_REQUESTS", True) and time.monotonic() >= cls.next_check:
            cls.next_check = time.monotonic() + CHECK_EVERY_SECONDS
            try:
                publish_what_is_due()
            except DatabaseError:  # the database restarting: the visitor's page still comes first
                logger.warning("Scheduled publishing skipped: the database did not answer", exc_info=True)
                cls.next_check = time.monotonic() + 5
        return self.get_response(request)
