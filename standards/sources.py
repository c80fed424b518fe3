"""Where the checker finds resources and rules in a running site.

Resources come from the course catalog through the contract module ``courses.resources``
(``course_resources(courses=None)`` yielding ``CourseResource`` objects). It is imported
lazily and named by a setting, so the standards app works, and is tested, without it.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .conformance import rules_from_json
from .export import standard_json

DEFAULT_RESOURCE_SOURCE = "courses.resources.course_resources"


class SourceUnavailable(Exception):
    pass


def resource_source():
    dotted = getattr(settings, "STANDARDS_RESOURCE_SOURCE", DEFAULT_RESOURCE_SOURCE)
    try:
        return import_string(dotted)
    except ImportError as error:
        raise SourceUnavailable(
            f"The course resources cannot be read: {dotted} is not available ({error}). "
            "Install the courses app or set STANDARDS_RESOURCE_SOURCE."
        ) from error


def catalog_resources(course_codes=None):
    """Resources of live courses, optionally only those whose course code (or slug) is listed."""
    from .conformance import course_key

    resources = resource_source()()
    if not course_codes:
        return list(resources)
    wanted = set(course_codes)
    return [resource for resource in resources if course_key(resource.course) in wanted]


def current_standard(code=None):
    """The live standard version whose rules apply: the current one, or the newest with ``code``."""
    from wagtail.models import Locale

    from .models import StandardPage

    # Translations share the rules; the links in reports point at the default language.
    versions = StandardPage.objects.live().public().filter(locale=Locale.get_default())
    if code:
        versions = versions.filter(code=code)
    return versions.filter(status=StandardPage.Status.CURRENT).order_by("-issued_date", "-pk").first() or (
        versions.order_by("-issued_date", "-pk").first() if code else None
    )


def standard_rules(page):
    data = standard_json(page)
    return data["standard"], rules_from_json(data)
