"""Production: everything secret or host-specific must come from the environment."""

from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

from .base import *
from .base import env

DEBUG = False

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings refuse to start without it: "
        "export SECRET_KEY to a long random string, e.g. "
        "python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )

SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail relaxes it to SAMEORIGIN for its own preview views

# Behind nginx (deploy/nginx/cms.conf), documents leave through X-Accel-Redirect once Wagtail
# has checked their collection's privacy; without it, the worker streams them itself.
if env.bool("NGINX_SENDFILE", default=False):
    SENDFILE_BACKEND = "cms.core.sendfile_nginx"

# WhiteNoise serves the collected static files (CSS, fonts) itself: no CDN, no extra server.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"
# A file missing from the manifest (collectstatic run under other settings, or forgotten) is
# linked by its plain name instead of failing every page with a server error.
WHITENOISE_MANIFEST_STRICT = False

# Mail from one URL: smtp://user:password@host:25, smtp+tls://…:587 (STARTTLS), smtp+ssl://…:465.
vars().update(env.email_url("EMAIL_URL", default="smtp://localhost:25"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="webmaster@localhost")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)  # the sender of error reports
# Who receives error reports: "Name <address>, Other <address>".
ADMINS = getaddresses([env("ADMINS", default="")])

# One JSON object per log line (cms/settings/base.py, LOGGING) unless LOG_FORMAT says otherwise.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT

# Error reports to Sentry (or a compatible service such as GlitchTip) when SENTRY_DSN is set.
# Personal data stays home (PIPL): no request bodies, cookies, user details or client addresses.
if SENTRY_DSN := env("SENTRY_DSN", default=""):
    import sentry_sdk

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env("SENTRY_ENVIRONMENT", default="production"),
        send_default_pii=False,
        max_request_body_size="never",
        traces_sample_rate=env.float("SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
