"""The resources contract the standards app reads (courses/resources.py)."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtailmedia.models import get_media_model

from courses.models import Instructor, Lesson
from courses.resources import CourseResource, course_resources


def _document(title, name, text):
    document = get_document_model()(title=title)
    document.file.save(name, ContentFile(text.encode()), save=True)
    return document


def _media(title, name, kind, duration):
    media = get_media_model()(title=title, type=kind, duration=duration, width=1280 if kind == "video" else None)
    media.file.save(name, ContentFile(b"\x00" * 16), save=True)
    return media


def test_resources_of_live_courses_with_captions_and_metadata(make_course, vocab):
    teacher = Instructor.objects.create(name="王老师", job_title="讲师")
    course = make_course(title="茶艺入门", tags=["茶文化"], audiences=[vocab["audiences"][0]])
    course.instructors = [teacher]
    captions = _document("第一课字幕", "lesson1.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\n大家好\n")
    course.lessons = [
        Lesson(
            title="认识茶叶",
            summary="六大茶类。",
            video=_media("认识茶叶视频", "lesson1.mp4", "video", 600),
            video_captions=captions,
            document=_document("讲义", "handout.txt", "讲义内容"),
        ),
        Lesson(title="泡茶", audio=_media("泡茶音频", "lesson2.mp3", "audio", 300), duration_minutes=5),
    ]
    course.save_revision().publish()

    resources = list(course_resources())

    assert [(r.kind, r.title) for r in resources] == [
        ("video", "认识茶叶视频"),
        ("document", "讲义"),
        ("audio", "泡茶音频"),
    ]
    video, document, audio = resources
    assert isinstance(video, CourseResource)
    assert video.course.pk == course.pk and video.lesson.title == "认识茶叶"
    assert video.captions.name.endswith(".vtt")
    with video.captions.open("rb") as handle:
        assert handle.read().startswith(b"WEBVTT")
    assert audio.captions is None and document.captions is None
    assert video.metadata["duration"] == 600 and video.metadata["format"] == "mp4"
    assert video.metadata["author"] == "王老师" and video.metadata["keywords"] == ["茶文化"]
    assert video.metadata["language"] == "zh-CN"
    assert audio.metadata["description"] == course.summary
    assert document.file.name.endswith(".txt")


def test_resources_skip_drafts_and_use_bounded_queries(make_course, django_assert_max_num_queries):
    live = [make_course(title=f"课程{n}") for n in range(5)]
    for course in live:
        course.lessons = [Lesson(title="一", document=_document(f"讲义{course.pk}", "a.txt", "x"))]
        course.save_revision().publish()
    draft = make_course(title="草稿", publish=False)
    draft.lessons = [Lesson(title="一", document=_document("草稿讲义", "b.txt", "x"))]
    draft.save_revision()

    with django_assert_max_num_queries(8):
        resources = list(course_resources())
    assert len(resources) == 5
    assert "草稿讲义" not in {r.title for r in resources}
    assert len(list(course_resources(courses=live[:2]))) == 2
