"""schema.org JSON-LD for courses (Course + CourseInstance) and activities (Event).

The shell (cms/core) prints these next to its own BreadcrumbList: pages and views hand them
over as the ``structured_data`` list of their template context.
"""

from django.utils.html import strip_tags

from cms.core.head import language_tag, page_image, share_image
from cms.core.structured_data import CONTEXT, compact

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


def _image(request, page):
    if request is None or page_image(page) is None:
        return None
    return share_image(request, page)["url"]


def course_data(course, activities, audiences, request=None):
    """``audiences``: the course's audiences, labelled in the reader's language (taxonomy.with_labels)."""
    provider = course.provider.name if course.provider else course.city.name
    data = {
        "@context": CONTEXT,
        "@type": "Course",
        "@id": _absolute(request, course.url or ""),
        "url": _absolute(request, course.url or ""),
        "name": course.title,
        "description": course.summary or strip_tags(course.description),
        "courseCode": course.code,
        "inLanguage": language_tag(course.in_language),
        "image": _image(request, course),
        "provider": {"@type": "Organization", "name": provider},
        "educationalLevel": "社区教育",
        "audience": [{"@type": "EducationalAudience", "educationalRole": audience.label} for audience in audiences],
        "timeRequired": f"PT{int(course.hours)}H" if course.hours else None,
        "keywords": ",".join(tag.name for tag in course.tags.all()) or None,
        "hasCourseInstance": [_instance(activity) for activity in activities],
    }
    return compact(data)


def event_data(activity, request=None):
    data = {
        "@context": CONTEXT,
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
        data["image"] = _image(request, activity.course)
        data["about"] = {
            "@type": "Course",
            "name": activity.course.title,
            "url": _absolute(request, activity.course.url),
        }
    return compact(data)
