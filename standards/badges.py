"""A course's conformance to the current standard, for a badge on the course page that links to
the course's full report (standards/course_report.py, whose cached check it sums up).

The courses app shows the badge through its ``course_page_extras`` hook (standards/wagtail_hooks.py).
"""

from django.template.loader import render_to_string

from .course_report import checked_course
from .sources import SourceUnavailable, current_standard, resource_source


def course_conformance(course):
    """``{"conforms", "resources", "nonconforming", "standard_url", "report_url", "code", "title"}``,
    or None when nothing applies: a summary of the course's report against the current standard."""
    page = current_standard()
    if page is None:
        return None
    try:
        report = checked_course(page, course, resource_source())
    except SourceUnavailable:
        return None
    if report is None:
        return None
    course_id = getattr(course, "pk", None)
    return {
        "conforms": report["conforms"],
        "resources": len(report["resources"]),
        "nonconforming": report["nonconforming"],
        "standard_url": page.url,
        "report_url": course_id and page.url + page.reverse_subpage("course_conformance", args=[course_id]),
        "code": page.code,
        "title": page.title,
    }


def conformance_badge(course, request=None):
    """The badge's HTML: conforms, or how many resources do not; None when nothing applies."""
    result = course_conformance(course)
    if result is None:
        return None
    return render_to_string("standards/includes/conformance_badge.html", {"result": result}, request=request)
