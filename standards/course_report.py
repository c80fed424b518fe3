"""A course's conformance report for the public: each of its resources checked against one
standard version's machine-checkable rules, as the admin's report shows one course. The badge on
the course page (standards/badges.py) sums up the same report.

Checking probes the media files, which is slow, so the report is kept in the cache per course
and per revision of the standard; it holds plain values, never the files or the pages.
"""

from django.core.cache import cache
from wagtail.models import Page

from .conformance import check, course_key, rules_from_json
from .export import standard_json

CACHE_SECONDS = 60 * 60


def course_report(standard, course_id, resource_source):
    """``{"course": {"title", "url"}, "conforms", "resources": [...]}`` for a live, public course
    with resources, else None. ``resource_source`` is the catalog's ``(courses=None)`` function."""
    course = Page.objects.live().public().filter(pk=course_id).first()
    return checked_course(standard, course, resource_source) if course is not None else None


def checked_course(standard, course, resource_source):
    """The report of ``course`` (a page, or whatever the resource source knows as a course)
    against ``standard``, from the cache when it is there; None when the course has no resources
    or the standard no machine-checkable rules."""
    course_id = getattr(course, "pk", None) or course_key(course)
    key = f"standards:course-report:{standard.pk}:{standard.latest_revision_id}:{course_id}"
    report = cache.get(key)
    if report is None:
        report = _checked(standard, course, resource_source)
        cache.set(key, report, CACHE_SECONDS)
    return report or None


def _checked(standard, course, resource_source):
    data = standard_json(standard)
    resources = list(resource_source(courses=[course]))
    rules = rules_from_json(data)
    if not resources or not rules:
        return {}
    checked = check(resources, rules, standard=data["standard"]).resources
    return {
        "course": {"title": course.title, "url": getattr(course, "url", "")},
        "conforms": all(entry.conforms for entry in checked),
        "nonconforming": sum(1 for entry in checked if not entry.conforms),
        "resources": [
            {
                "title": entry.resource.title,
                "kind": entry.resource.kind,
                "conforms": entry.conforms,
                "results": [
                    {
                        "clause_number": result.rule.clause_number,
                        "clause_title": result.rule.clause_title,
                        "level": result.rule.level,
                        "type": result.rule.type,
                        "outcome": result.outcome,
                        "message": result.message,
                    }
                    for result in entry.results
                ],
            }
            for entry in checked
        ],
    }
