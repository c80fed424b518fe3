"""Lessons became translatable (courses 0010-0012): on a site upgraded with an English course, each
lesson takes its course's language, an English lesson shares the key of the Chinese lesson it was
copied from, and saved drafts name the same keys, so publishing a pending draft keeps them."""

import pytest

from cms.core.translation import translate
from courses.models import CoursePage, Lesson
from tests.migrations import latest, migrate

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE = ("courses", "0009_vocabularies_translatable")


def test_an_upgraded_site_pairs_each_english_lesson_with_its_chinese_lesson(
    course_index, make_course, locales, localised_site
):
    course = make_course(title="越剧欣赏")
    course.lessons = [Lesson(title="第1讲 越剧的由来"), Lesson(title="第2讲 经典唱段欣赏")]
    course.save_revision().publish()
    translate(course_index, locales["en"], {"特色课程": "Characteristic courses"})
    english = translate(course, locales["en"], {"越剧欣赏": "Yue Opera Appreciation"})
    course = CoursePage.objects.get(pk=course.pk)
    course.title = "越剧欣赏（修订）"
    draft = course.save_revision()  # a pending draft, saved before the upgrade

    old = migrate([BEFORE]).loader.project_state(BEFORE).apps
    old_revision = old.get_model("wagtailcore", "Revision").objects.get(pk=draft.pk)
    for lesson in old_revision.content["lessons"]:  # as a draft saved before 0010 was stored
        del lesson["translation_key"], lesson["locale"]
    old_revision.save()
    migrate(latest())

    chinese_lessons = list(Lesson.objects.filter(course=course).order_by("sort_order"))
    english_lessons = list(Lesson.objects.filter(course=english).order_by("sort_order"))
    assert [lesson.locale for lesson in chinese_lessons] == [locales["zh"]] * 2
    assert [lesson.locale for lesson in english_lessons] == [locales["en"]] * 2
    assert [lesson.translation_key for lesson in english_lessons] == [
        lesson.translation_key for lesson in chinese_lessons
    ]
    assert chinese_lessons[0].translation_key != chinese_lessons[1].translation_key

    CoursePage.objects.get(pk=course.pk).get_latest_revision().publish()
    assert list(Lesson.objects.filter(course=course).order_by("sort_order")) == chinese_lessons
    assert [lesson.translation_key for lesson in Lesson.objects.filter(course=course).order_by("sort_order")] == [
        lesson.translation_key for lesson in chinese_lessons
    ]
