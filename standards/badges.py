"""A course's conformance to the current standard, for a badge on the course page.

The courses app shows the badge through its ``course_page_extras`` hook (standards/wagtail_hooks.py).

Probing media files is slow, so the result is cached per course and per revision of the
standard: publishing a new revision of the rules gives every course a fresh check.
"""

from django.core.cache import cache
from django.template.loader import render_to_string

from .conformance import check, course_key
from .sources import SourceUnavailable, current_standard, resource_source, standard_rules

CACHE_SECONDS = 60 * 60


def course_conformance(course):
    """``{"conforms", "resources", "nonconforming", "standard_url", "report_url", "code"}``, or None
    when nothing applies; the report is the course's own, on the standard's page."""
    page = current_standard()
    if page is None:
        return None
    course_id = getattr(course, "pk", None)
    key = f"standards:conformance:{page.pk}:{page.latest_revision_id}:{course_key(course)}:{course_id}"
    cached = cache.get(key)
    if cached is not None:
        return cached or None
    info, rules = standard_rules(page)
    try:
        resources = list(resource_source()(courses=[course]))
    except SourceUnavailable:
        return None
    result = {}
    if resources and rules:
        report = check(resources, rules, standard=info)
        result = {
            "conforms": report.conforms,
            "resources": len(report.resources),
            "nonconforming": report.totals()["nonconforming"],
            "standard_url": page.url,
            "report_url": course_id and page.url + page.reverse_subpage("course_conformance", args=[course_id]),
            "code": page.code,
            "title": page.title,
        }
    cache.set(key, result, CACHE_SECONDS)
    return result or None


def conformance_badge(course, request=None):
    """The badge's HTML: conforms, or how many resources do not; None when nothing applies."""
    result = course_conformance(course)
    if result is None:
        return None
    return render_to_string("standards/includes/conformance_badge.html", {"result": result}, request=request)
