"""Care mode (关怀模式): larger text, stronger contrast, bigger targets and one column, as
China's ageing-friendly rules for public-service sites expect.

One switch in the header, a plain link so it works without JavaScript: this view remembers the
choice in a cookie and sends the reader back where they were. Public pages may be cached, so
the page cache keys on CARE_MODE_COOKIE; this view itself is never cached.
"""

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

CARE_MODE_COOKIE = "care_mode"
CARE_MODE_ON = "1"
# A year: the reader chose it once and should not have to choose again.
COOKIE_MAX_AGE = 365 * 24 * 60 * 60


def is_on(request):
    return request.COOKIES.get(CARE_MODE_COOKIE) == CARE_MODE_ON


def safe_next(request):
    """The local page to go back to; anything pointing elsewhere (or nothing) goes to the home page."""
    target = request.GET.get("next", "")
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed and target.startswith("/") else "/"


@never_cache
def switch_care_mode(request):
    response = HttpResponseRedirect(safe_next(request))
    if request.GET.get("on") == CARE_MODE_ON:
        response.set_cookie(
            CARE_MODE_COOKIE,
            CARE_MODE_ON,
            max_age=COOKIE_MAX_AGE,
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    else:
        response.delete_cookie(CARE_MODE_COOKIE, samesite="Lax")
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def care_mode(request):
    """Context processor: whether the reader chose care mode, and the link that flips it."""
    return {"care_mode": is_on(request)}
