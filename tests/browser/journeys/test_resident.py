"""A resident of Huzhou on a phone, in care mode: finds a traditional-culture course in their city,
then an activity in their county that takes sign-ups, signs up with name and phone, and sees the
places left go down by one. Every step is a click or a form, as the resident does it."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.core.care_mode import CARE_MODE_COOKIE
from courses.activity_list import AVAILABILITY
from courses.models import LearningActivity

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CITY = ("3305", "湖州市")
CATEGORY = "传统文化"
PLACES = re.compile(r"已报 (\d+) / 共 (\d+)")


def facet(page, title, label):
    """The link ``label`` under the facet headed ``title`` in the filter column."""
    section = page.locator(".catalog__facets section.facet", has=page.locator("h2", has_text=title))
    return section.get_by_role("link", name=re.compile(rf"^(✓ )?{re.escape(label)} \("))


def places_left(page):
    taken, capacity = map(int, PLACES.search(page.locator(".course__facts").inner_text()).groups())
    return capacity - taken


def the_residents_activity():
    """The resident's county is where the next activity in their city that takes sign-ups is
    (the demo dates its activities from today, so which one that is changes with the day)."""
    return (
        LearningActivity.objects.public()
        .filter(venue__city__code=CITY[0], takes_registrations=True, capacity__gt=0, start__gt=timezone.now())
        .exclude(status=LearningActivity.Status.CANCELLED)
        .select_related("venue__county")
        .order_by("start", "pk")
        .first()
    )


def test_resident_finds_a_course_and_signs_up_for_an_activity_in_care_mode(live_server, phone, screenshot):
    call_command("load_demo_content", stdout=io.StringIO())
    activity = the_residents_activity()
    assert activity is not None, "the demo has no activity taking sign-ups in the resident's city"
    county = activity.venue.county.label

    phone.goto(live_server.url + "/courses/")
    font_size = phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")
    screenshot(phone, "catalog")
    phone.locator("a.care-switch").click()
    phone.wait_for_load_state()
    assert phone.evaluate("document.documentElement.classList.contains('care-mode')")
    assert phone.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 1.5 * font_size
    assert {"name": CARE_MODE_COOKIE, "value": "1"}.items() <= next(
        c for c in phone.context.cookies() if c["name"] == CARE_MODE_COOKIE
    ).items()
    assert phone.locator("a.care-switch").inner_text().strip() == "退出关怀模式"
    screenshot(phone, "catalog-in-care-mode")

    # Two filters: the city, then the category; the second keeps the first.
    facet(phone, "城市", CITY[1]).click()
    phone.wait_for_load_state()
    screenshot(phone, "courses-in-the-city")
    facet(phone, "类别", CATEGORY).click()
    phone.wait_for_load_state()
    cards = phone.locator(".course-list .card")
    assert cards.count() > 0
    for meta in cards.locator(".card__meta").all_inner_texts():
        assert CATEGORY in meta and CITY[1] in meta
    assert phone.locator(".catalog__count").inner_text() == f"共 {cards.count()} 门课程"
    assert facet(phone, "城市", CITY[1]).get_attribute("aria-current") == "true"
    screenshot(phone, "courses-in-the-city-by-category")

    course_link = cards.first.locator(".card__title a")
    course_title = course_link.inner_text()
    course_link.click()
    phone.wait_for_load_state()
    assert phone.locator("main h1").inner_text() == course_title
    facts = phone.locator(".course__facts").inner_text()
    assert CATEGORY in facts and CITY[1] in facts
    assert phone.evaluate("document.documentElement.classList.contains('care-mode')")  # remembered
    screenshot(phone, "course")

    # Back to the catalog by the breadcrumbs, then to its learning activities.
    phone.locator(".breadcrumbs").get_by_role("link", name="特色课程").click()
    phone.locator(".filter-tabs").get_by_role("link", name="学习活动").click()
    phone.wait_for_load_state()
    screenshot(phone, "activities")
    state = AVAILABILITY[activity.availability()]
    phone.locator(".filter-tabs").get_by_role("link", name=str(state)).click()
    facet(phone, "城市", CITY[1]).click()
    facet(phone, "区县", county).click()
    phone.wait_for_load_state()
    # All three filters hold: the state's tab, the city and the county.
    assert phone.locator(".filter-tabs a[aria-current=true]").inner_text() == str(state)
    assert facet(phone, "城市", CITY[1]).get_attribute("aria-current") == "true"
    assert facet(phone, "区县", county).get_attribute("aria-current") == "true"
    for meta in phone.locator(".activity-list .meta").all_inner_texts():
        assert meta.endswith(f"{CITY[1]} · {county}")
    screenshot(phone, "activities-in-the-county")

    phone.locator(f'.activity-list a[href$="/activities/{activity.pk}/"]').click()
    phone.wait_for_load_state()
    assert phone.locator("main h1").inner_text() == activity.title
    before = places_left(phone)
    screenshot(phone, "activity")

    form = phone.locator("section.signup form")
    form.get_by_role("textbox", name="姓名").fill("王阿姨")
    form.get_by_role("textbox", name="电话").fill("13905720001")
    form.get_by_role("checkbox", name="我同意").check()
    screenshot(phone, "sign-up-filled-in")
    form.get_by_role("button", name="报名").click()
    phone.wait_for_load_state()
    assert phone.locator("main h1").inner_text() == "报名已收到"
    assert phone.locator("main .notice").inner_text() == f"您已成功报名“{activity.title}”。"
    screenshot(phone, "signed-up")

    phone.get_by_role("link", name="返回活动").click()
    phone.wait_for_load_state()
    assert places_left(phone) == before - 1
    screenshot(phone, "activity-one-place-fewer")
