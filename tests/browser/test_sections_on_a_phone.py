"""Every section of the demo site fits a phone screen: no sideways scrolling, large text."""

import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SECTION_PAGES = [
    "/courses/",
    "/courses/?sort=hours&mode=online",
    "/activities/",
    "/activities/calendar/",
    "/learning-map/",
    "/progress/",
    "/elderly-education/",
    "/journal/",
    "/journal/2019-4/",
    "/rural-revitalisation-cases/",
    "/standards/",
    "/standards/resources-2026/",
    "/standards/resources-2026/checklist/",
    "/standards/resources-2026/changes/",
    "/search/?q=社区教育",
]
# One detail page of each kind, found from its listing: (listing, link prefix).
DETAIL_PAGES = [
    ("/courses/", "/courses/zj"),
    ("/activities/", "/activities/"),
    ("/journal/2019-4/", "/journal/2019-4/"),
]


def first_link(phone, prefix):
    links = phone.eval_on_selector_all("main a[href]", "links => links.map(a => a.getAttribute('href'))")
    return next(link for link in links if link.startswith(prefix) and link.rstrip("/") != prefix.rstrip("/"))


def test_every_section_fits_a_phone(live_server, phone):
    call_command("load_demo_content", stdout=io.StringIO())
    paths = list(SECTION_PAGES)
    for listing, prefix in DETAIL_PAGES:
        phone.goto(live_server.url + listing)
        paths.append(first_link(phone, prefix))
    too_wide, small_text = {}, {}
    for path in paths:
        response = phone.goto(live_server.url + path)
        assert response.status == 200, path
        overflow = phone.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 0:
            too_wide[path] = overflow
        size = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
        if size < 18:
            small_text[path] = size
    assert too_wide == {}, "pages that scroll sideways on a phone (px)"
    assert small_text == {}
