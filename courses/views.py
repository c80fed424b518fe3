"""Reader-facing views that are not pages: activities, their calendar and sign-up, the map, progress."""

import calendar as month_calendar
import datetime

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Site

from cms.core.database_retry import retry_after_database_error
from cms.core.query_values import whole_number

from . import learning_map, progress
from .activity_list import AVAILABILITY, ActivityFilter
from .calendar import activities_ics, month_bounds
from .jsonld import event_jsonld
from .models import LearningActivity, Registration
from .registration import (
    AlreadySignedUp,
    RegistrationClosed,
    RegistrationForm,
    is_open,
    rate_limited,
    register,
    waiting_position,
)

PER_PAGE = 20
ICS_LIMIT = 2000


def _public_activity(pk):
    return get_object_or_404(
        LearningActivity.objects.public().select_related("venue", "venue__city", "venue__county", "course"), pk=pk
    )


@require_GET
def activity_list(request):
    activity_filter = ActivityFilter(request.GET)
    page = Paginator(activity_filter.results(), PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "courses/activity_list.html",
        {
            "filter": activity_filter,
            "activities": page,
            "page_obj": page,
            "cities": activity_filter.city_counts(),
            "counties": activity_filter.county_counts(),
            "months": activity_filter.month_counts(),
            "availability": [
                (
                    label,
                    activity_filter.query_string(availability=key),
                    activity_filter.filters.get("availability") == key,
                )
                for key, label in AVAILABILITY.items()
            ],
            "all_query": activity_filter.query_string(availability=None),
            "ics_query": activity_filter.query_string(),
            "now": timezone.now(),
        },
    )


@require_GET
def activity_calendar(request):
    today = timezone.localdate()
    try:
        month = datetime.datetime.strptime(request.GET.get("month", ""), "%Y-%m").date()
    except ValueError:
        month = today.replace(day=1)
    start, end = month_bounds(month.year, month.month)
    activity_filter = ActivityFilter(request.GET)
    activities = (
        activity_filter.filtered(skip=("month",))
        .filter(start__gte=start, start__lt=end)
        .select_related("venue")
        .order_by("start", "pk")
    )
    by_day = {}
    for activity in activities:
        by_day.setdefault(timezone.localtime(activity.start).day, []).append(activity)
    weeks = [
        [(day, by_day.get(day, [])) if day else (None, []) for day in week]
        for week in month_calendar.Calendar(firstweekday=0).monthdayscalendar(month.year, month.month)
    ]
    previous = (month - datetime.timedelta(days=1)).replace(day=1)
    following = (month + datetime.timedelta(days=32)).replace(day=1)
    return TemplateResponse(
        request,
        "courses/activity_calendar.html",
        {
            "month": month,
            "weeks": weeks,
            "previous_query": activity_filter.query_string(month=previous.strftime("%Y-%m")),
            "next_query": activity_filter.query_string(month=following.strftime("%Y-%m")),
            "ics_query": activity_filter.query_string(month=month.strftime("%Y-%m")),
            "filter": activity_filter,
            "weekdays": [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")],
        },
    )


@require_GET
def activity_detail(request, pk):
    activity = _public_activity(pk)
    return TemplateResponse(
        request,
        "courses/activity_detail.html",
        {
            "activity": activity,
            "jsonld": event_jsonld(activity, request),
            "course": activity.course if activity.course_id and activity.course.live else None,
            "signup_open": is_open(activity),
            "form": RegistrationForm(),
            "confirmed_count": activity.registrations.filter(state=Registration.State.CONFIRMED).count(),
        },
    )


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def activity_ics(request, pk):
    activity = _public_activity(pk)
    return _ics_response(activities_ics([activity], request.get_host(), activity.title), f"activity-{pk}.ics")


@require_GET
def activity_list_ics(request):
    activity_filter = ActivityFilter(request.GET)
    activities = activity_filter.results().select_related(None).select_related("venue")[:ICS_LIMIT]
    return _ics_response(activities_ics(activities, request.get_host(), _("Learning activities")), "activities.ics")


@never_cache  # personal: a sign-up's answer is for its sender only
@require_http_methods(["GET", "POST"])
@retry_after_database_error  # register() is one transaction and refuses a second sign-up per phone
def activity_signup(request, pk):
    activity = _public_activity(pk)
    if request.method == "GET":
        return redirect(activity.get_absolute_url())
    form = RegistrationForm(request.POST)
    context = {"activity": activity, "form": form, "signup_open": is_open(activity)}
    if not context["signup_open"]:
        context["error"] = _("This activity does not take sign-ups.")
        return render(request, "courses/activity_signup.html", context, status=400)
    if form.is_spam():
        return render(request, "courses/activity_signup.html", context, status=400)
    if rate_limited(request):
        context["error"] = _("Too many sign-ups from your connection; please try again in a few minutes.")
        return render(request, "courses/activity_signup.html", context, status=429)
    if not form.is_valid():
        return render(request, "courses/activity_signup.html", context, status=400)
    try:
        registration = register(activity, form.cleaned_data["name"], form.cleaned_data["phone"])
    except RegistrationClosed as closed:
        context["error"] = str(closed)
        return render(request, "courses/activity_signup.html", context, status=400)
    except AlreadySignedUp as already:
        context.update(notice=str(already), form=RegistrationForm())
        return render(request, "courses/activity_signup.html", context)
    return redirect("courses_signup_done", reference=registration.reference)


@never_cache
@require_GET
def signup_done(request, reference):
    registration = (
        Registration.objects.select_related("activity", "activity__venue").filter(reference=reference).first()
    )
    if registration is None:
        raise Http404
    return TemplateResponse(
        request,
        "courses/signup_done.html",
        {"registration": registration, "activity": registration.activity, "position": waiting_position(registration)},
    )


@require_GET
def learning_map_view(request):
    site = Site.find_for_request(request)
    return TemplateResponse(request, "courses/learning_map.html", learning_map.context(request.GET, site))


@require_GET
def progress_view(request):
    site = Site.find_for_request(request)
    year = whole_number(request.GET.get("year"), minimum=2000, maximum=2100)
    return TemplateResponse(request, "courses/progress.html", progress.context(site, year))
