"""Care mode and the phone layout in a real browser, measured as an older reader meets them on a
390 × 844 phone: the heading in the first screen, no sideways scrolling at 320 px or with the
text size doubled, targets of 44 px, a visible focus ring, and in care mode 1.5× text and 7:1
contrast. Measurements are JavaScript run in the page (tests/browser/measure.py)."""

import io

import pytest
from django.core.management import call_command

from cms.core.care_mode import CARE_MODE_COOKIE

from . import measure

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = {
    "home": "/",
    "catalog": "/courses/",
    "standard clause": "/standards/resources-2026/5/",
    "map": "/learning-map/",
    "progress chart": "/progress/",
}
FIRST_SCREEN_HEADING_TOP = 250  # px from the top of a 390 × 844 screen
TABS = 12  # how many stops the focus ring is checked on


def the_pages(phone, base_url):
    phone.goto(base_url + "/courses/")
    course = phone.eval_on_selector(".card__title a", "a => a.getAttribute('href')")
    return {**PAGES, "course": course}


def focus_ring_failures(page):
    page.focus("body")
    failures = []
    for _ in range(TABS):
        page.keyboard.press("Tab")
        ring = page.evaluate(measure.FOCUS_RING)
        if ring["ratio"] < 3:
            failures.append(f"{ring['element']} {ring['ratio']:.2f} ({ring['width']})")
    return failures


def reflow_failures(page):
    """Sideways scrolling at 320 px, and with the text size doubled at 390 and 320 px."""
    failures = {}
    page.set_viewport_size({"width": 320, "height": 700})
    failures["320px"] = page.evaluate(measure.OVERFLOW)
    page.evaluate(measure.DOUBLE_TEXT_SIZE)
    failures["320px at 200%"] = page.evaluate(measure.OVERFLOW)
    page.set_viewport_size({"width": 390, "height": 844})
    failures["390px at 200%"] = page.evaluate(measure.OVERFLOW)
    return {width: overflow for width, overflow in failures.items() if overflow > 0}


def measure_page(page, url, *, minimum_contrast):
    page.set_viewport_size({"width": 390, "height": 844})
    response = page.goto(url)
    assert response.status == 200, url
    found = {
        "heading top": page.evaluate(measure.FIRST_HEADING_TOP),
        "body font size": page.evaluate(measure.BODY_FONT_SIZE),
        "low contrast": page.evaluate(measure.LOW_CONTRAST_TEXT, minimum_contrast),
        "small targets": page.evaluate(measure.SMALL_TARGETS, 44),
        "weak focus ring": focus_ring_failures(page),
        "chart and map text": page.evaluate(
            measure.SMALLEST_FONT_SIZE, ".bar-chart dt, .bar-chart__count, .learning-map__cities li"
        ),
    }
    found["sideways scrolling"] = reflow_failures(page)
    return found


def test_standard_and_care_mode_on_a_phone(live_server, browser):
    call_command("load_demo_content", stdout=io.StringIO())
    standard = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    care = browser.new_context(viewport={"width": 390, "height": 844}, locale="zh-CN")
    care.add_cookies([{"name": CARE_MODE_COOKIE, "value": "1", "url": live_server.url}])
    standard_page, care_page = standard.new_page(), care.new_page()
    problems = {}
    for name, path in the_pages(standard_page, live_server.url).items():
        normal = measure_page(standard_page, live_server.url + path, minimum_contrast=4.5)
        cared = measure_page(care_page, live_server.url + path, minimum_contrast=7)
        assert care_page.evaluate("document.documentElement.classList.contains('care-mode')")
        checks = {
            "heading below the first screen": normal["heading top"] >= FIRST_SCREEN_HEADING_TOP,
            "care-mode heading below the first screen": cared["heading top"] >= 844,
            "care-mode text not 1.5×": cared["body font size"] < 1.5 * normal["body font size"],
            "chart or map text smaller than body text": normal["chart and map text"] < normal["body font size"],
        }
        for label, failed in checks.items():
            if failed:
                problems[f"{name}: {label}"] = (normal, cared)
        for key in ("low contrast", "small targets", "weak focus ring"):
            if normal[key]:
                problems[f"{name}: {key}"] = normal[key]
            if cared[key]:
                problems[f"{name}: care mode {key}"] = cared[key]
        if normal["sideways scrolling"]:
            problems[f"{name}: sideways scrolling"] = normal["sideways scrolling"]
        if cared["sideways scrolling"].get("320px"):
            problems[f"{name}: care mode sideways scrolling at 320px"] = cared["sideways scrolling"]
    standard.close()
    care.close()
    assert problems == {}


def test_menu_and_care_switch_work_without_javascript(live_server, browser, localised_site, locales):
    from cms.core.models import NavigationMenu, NavigationMenuItem
    from tests.factories import content_page

    about = content_page(localised_site["zh"], title="中心简介", slug="about")
    menu = NavigationMenu.objects.create(slot="main", locale=locales["zh"])
    NavigationMenuItem.objects.create(menu=menu, link_page=about, sort_order=0)
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/about/")
    menu_link = page.locator(".main-menu__fold a", has_text="中心简介")
    assert not menu_link.is_visible()
    page.click(".main-menu__fold summary")
    assert menu_link.is_visible()
    font_size = page.evaluate(measure.BODY_FONT_SIZE)

    page.click("a.care-switch")
    page.wait_for_url(live_server.url + "/about/")
    assert page.evaluate("document.documentElement.className") == "care-mode"
    assert page.evaluate(measure.BODY_FONT_SIZE) >= 1.5 * font_size
    page.goto(live_server.url + "/")  # remembered on the next page
    assert page.evaluate("document.documentElement.className") == "care-mode"
    page.click("a.care-switch")
    assert page.evaluate("document.documentElement.className") == ""
    context.close()
