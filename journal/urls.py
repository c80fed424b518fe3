"""URLs of this app that are not Wagtail pages.

`urlpatterns` are mounted at the site root (machine-facing: feeds, protocols, APIs);
`i18n_urlpatterns` under the language prefix (reader-facing views).
"""

from django.urls import path

from . import oai

urlpatterns = [path("oai/", oai.endpoint, name="journal_oai")]
i18n_urlpatterns = []
