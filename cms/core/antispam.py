"""What every public form shares against spam and floods: a honeypot field and a rate limit
per client address (behind a reverse proxy, set NUM_PROXIES so the real address is used)."""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website"


class HoneypotForm(forms.Form):
    """Adds a field people never see (templates hide it, keyboards skip it) and bots fill in."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD))


def client_address(request):
    """The client's IP address: REMOTE_ADDR, or with NUM_PROXIES trusted proxies in front, the
    address the outermost of them saw (the NUM_PROXIES-th entry from the right of X-Forwarded-For)."""
    proxies = getattr(settings, "NUM_PROXIES", 0)
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limited(request, scope, limit, window):
    """True once this client has made more than ``limit`` attempts at ``scope`` within ``window`` seconds."""
    key = f"ratelimit:{scope}:{client_address(request)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count > limit
