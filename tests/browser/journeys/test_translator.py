"""Journey 4, the translator: the English version of a page, made in wagtail-localize's editor.

The translator is an editor, who may not publish the centre's pages: they translate the about
page ("Translate", then each segment in wagtail-localize's editor) and submit the translation for
moderation; a moderator approves it. A reader on the Chinese page then follows the language
switch to the English page and reads the translation there.
"""

import pytest
from wagtail.models import Page

from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from tests.browser.journeys.staff import person, signed_in
from tests.factories import content_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TRANSLATIONS = {
    "中心简介": "About the Center",
    "中心成立于2019年，服务全省社区教育。": "Founded in 2019, it serves community learning province-wide.",
}


@pytest.fixture
def about(localised_site):
    return content_page(
        localised_site["zh"], title="中心简介", slug="about", introduction="中心成立于2019年，服务全省社区教育。"
    )


def translate_segment(page, source_text, translation):
    segment = page.locator("li", has=page.get_by_text(source_text, exact=True)).last
    segment.get_by_role("button", name="翻译").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="保存").click()
    segment.get_by_text("手工翻译于").wait_for()


def test_a_translator_makes_the_english_page_and_the_language_switch_leads_to_it(
    live_server, browser, about, screenshot
):
    translator, moderator = person(EDITORS_GROUP, "translator"), person(MODERATORS_GROUP, "moderator")

    # The translator asks for an English version of the about page and translates it.
    page = signed_in(browser, live_server, translator)
    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    screenshot(page, "translator-opens-the-page")
    page.locator("header .w-dropdown__toggle").first.click()  # the "⋯" beside the title
    page.get_by_role("link", name="翻译").first.click()
    page.locator("input[name=locales]").first.check()  # English, the one other language
    screenshot(page, "translator-chooses-english")
    page.get_by_role("button", name="提交").click()
    page.locator(".js-translation-editor").wait_for()
    for source, english in TRANSLATIONS.items():
        translate_segment(page, source, english)
    screenshot(page, "translator-translated-the-segments")

    # Not allowed to publish here, the translator submits the English page for moderation from
    # its page in the explorer (wagtail-localize's editor has no "submit" of its own).
    english = Page.objects.get(translation_key=about.translation_key, locale__language_code="en")
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/")
    page.locator("header .w-dropdown__toggle").first.click()
    page.get_by_role("link", name="提交审核").first.click()
    screenshot(page, "translator-confirms-the-submission")
    page.get_by_role("button", name="提交审核").click()
    page.wait_for_load_state()
    screenshot(page, "translator-submitted")
    page.context.close()

    # The moderator approves it from the dashboard, where it waits under its English title.
    page = signed_in(browser, live_server, moderator)
    screenshot(page, "moderator-dashboard")
    row = page.locator("tr", has=page.get_by_text("About the Center"))
    row.locator(".w-dropdown__toggle").click()
    row.get_by_role("button", name="批准", exact=True).click()
    page.wait_for_load_state()
    page.get_by_text("已批准").first.wait_for()
    screenshot(page, "moderator-approved")
    page.context.close()

    # A reader on the Chinese page switches to English.
    reader = browser.new_context(locale="zh-CN").new_page()
    reader.goto(f"{live_server.url}/about/")
    assert "中心成立于2019年" in reader.inner_text("main")
    screenshot(reader, "reader-on-the-chinese-page")
    reader.locator(".language-switcher a[hreflang=en]").click()
    reader.wait_for_url(f"{live_server.url}/en/about/")
    main = reader.inner_text("main")
    assert "About the Center" in main and TRANSLATIONS["中心成立于2019年，服务全省社区教育。"] in main
    assert "中心成立于2019年" not in main
    screenshot(reader, "reader-on-the-english-page")
    reader.context.close()
