"""The digital resources courses carry, as one flat list other apps can check (the standards app does).

Contract: ``course_resources(courses=None)`` yields a ``CourseResource`` for every video,
audio and document attached to a lesson of the given live courses (all live courses of the
default language when ``courses`` is None), in page-tree order then lesson order, with a
fixed number of queries whatever the number of courses.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from wagtail.models import Locale

from .models import CoursePage, Lesson

KINDS = ("video", "audio", "document")


@dataclass(frozen=True)
class CourseResource:
    course: Any  # the CoursePage
    lesson: Any  # the Lesson, or None for a resource attached to the course itself
    kind: str  # "video", "audio" or "document"
    title: str
    file: Any  # an open-able FieldFile (``resource.file.open("rb")``)
    source: Any  # the wagtailmedia Media or Wagtail Document object
    captions: Any = None  # FieldFile of a .vtt/.srt file, or None
    metadata: dict = field(default_factory=dict)


def _lessons_queryset():
    return Lesson.objects.select_related("video", "audio", "document", "video_captions", "audio_captions").order_by(
        "sort_order", "pk"
    )


def _live_courses(courses):
    queryset = CoursePage.objects.live()
    if courses is None:
        # Translations carry the same resources; count each once, in the default language.
        queryset = queryset.filter(locale=Locale.get_default())
    else:
        queryset = queryset.filter(pk__in=[getattr(course, "pk", course) for course in courses])
    return (
        queryset.select_related("provider", "category", "city", "county")
        .prefetch_related(
            Prefetch("lessons", queryset=_lessons_queryset()),
            "instructors",
            "audiences",
            "tags",
        )
        .order_by("path")
    )


def _duration_seconds(lesson, source):
    duration = getattr(source, "duration", None)
    if duration:
        return float(duration)
    if lesson.duration_minutes:
        return float(lesson.duration_minutes * 60)
    return None


def _file_format(file):
    name = getattr(file, "name", "") or ""
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def course_metadata(course):
    """Descriptive fields of the course every one of its resources shares."""
    instructors = [instructor.name for instructor in course.instructors.all()]
    return {
        "course_code": course.code,
        "course_title": course.title,
        "description": course.summary,
        "language": course.in_language,
        "author": "、".join(instructors) or (course.provider.name if course.provider else ""),
        "instructors": instructors,
        "provider": course.provider.name if course.provider else "",
        "keywords": sorted(tag.name for tag in course.tags.all()),
        "category": course.category.name,
        "audiences": [audience.name for audience in course.audiences.all()],
        "region": course.region_label,
        "year": course.year,
    }


def _resource(course, lesson, kind, source, captions_document, shared):
    metadata = dict(shared)
    metadata.update(
        {
            "title": source.title,
            "lesson_title": lesson.title,
            "description": lesson.summary or shared["description"],
            "duration": _duration_seconds(lesson, source) if kind != "document" else None,
            "format": _file_format(source.file),
        }
    )
    if kind == "video":
        metadata["width"] = source.width
        metadata["height"] = source.height
    return CourseResource(
        course=course,
        lesson=lesson,
        kind=kind,
        title=source.title,
        file=source.file,
        source=source,
        captions=captions_document.file if captions_document else None,
        metadata=metadata,
    )


def course_resources(courses=None):
    """Every resource of the given live courses (CoursePage objects or ids; all live courses when None)."""
    for course in _live_courses(courses):
        shared = course_metadata(course)
        for lesson in course.lessons.all():
            if lesson.video_id:
                yield _resource(course, lesson, "video", lesson.video, lesson.video_captions, shared)
            if lesson.audio_id:
                yield _resource(course, lesson, "audio", lesson.audio, lesson.audio_captions, shared)
            if lesson.document_id:
                yield _resource(course, lesson, "document", lesson.document, None, shared)
