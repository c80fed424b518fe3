"""Content-Security-Policy and Permissions-Policy for the public site.

Scripts only from the site itself, never inline (an injected <script> or onclick= does not
run); nothing framed or loaded from elsewhere, since the site uses no third-party assets; no
camera, microphone or location. Styles may be inline (the stand-alone 500 page has its own).
The admin is left to Wagtail, whose editor relies on inline scripts and styles.
"""

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)
ADMIN_PREFIX = "/admin/"
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics")
)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        if not request.path.startswith(ADMIN_PREFIX):
            response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        return response
