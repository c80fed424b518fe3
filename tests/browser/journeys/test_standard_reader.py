"""A reader of the resource standard: opens a clause by its permalink, narrows the standard to its
应 (shall) requirements, and follows a course's conformance badge to the course's own conformance
report: which of its resources fail which clause."""

import io
import re

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PERMALINK = "/standards/resources-2026/5.1.3/"
CODE = "DB33/T 2987—2026"
SHALL = "视频的垂直分辨率应不低于720像素。"
SHOULD = "新建课程的视频宜采用1920×1080分辨率。"
COURSE = ("ZJ2019-001", "蚕桑文化与丝绸")  # one of the demo's recorded courses that does not conform yet


def facet(page, title, label):
    section = page.locator(".catalog__facets section.facet", has=page.locator("h2", has_text=title))
    return section.get_by_role("link", name=re.compile(rf"^(✓ )?{re.escape(label)} \("))


def test_reader_filters_a_clause_to_shall_and_opens_a_courses_conformance_report(live_server, browser, screenshot):
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
    assert page.locator("main h2").first.inner_text() == f"课程“{COURSE[1]}”的符合性检查"
    failed = page.locator("section.conformance-resource h3", has_text="✗")
    assert failed.count() == 2
    shall_failures = (
        page.locator("table.checklist tbody tr")
        .filter(has=page.locator("td:nth-child(2)", has_text=re.compile("^应$")))
        .filter(has=page.locator("td:nth-child(4)", has_text="不通过"))
    )
    assert shall_failures.count() > 0  # why the course does not conform: a shall rule failed
    screenshot(page, "the-courses-conformance-report")
    shall_failures.first.locator("td:first-child a").click()  # and on to the clause that rule comes from
    page.wait_for_load_state()
    assert re.search(r"/standards/resources-2026/[\d.]+/$", page.url)
    screenshot(page, "the-clause-the-course-fails")
    visitor.close()
