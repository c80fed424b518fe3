# Lessons become translatable (wagtail-localize), step 2 of 3 (Wagtail's BootstrapTranslatableMixin way):
# each lesson takes its course's language, and the n-th lesson of a course and the n-th lesson of each of the
# course's translations share one translation key, since the translations' lessons were copied from the
# source's in order. Saved drafts and wagtail-localize's copies of a course name the same keys, so neither a
# pending draft nor a translation published later hands a lesson a new key (and loses its translations).

import json
import uuid
from collections import defaultdict

from django.db import migrations


def lessons_take_their_course_language(apps, schema_editor):
    Lesson = apps.get_model("courses", "Lesson")
    by_course_group = defaultdict(lambda: defaultdict(list))
    for lesson in Lesson.objects.select_related("course").order_by("sort_order", "pk"):
        course = lesson.course
        by_course_group[course.translation_key][course.pk].append(lesson)

    keys_by_pk = {}
    for courses in by_course_group.values():
        longest = max(len(lessons) for lessons in courses.values())
        position_keys = [uuid.uuid4() for _ in range(longest)]
        for lessons in courses.values():
            for lesson, key in zip(lessons, position_keys, strict=False):
                lesson.translation_key, lesson.locale_id = key, lesson.course.locale_id
                keys_by_pk[lesson.pk] = (str(key), lesson.locale_id)
        Lesson.objects.bulk_update(
            [lesson for lessons in courses.values() for lesson in lessons], ["translation_key", "locale"]
        )

    if keys_by_pk:
        _stored_copies_name_the_keys(apps, keys_by_pk)


def _stored_copies_name_the_keys(apps, keys_by_pk):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    course_type = ContentType.objects.filter(app_label="courses", model="coursepage").first()
    if course_type is None:
        return
    for revision in Revision.objects.filter(content_type=course_type).iterator():
        if _with_keys(revision.content, keys_by_pk):
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=course_type).iterator():
        content = json.loads(source.content_json)
        if _with_keys(content, keys_by_pk):
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


def _with_keys(content, keys_by_pk):
    """Name each stored lesson's key and language in ``content``; True when anything changed."""
    changed = False
    for lesson in content.get("lessons") or []:
        known = keys_by_pk.get(lesson.get("pk"))
        if known and lesson.get("translation_key") is None:
            lesson["translation_key"], lesson["locale"] = known
            changed = True
    return changed


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0010_lessons_translatable_fields"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RunPython(lessons_take_their_course_language, migrations.RunPython.noop),
    ]
