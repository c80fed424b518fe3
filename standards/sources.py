"""Where the checker finds resources and rules in a running site.

Resources come from the app that holds them, through the Wagtail hook
``register_conformance_resources``: the function registered there, called as
``source(courses=None)``, yields objects shaped like ``courses.resources.CourseResource``
(``courses=None`` means every live course). The courses app registers its catalog in
``courses/wagtail_hooks.py``; the standards app never imports it, so it works, and is tested,
without it. When several functions are registered, the last in hook order is the source, so a
site (or a test) replaces the catalog by registering its own.
"""

from wagtail import hooks
from wagtail.models import Locale

from .conformance import course_key, rules_from_json
from .export import standard_json
from .models import StandardPage

RESOURCES_HOOK = "register_conformance_resources"


class SourceUnavailable(Exception):
    pass


def resource_source():
    """The function ``(courses=None) -> resources`` registered last under ``RESOURCES_HOOK``."""
    sources = hooks.get_hooks(RESOURCES_HOOK)
    if not sources:
        raise SourceUnavailable(
            "The course resources cannot be read: no app offers them. An app offers its resources by "
            f'registering a function under the Wagtail hook "{RESOURCES_HOOK}" (the courses app does).'
        )
    return sources[-1]


def catalog_resources(course_codes=None):
    """Resources of live courses, optionally only those whose course code (or slug) is listed."""
    resources = resource_source()()
    if not course_codes:
        return list(resources)
    wanted = set(course_codes)
    return [resource for resource in resources if course_key(resource.course) in wanted]


def current_standard(code=None):
    """The live standard version whose rules apply: the current one, or the newest with ``code``."""
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
