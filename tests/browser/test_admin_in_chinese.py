"""The admin as the centre's editors meet it, in Chinese: a screenshot of each screen of their day
(the editor's and the moderator's dashboards, the course editor, the two import screens, the
translation editor and the standard's editor) saved to docs/screenshots/, and no English
interface string left on them. The standard's editor numbers its clauses' headers as the
published standard numbers them.

The visible text of each screen's header and main content is read in the browser, leaving out
what editors typed (titles, fields, rich text, translation segments), addresses and code; every
Latin word that remains must be a name on the allowlist (brands, file formats, language names).
Names the project gives (groups, the moderation workflow and its task) count as interface text.
Where a screen has a file input, the browser's own words are read too: the browser runs in
Chinese (tests/browser/conftest.py), as an editor's does.
"""

import html
import io
import pprint
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils.html import strip_tags
from PIL import Image
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile

from cms.core.moderation import EDITORS_GROUP, MODERATORS_GROUP
from standards.structure import outline

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}

# Latin words that belong on a Chinese screen: names of products, formats and units, and the
# values the standard's rules ask editors to type as they are (file formats, codecs, metadata
# keys). Acronyms (CSV, PO, PDF…) and codes (zh-CN, .xlsx, import_journal, ZJ2019-001) are let
# through by their shape. Matching is case-sensitive: an untranslated "Title" is still caught.
ALLOWED_WORDS = {"Wagtail", "Excel", "WebVTT", "SubRip", "FFmpeg", "Hz"}
RULE_VALUES = {"hevc", "webm", "wav", "ogg", "pdf", "jpeg", "png", "title", "author", "language", "license", "keywords"}

# The visible text of the header and main content, without what editors typed: form fields,
# rich text, page titles, code and what only a screen reader hears.
VISIBLE_INTERFACE_TEXT = """
() => {
    const skip = [
        "script", "style", "code", "pre", "textarea", "select", "input", "[contenteditable]",
        ".w-sr-only", ".visuallyhidden", ".w-header__title", "a[href^='http']",
    ].join(",");
    const texts = [];
    for (const root of document.querySelectorAll("main, header")) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const element = node.parentElement;
            const text = node.textContent.replace(/\\s+/g, " ").trim();
            if (!text || element.closest(skip)) continue;
            if (!element.getClientRects().length || getComputedStyle(element).visibility === "hidden") continue;
            texts.push(text);
        }
    }
    return texts;
}
"""
# The browser's own words on a screen with a file input: its "Choose File" and "No file chosen"
# are out of a page's reach, but the validation message of a required file input comes from the
# same interface language.
BROWSER_OWN_TEXT = """
() => {
    if (!document.querySelector("input[type=file]")) return [];
    const probe = document.createElement("input");
    probe.type = "file";
    probe.required = true;
    return [probe.validationMessage];
}
"""
WORD = re.compile(r"[A-Za-z0-9_.'’-]+")
LATIN_WORD = re.compile(r"^[A-Za-z][a-z'’]*[a-z]$")


def english_words(text):
    """The English words in ``text``: Latin words that are not codes, acronyms or allowed names."""
    return [word for word in WORD.findall(text) if LATIN_WORD.match(word) and word not in ALLOWED_WORDS | RULE_VALUES]


def english_left(page, user_content):
    """Interface text on ``page`` with an English word in it once what users typed
    (``user_content``: titles, names, translations) is taken out of it."""
    found = {text for text in page.evaluate(BROWSER_OWN_TEXT) if english_words(text)}
    for text in page.evaluate(VISIBLE_INTERFACE_TEXT):
        interface = text
        # Longest first: a title inside a longer typed sentence must not break the sentence's match.
        for typed in sorted(user_content, key=len, reverse=True):
            if len(typed) > 1 and typed in interface:
                interface = interface.replace(typed, " ")
        if english_words(interface):
            found.add(text)
    return sorted(found)


def typed_by_users():
    """Everything people typed that the screens show: titles, names and translated segments."""
    from wagtail_localize.models import String, StringTranslation

    typed = {str(page.title) for page in Page.objects.all()}
    typed |= set(get_user_model().objects.values_list("username", flat=True))
    typed |= set(String.objects.values_list("data", flat=True))
    typed |= set(StringTranslation.objects.values_list("data", flat=True))
    # Segments are stored as HTML; the editor shows their text, whitespace collapsed.
    return typed | {re.sub(r"\s+", " ", html.unescape(strip_tags(text))).strip() for text in typed}


def save_screenshot(page, name):
    """A 1280 × 800 screenshot, reduced to a 256-colour palette to keep the repository small."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    image = Image.open(io.BytesIO(page.screenshot(full_page=False)))
    path = SCREENSHOTS / f"{name}.png"
    image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)
    return path


def user_in(group_name, username):
    user = get_user_model().objects.create_user(username=username, password="x", email=f"{username}@example.org")
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    return user


def signed_in(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport=VIEWPORT, locale="zh-CN")
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    return context


def demo_work(editor):
    """A course, the English translation of the about page, and a journal article the editor
    submitted for review."""
    from courses.models import CoursePage
    from journal.models import ArticlePage

    translation = Page.objects.get(locale__language_code="en", slug="about").specific
    article = ArticlePage.objects.filter(locale=Locale.get_default()).first()
    article.save_revision(user=editor, log_action=True)
    article.get_workflow().start(article, editor)
    from standards.models import StandardPage

    course = CoursePage.objects.filter(locale=Locale.get_default()).first()
    standard = StandardPage.objects.filter(locale=Locale.get_default()).first()
    return {"course": course, "translation": translation, "article": article, "standard": standard}


def clause_numbers_shown(page):
    page.wait_for_selector(".clause-number", state="attached")
    return page.eval_on_selector_all(".clause-number", "spans => spans.map((span) => span.textContent)")


def test_the_editors_day_is_in_chinese(live_server, browser):
    call_command("load_demo_content", stdout=io.StringIO())
    editor, moderator = user_in(EDITORS_GROUP, "editor"), user_in(MODERATORS_GROUP, "moderator")
    work = demo_work(editor)
    user_content = typed_by_users()
    screens = {
        "dashboard-editor": (editor, reverse("wagtailadmin_home")),
        "dashboard-moderator": (moderator, reverse("wagtailadmin_home")),
        "course-editor": (editor, reverse("wagtailadmin_pages:edit", args=[work["course"].pk])),
        "course-import": (editor, reverse("courses_import")),
        "journal-import": (editor, reverse("journal_import")),
        "translation-editor": (editor, reverse("wagtailadmin_pages:edit", args=[work["translation"].pk])),
        "standard-editor": (editor, reverse("wagtailadmin_pages:edit", args=[work["standard"].pk])),
    }
    contexts = {user: signed_in(browser, live_server, user) for user in (editor, moderator)}
    english = {}
    for name, (user, path) in screens.items():
        page = contexts[user].new_page()
        response = page.goto(live_server.url + path)
        assert response.status == 200, (name, response.status)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.documentElement.lang") == "zh-hans", name
        if name == "standard-editor":
            # every clause's header carries the number the published standard gives it
            numbers = [clause.number for clause in outline(work["standard"].body).clauses]
            assert len(numbers) > 20 and clause_numbers_shown(page) == numbers
            page.evaluate(
                "document.querySelector('.clause-number').closest('[data-streamfield-child]').scrollIntoView()"
            )
        save_screenshot(page, name)
        left = english_left(page, user_content)
        if left:
            english[name] = left
        page.close()
    for context in contexts.values():
        context.close()
    assert english == {}, pprint.pformat(english)
