"""What other apps add to a course page, through the Wagtail hook ``course_page_extras``.

A function registered there is called as ``extra(course, request)`` and returns HTML to show
under the course's facts, or None to add nothing; the standards app adds its conformance badge
this way. The courses app never imports the apps that add to its pages.
"""

from wagtail import hooks

COURSE_PAGE_EXTRAS = "course_page_extras"


def course_page_extras(course, request):
    """The HTML fragments the registered functions add to ``course``'s page, in hook order."""
    fragments = (extra(course, request) for extra in hooks.get_hooks(COURSE_PAGE_EXTRAS))
    return [html for html in fragments if html]
