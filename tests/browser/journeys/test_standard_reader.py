"""A reader of the resource standard: opens a clause by its permalink, narrows the standard to its
应 (shall) requirements, and follows a course's conformance badge; the course's own conformance
report (which resources fail which clause) is in the admin, where the centre's staff open it
from the Standards menu.

The public site links a course to the standard (the badge on the course page), not to a report
of its own: that is what a visitor can reach."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PERMALINK = "/standards/resources-2026/5.1.3/"
CODE = "DB33/T 2987—2026"
SHALL = "视频的垂直分辨率应不低于720像素。"
SHOULD = "新建课程的视频宜采用1920×1080分辨率。"
COURSE = ("ZJ2019-001", "蚕桑文化与丝绸")  # one of the demo's recorded courses that does not conform yet
PASSWORD = "journey-only-password"


def facet(page, title, label):
    section = page.locator(".catalog__facets section.facet", has=page.locator("h2", has_text=title))
    return section.get_by_role("link", name=re.compile(rf"^(✓ )?{re.escape(label)} \("))


def test_reader_filters_a_clause_to_shall_and_finds_a_courses_conformance(live_server, browser, screenshot):
    call_command("load_demo_content", stdout=io.StringIO())
    visitor = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page = visitor.new_page()

    page.goto(live_server.url + PERMALINK)
    clause = page.locator('section[id="clause-5.1.3"]')
    assert clause.locator(".clause__heading").inner_text().startswith("5.1.3 分辨率")
    assert clause.locator(".requirement--shall .requirement__text").inner_text() == SHALL
    assert clause.locator(".requirement--should .requirement__text").inner_text() == SHOULD
    screenshot(page, "clause-by-permalink")

    page.locator(".standard-tools").get_by_role("link", name="“应”类要求清单").click()
    page.wait_for_load_state()
    rows = page.locator("table.checklist tbody tr")
    requirements = rows.locator("td:nth-child(2)").all_inner_texts()
    assert SHALL in requirements and SHOULD not in requirements
    assert all("应" in text for text in requirements)
    screenshot(page, "shall-requirements")
    rows.get_by_role("link", name="5.1.3", exact=True).click()  # and back to the clause it came from
    page.wait_for_load_state()
    assert page.url == live_server.url + PERMALINK
    screenshot(page, "back-at-the-clause")

    # A course that uses the standard: from the site menu to the catalog, by city and category.
    page.locator(".main-menu").get_by_role("link", name="特色课程").first.click()
    facet(page, "城市", "湖州市").click()
    facet(page, "类别", "传统文化").click()
    page.wait_for_load_state()
    page.locator(".card__title").get_by_role("link", name=COURSE[1]).click()
    page.wait_for_load_state()
    badge = page.locator("a.conformance-badge")
    assert badge.inner_text() == f"2个资源中有2个尚不符合{CODE}"
    screenshot(page, "course-with-conformance-badge")
    badge.click()
    page.wait_for_load_state()
    assert page.locator(".standard-header__code").inner_text() == CODE
    screenshot(page, "badge-leads-to-the-standard")
    visitor.close()

    # The centre's staff open the course's report from the admin's Standards menu.
    get_user_model().objects.create_superuser("standards-officer", "officer@example.org", PASSWORD)
    staff = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    admin = staff.new_page()
    admin.goto(live_server.url + "/admin/")
    admin.locator("#id_username").fill("standards-officer")
    admin.locator("#id_password").fill(PASSWORD)
    admin.get_by_role("button", name="登录").click()
    admin.wait_for_load_state()
    admin.locator("aside").get_by_role("button", name="标准").click()
    admin.get_by_role("link", name="符合性检查报告").click()
    admin.wait_for_load_state()
    screenshot(admin, "conformance-report")
    admin.get_by_role("link", name=f"{COURSE[0]} {COURSE[1]}").click()
    admin.wait_for_load_state()
    assert admin.locator("#id_course").input_value() == COURSE[0]
    assert admin.locator("main h2", has_text=f"{COURSE[0]} {COURSE[1]}").is_visible()
    failed = admin.locator("main h3", has_text="✗")
    assert failed.count() == 2
    shall_failures = (
        admin.locator("main table.listing tbody tr")
        .filter(has=admin.locator("td:nth-child(2)", has_text=re.compile("^应$")))
        .filter(has=admin.locator("td:nth-child(4)", has_text="不通过"))
    )
    assert shall_failures.count() > 0  # why the course does not conform: a shall rule failed
    screenshot(admin, "course-conformance-report")
    staff.close()
