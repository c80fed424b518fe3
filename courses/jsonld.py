"""schema.org JSON-LD for courses (Course + CourseInstance) and activities (Event)."""

import json

from django.utils.html import strip_tags

from .models.activities import LearningActivity

EVENT_STATUS = {
    LearningActivity.Status.SCHEDULED: "https://schema.org/EventScheduled",
    LearningActivity.Status.POSTPONED: "https://schema.org/EventPostponed",
    LearningActivity.Status.CANCELLED: "https://schema.org/EventCancelled",
}


def _absolute(request, url):
    return request.build_absolute_uri(url) if request is not None else url


def _place(venue):
    address = {"@type": "PostalAddress", "addressCountry": "CN", "addressRegion": "浙江省"}
    if venue.address:
        address["streetAddress"] = venue.address
    if venue.city_id:
        address["addressLocality"] = venue.city.name
    place = {"@type": "Place", "name": venue.name, "address": address}
    if venue.latitude is not None and venue.longitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": venue.latitude, "longitude": venue.longitude}
    return place


def _instance(activity):
    instance = {
        "@type": "CourseInstance",
        "name": activity.title,
        "courseMode": "onsite",
        "startDate": activity.start.isoformat(),
        "endDate": activity.end.isoformat(),
        "location": _place(activity.venue),
        "eventStatus": EVENT_STATUS[activity.status],
    }
    if activity.organiser:
        instance["organizer"] = {"@type": "Organization", "name": activity.organiser}
    return instance


def course_data(course, activities, request=None):
    provider = course.provider.name if course.provider else course.city.name
    data = {
        "@context": "https://schema.org",
        "@type": "Course",
        "@id": _absolute(request, course.url or ""),
        "url": _absolute(request, course.url or ""),
        "name": course.title,
        "description": course.summary or strip_tags(course.description),
        "courseCode": course.code,
        "inLanguage": course.in_language,
        "provider": {"@type": "Organization", "name": provider},
        "educationalLevel": "社区教育",
        "audience": [
            {"@type": "EducationalAudience", "educationalRole": audience.name} for audience in course.audiences.all()
        ],
        "timeRequired": f"PT{int(course.hours)}H" if course.hours else None,
        "numberOfLessons": course.lesson_count or None,
        "keywords": ",".join(tag.name for tag in course.tags.all()) or None,
        "hasCourseInstance": [_instance(activity) for activity in activities],
    }
    return {key: value for key, value in data.items() if value not in (None, "")}


def course_jsonld(course, activities, request=None):
    return _dumps(course_data(course, activities, request))


def event_data(activity, request=None):
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": activity.title,
        "url": _absolute(request, activity.get_absolute_url()),
        "startDate": activity.start.isoformat(),
        "endDate": activity.end.isoformat(),
        "eventStatus": EVENT_STATUS[activity.status],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": _place(activity.venue),
        "description": activity.description or activity.title,
    }
    if activity.organiser:
        data["organizer"] = {"@type": "Organization", "name": activity.organiser}
    if activity.capacity:
        data["maximumAttendeeCapacity"] = activity.capacity
    if activity.course_id and activity.course.live:
        data["about"] = {
            "@type": "Course",
            "name": activity.course.title,
            "url": _absolute(request, activity.course.url),
        }
    return data


def event_jsonld(activity, request=None):
    return _dumps(event_data(activity, request))


def _dumps(data):
    # "</" would end the <script> element early; escaping "<" keeps the JSON valid.
    return json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
