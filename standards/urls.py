"""URLs of this app that are not Wagtail pages.

`urlpatterns` are mounted at the site root (machine-facing: feeds, protocols, APIs);
`i18n_urlpatterns` under the language prefix (reader-facing views).
"""

from django.urls import re_path
from wagtail import views as wagtail_views

urlpatterns = []

# Wagtail's catch-all only accepts path segments made of word characters and hyphens, so a
# clause's readable permalink (…/standard/5.1.2/) would never reach the page. This pattern
# hands paths ending in a dotted clause number to Wagtail's page routing unchanged.
i18n_urlpatterns = [
    re_path(r"^((?:[\w\-]+/)+(?:\d+|[A-Z])(?:\.\d+)+/)$", wagtail_views.serve, name="standards_clause_serve"),
]
