"""A course's lessons translate with it (wagtail-localize): their titles and summaries are segments
translators see, their media stay in step with the Chinese course, and the English course page
lists English lessons."""

import html
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail_localize.models import TranslationSource
from wagtailmedia.models import get_media_model

from cms.core.moderation import EDITORS_GROUP
from cms.core.translation import translate
from courses.models import CoursePage, Lesson

ORIGINS, ORIGINS_EN = "第1讲 越剧的由来", "Session 1: Where Yue Opera Came From"
ORIGINS_SUMMARY, ORIGINS_SUMMARY_EN = "从嵊州的田头小调说起。", "It begins with the field songs of Shengzhou."
ARIAS, ARIAS_EN = "第2讲 经典唱段欣赏", "Session 2: Listening to Classic Arias"


@pytest.fixture
def handout(db):
    document = get_document_model()(title="讲义")
    document.file.save("handout.txt", ContentFile("讲义内容".encode()), save=True)
    return document


@pytest.fixture
def recording(db):
    media = get_media_model()(title="《梁祝》选段", type="audio", duration=300)
    media.file.save("aria.mp3", ContentFile(b"\x00" * 16), save=True)
    return media


@pytest.fixture
def course(course_index, make_course, handout, recording, locales, localised_site):
    course = make_course(title="越剧欣赏", summary="走进越剧。")
    course.lessons = [
        Lesson(title=ORIGINS, summary=ORIGINS_SUMMARY, document=handout, duration_minutes=45),
        Lesson(title=ARIAS, audio=recording, duration_minutes=40),
    ]
    course.save_revision().publish()
    translate(course_index, locales["en"], {"特色课程": "Characteristic courses"})
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user(username="editor", password="x")
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


def lessons_of(page):
    return [(lesson.title, lesson.summary, lesson.locale.language_code) for lesson in page.lessons.all()]


def test_the_english_course_page_lists_english_lessons(course, locales, client):
    english = translate(
        course,
        locales["en"],
        {
            "越剧欣赏": "Yue Opera Appreciation",
            ORIGINS: ORIGINS_EN,
            ARIAS: ARIAS_EN,
            ORIGINS_SUMMARY: ORIGINS_SUMMARY_EN,
        },
    )

    page = client.get(english.url).content.decode()
    assert ORIGINS_EN in page and ORIGINS_SUMMARY_EN in page and ARIAS_EN in page
    assert ORIGINS not in page and ARIAS not in page and ORIGINS_SUMMARY not in page
    assert "/documents/" in page and "讲义" in page  # the handout is the Chinese lesson's, kept in step
    chinese = client.get(course.url).content.decode()
    assert ORIGINS in chinese and ORIGINS_EN not in chinese
    # Each English lesson is the translation of its Chinese lesson.
    for source, translation in zip(course.lessons.all(), english.lessons.all(), strict=True):
        assert translation.translation_key == source.translation_key and translation.pk != source.pk
        assert (translation.locale, translation.document_id, translation.duration_minutes) == (
            locales["en"],
            source.document_id,
            source.duration_minutes,
        )


def test_a_translator_gets_the_lesson_titles_and_summaries_as_segments(
    course, handout, recording, locales, editor, committing_client
):
    committing_client.force_login(editor)
    committing_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.id]), {"locales": [locales["en"].id]}
    )

    source = TranslationSource.objects.get_for_instance(course)
    segments = {segment.string.data: segment.context.path for segment in source.stringsegment_set.all()}
    first, second = course.lessons.all()
    assert segments[ORIGINS] == f"lessons.{first.translation_key}.title"
    assert segments[ORIGINS_SUMMARY] == f"lessons.{first.translation_key}.summary"
    assert segments[ARIAS] == f"lessons.{second.translation_key}.title"
    lesson_segments = {path for path in segments.values() if path.startswith("lessons.")}
    assert len(lesson_segments) == 3  # the words only: the media are the Chinese lessons' own, not for overriding
    assert not source.overridablesegment_set.filter(context__path__startswith="lessons.").exists()
    # The translator's editor shows them.
    english = CoursePage.objects.get(translation_key=course.translation_key, locale=locales["en"])
    response = committing_client.get(reverse("wagtailadmin_pages:edit", args=[english.id]))
    assert response.status_code == 200
    editor_page = html.unescape(response.content.decode())
    assert json.dumps(ORIGINS) in editor_page and json.dumps(ARIAS) in editor_page
    # The draft's lessons are in English's language, still in Chinese words until translated, with the handout.
    assert not english.live
    assert lessons_of(english) == [(ORIGINS, ORIGINS_SUMMARY, "en"), (ARIAS, "", "en")]
    assert [(lesson.document_id, lesson.audio_id) for lesson in english.lessons.all()] == [
        (handout.pk, None),
        (None, recording.pk),
    ]


def test_syncing_follows_lessons_the_chinese_course_gains_and_loses(course, locales, editor, committing_client):
    """ "Sync translated pages" after the Chinese course drops its second lesson and gains a third:
    the English course drops it too, gains the new one (in Chinese until it is translated), and
    keeps the English of the lesson both still have."""
    translate(course, locales["en"], {"越剧欣赏": "Yue Opera Appreciation", ORIGINS: ORIGINS_EN, ARIAS: ARIAS_EN})
    kept = course.lessons.first()
    course.lessons = [kept, Lesson(title="第3讲 学唱一段", duration_minutes=60)]
    course.save_revision().publish()

    committing_client.force_login(editor)  # editors publish in the catalog
    source = TranslationSource.objects.get_for_instance(course)
    committing_client.post(
        reverse("wagtail_localize:update_translations", args=[source.id]), {"publish_translations": "on"}
    )

    english = CoursePage.objects.get(translation_key=course.translation_key, locale=locales["en"])
    assert lessons_of(english) == [(ORIGINS_EN, ORIGINS_SUMMARY, "en"), ("第3讲 学唱一段", "", "en")]
    assert english.lessons.first().translation_key == kept.translation_key
    assert english.live and ARIAS_EN not in committing_client.get(english.url).content.decode()


def test_copying_a_course_gives_its_lessons_keys_of_their_own(course, course_index):
    """A copy is a new course, not a translation: its lessons are new lessons in the same language."""
    copy = course.copy(to=course_index, update_attrs={"slug": "yue-opera-copy", "code": "T9999"})

    assert [lesson.title for lesson in copy.lessons.all()] == [ORIGINS, ARIAS]
    copied_keys = {lesson.translation_key for lesson in copy.lessons.all()}
    assert not copied_keys & {lesson.translation_key for lesson in course.lessons.all()}
