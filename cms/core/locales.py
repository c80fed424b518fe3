"""The reader's locale and the default one, looked up once per request.

Wagtail's Locale.get_active() and get_default() each run a query, and a page asks for them in its
title, header, menus and footer. Within a request the answers are kept by language code; outside
one (commands, shells) every call asks the database, so a locale added or removed is never missed.
"""

from contextvars import ContextVar

from django.core.signals import request_finished, request_started
from django.dispatch import receiver
from django.utils.translation import get_language
from wagtail.models import Locale

_request_locales: ContextVar[dict | None] = ContextVar("request_locales", default=None)


@receiver(request_started)
def _start_remembering(**kwargs):
    _request_locales.set({})


@receiver(request_finished)
def _forget(**kwargs):
    _request_locales.set(None)


def _remembered(key, lookup):
    memo = _request_locales.get()
    if memo is None:
        return lookup()
    if key not in memo:
        memo[key] = lookup()
    return memo[key]


def active_locale():
    """The locale of the language being served (Locale.get_active())."""
    return _remembered(("active", get_language()), Locale.get_active)


def default_locale():
    """The site's default content locale (Locale.get_default())."""
    return _remembered(("default",), Locale.get_default)
