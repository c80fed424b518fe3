"""Journey 3, the editor: a course goes from the admin to the public catalog and back.

An editor adds a course under the course catalog and submits it to the moderators (审核); the
public catalog and the search don't show it. A moderator approves it: the catalog (/courses/)
and the search show it. The editor unpublishes it: both forget it again.

The public site's page cache is on here, as in production, and the visitor's first look at the
catalog fills it: each later look must show the change, so the purges after publishing and
unpublishing are part of the journey.
"""

import pytest

from cms.core.models import SiteSettings
from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from courses.models import Category, CourseIndexPage
from courses.vocabulary_import import import_terms
from tests.browser.journeys.staff import person, signed_in
from tests.factories import add_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

COURSE = "越剧唱腔入门"


@pytest.fixture
def catalog(site, home_page):
    SiteSettings.for_site(site)  # a configured site has its settings; the first read would make them
    import_terms(Category, [{"name": "传统文化", "name_en": "Traditional culture", "slug": "culture"}])
    return add_page(home_page, CourseIndexPage(title="特色课程", slug="courses", introduction="全省社区教育特色课程"))


def main_text(page, url):
    """What a visitor reads at ``url``: the page's main text."""
    response = page.goto(url)
    assert response.status == 200, url
    return page.inner_text("main")


def test_an_editor_submits_a_course_a_moderator_approves_it_and_the_editor_unpublishes_it(
    live_server, browser, catalog, page_cache_on, screenshot
):
    editor, moderator = person(EDITORS_GROUP, "editor"), person(MODERATORS_GROUP, "moderator")
    visitor = browser.new_context(locale="zh-CN").new_page()
    catalog_url, search_url = f"{live_server.url}/courses/", f"{live_server.url}/search/?q={COURSE}"

    # The catalog is cached: a second look is served from the page cache.
    main_text(visitor, catalog_url)
    # The browser revalidates its own copy; a fresh request shows where the server's answer came from.
    assert visitor.context.request.get(catalog_url).headers["x-page-cache"] == "hit"
    text = main_text(visitor, catalog_url)
    assert COURSE not in text
    screenshot(visitor, "catalog-before")

    # The editor adds the course under the catalog and sends it to the moderators.
    page = signed_in(browser, live_server, editor)
    screenshot(page, "editor-dashboard")
    page.goto(f"{live_server.url}/admin/pages/{catalog.pk}/")
    page.get_by_role("link", name="添加子页面").first.click()
    page.fill("#id_title", COURSE)
    page.fill("#id_code", "ZJ2026-001")
    page.fill("#id_year", "2026")
    page.fill("#id_summary", "跟着越剧老艺人学唱腔，每周一次，在村文化礼堂。")
    page.select_option("#id_category", label="传统文化")
    page.locator("#id_city-chooser [data-chooser-action-choose]:visible").click()
    page.locator(".modal").get_by_role("link", name="杭州市", exact=True).click()
    page.locator("#id_city-chooser").get_by_text("杭州市").wait_for()
    screenshot(page, "editor-fills-the-course")
    page.get_by_role("button", name="更多动作").click()
    page.get_by_role("button", name="提交给审核发布").click()
    page.wait_for_load_state()
    screenshot(page, "editor-submitted")
    assert "审核" in page.inner_text("main")
    page.context.close()

    # Not public yet: neither the catalog nor the search shows it.
    text = main_text(visitor, catalog_url)
    assert COURSE not in text
    text = main_text(visitor, search_url)
    assert COURSE not in text
    screenshot(visitor, "search-before-approval")

    # The moderator finds it on the dashboard and approves it.
    page = signed_in(browser, live_server, moderator)
    screenshot(page, "moderator-dashboard")
    page.get_by_role("link", name=COURSE).first.click()
    page.get_by_role("button", name="更多动作").click()
    page.get_by_role("button", name="批准").first.click()
    page.wait_for_load_state()
    screenshot(page, "moderator-approved")
    page.context.close()

    # Now the visitor finds it in the catalog and in the search.
    text = main_text(visitor, catalog_url)
    assert COURSE in text
    screenshot(visitor, "catalog-shows-the-course")
    text = main_text(visitor, search_url)
    assert COURSE in text
    screenshot(visitor, "search-finds-the-course")

    # The editor takes it off the site.
    page = signed_in(browser, live_server, editor)
    page.goto(f"{live_server.url}/admin/pages/{catalog.pk}/")
    page.get_by_role("link", name=COURSE).first.click()
    page.get_by_role("button", name="更多动作").click()
    page.get_by_role("link", name="取消发布").click()
    screenshot(page, "editor-unpublishes")
    page.get_by_role("button", name="是，取消发布").click()
    page.wait_for_load_state()
    screenshot(page, "editor-unpublished")
    page.context.close()

    text = main_text(visitor, catalog_url)
    assert COURSE not in text
    screenshot(visitor, "catalog-after-unpublishing")
    text = main_text(visitor, search_url)
    assert COURSE not in text
    screenshot(visitor, "search-after-unpublishing")
    visitor.context.close()
