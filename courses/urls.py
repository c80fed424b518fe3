"""URLs of this app that are not Wagtail pages.

`urlpatterns` are mounted at the site root (machine-facing: feeds, protocols, APIs);
`i18n_urlpatterns` under the language prefix (reader-facing views).
"""

from django.urls import path

from . import views

urlpatterns = [
    path("activities.ics", views.activity_list_ics, name="courses_activity_list_ics"),
    path("activities/<int:pk>.ics", views.activity_ics, name="courses_activity_ics"),
]
i18n_urlpatterns = [
    path("activities/", views.activity_list, name="courses_activity_list"),
    path("activities/calendar/", views.activity_calendar, name="courses_activity_calendar"),
    path("activities/<int:pk>/", views.activity_detail, name="courses_activity"),
    path("activities/<int:pk>/signup/", views.activity_signup, name="courses_activity_signup"),
    path("activities/signup/<str:reference>/", views.signup_done, name="courses_signup_done"),
    path("learning-map/", views.learning_map_view, name="courses_learning_map"),
    path("progress/", views.progress_view, name="courses_progress"),
]
