"""Which URLs stand for the public site: one page of each page type in each language it exists
in, and the views routed inside pages, in both languages. Read from the database (load the demo
first), so pages added to the demo are covered without editing a list."""

from wagtail.models import Page

from courses.models import LearningActivity
from journal.models import JournalPage
from standards.models import StandardPage

ROUTED_VIEWS = ("/activities/", "/activities/calendar/", "/learning-map/", "/progress/", "/search/?q=社区教育")


def one_page_per_type_and_language():
    """{(page type name, language code): the first live public page of that type, in tree order}."""
    seen = {}
    for page in Page.objects.live().public().filter(depth__gte=2).specific().order_by("path"):
        seen.setdefault((type(page).__name__, page.locale.language_code), page)
    return seen


def routed_view_urls():
    """The routed views in Chinese and under /en/, and those routed inside a journal and a standard."""
    activity = LearningActivity.objects.public().order_by("pk").first()
    journal = JournalPage.objects.live().public().first()
    standard = StandardPage.objects.live().public().order_by("path").first()
    routed = [*ROUTED_VIEWS, f"/activities/{activity.pk}/"]
    return [
        *routed,
        *("/en" + url for url in routed),
        journal.url + "most-read/",
        standard.url + "terms/",
        standard.url + standard.document.clauses[0].number + "/",
    ]
