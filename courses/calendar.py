"""iCalendar (.ics) export of activities: one activity or a filtered list."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vText

ICS_STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def _event(activity, host):
    event = Event()
    event.add("uid", f"activity-{activity.pk}@{host}")
    event.add("dtstamp", activity.updated_at or timezone.now())
    event.add("dtstart", activity.start)
    event.add("dtend", activity.end)
    summary = activity.title
    if activity.status != "scheduled":
        summary = f"[{activity.get_status_display()}] {summary}"
    event.add("summary", summary)
    event.add("status", ICS_STATUS[activity.status])
    event.add("location", vText(" ".join(part for part in (activity.venue.name, activity.venue.address) if part)))
    organiser = f"{_('Organiser')}: {activity.organiser}" if activity.organiser else ""
    description = "\n".join(part for part in (activity.status_note, activity.description, organiser) if part)
    if description:
        event.add("description", description)
    if activity.venue.latitude is not None and activity.venue.longitude is not None:
        event.add("geo", (activity.venue.latitude, activity.venue.longitude))
    event.add("sequence", 1 if activity.status != "scheduled" else 0)
    event.add("last-modified", activity.updated_at or timezone.now())
    return event


def activities_ics(activities, host, name):
    calendar = Calendar()
    calendar.add("prodid", "-//community-education-cms//courses//ZH")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Shanghai")
    for activity in activities:
        calendar.add_component(_event(activity, host))
    return calendar.to_ical()


def month_bounds(year, month):
    tz = timezone.get_current_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    end = datetime.datetime(year + (month == 12), month % 12 + 1, 1, tzinfo=tz)
    return start, end
