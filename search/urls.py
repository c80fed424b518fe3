"""URLs of this app that are not Wagtail pages.

`urlpatterns` are mounted at the site root (machine-facing: feeds, protocols, APIs);
`i18n_urlpatterns` under the language prefix (reader-facing views).
"""

from django.urls import path

from search import views

urlpatterns = [
    path("api/search/", views.api_search, name="search_api"),
]
i18n_urlpatterns = [
    path("search/", views.search_page, name="search"),
    path("search/suggest/", views.suggest_view, name="search_suggest"),
    path("search/export/", views.export_view, name="search_export"),
]
