"""The floor for bench/page_types.py: the production settings and their whole middleware stack, with
one view that answers a short text, served by the same gunicorn command as `make serve`. Used as
both DJANGO_SETTINGS_MODULE and ROOT_URLCONF (bench/ on PYTHONPATH)."""

from django.http import HttpResponse
from django.urls import path

from cms.settings.production import *  # noqa: F403

ROOT_URLCONF = "page_types_floor"


def hello(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("", hello)]
