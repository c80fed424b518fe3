"""wagtail-localize's translation editor in Chinese where wagtail-localize itself writes English:
its heading, and the date on each translation's note, also after a translator saves a segment.
What the translator typed is left as typed, dates included."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page
from wagtail.users.models import UserProfile

from cms.core.moderation import EDITORS_GROUP
from tests.factories import content_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def signed_in_page(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="zh-CN")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    return context.new_page()


@pytest.fixture
def translator(db):
    user = get_user_model().objects.create_user(username="translator", password="x")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


@pytest.fixture
def english_draft(home_page, locales, translator):
    """The English translation of the about page, just submitted: nothing translated yet."""
    about = content_page(home_page, title="中心简介", slug="about", introduction="中心成立于2019年。")
    home_page.copy_for_translation(locales["en"])
    client = Client()
    client.force_login(translator)
    client.post(reverse("wagtail_localize:submit_page_translation", args=[about.pk]), {"locales": [locales["en"].pk]})
    return Page.objects.get(translation_key=about.translation_key, locale=locales["en"])


def translate_segment(page, source_text, translation):
    segment = page.locator("li", has=page.get_by_text(source_text, exact=True)).last
    segment.get_by_role("button", name="翻译").click()
    segment.locator("textarea").fill(translation)
    segment.get_by_role("button", name="保存").click()
    return segment


def test_the_translation_editor_is_in_chinese_and_keeps_what_was_typed(live_server, browser, translator, english_draft):
    page = signed_in_page(browser, live_server, translator)
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[english_draft.pk]))

    assert page.locator(".js-translation-editor section h3").first.text_content() == "从简体中文翻译为英文"

    today = timezone.now()
    title = translate_segment(page, "中心简介", "About the Center")
    note = title.get_by_text("手工翻译于")
    note.wait_for()
    assert note.text_content().strip() == f"手工翻译于 {today.year}年{today.month}月{today.day}日"

    typed = f"Founded on 4 December {today.year - 7}"
    introduction = translate_segment(page, "中心成立于2019年。", typed)
    introduction.get_by_text("手工翻译于").wait_for()
    assert introduction.get_by_text(typed, exact=True).is_visible()
    page.context.close()
