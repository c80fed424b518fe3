"""Course resources built from generated files, shaped like courses.resources.CourseResource."""

import io
from dataclasses import dataclass, field

from django.core.files import File

from standards import samples


@dataclass(frozen=True)
class Course:
    code: str
    title: str


@dataclass(frozen=True)
class Resource:
    course: object
    lesson: str
    kind: str
    title: str
    file: object
    source: str = "upload"
    captions: object = None
    metadata: dict = field(default_factory=dict)


def as_file(data, name):
    return File(io.BytesIO(data), name=name)


COURSE = Course("ZJ-2026-001", "老年智能手机应用")


def resource(kind, data, name, captions=None, metadata=None, course=COURSE, title=None):
    return Resource(
        course=course,
        lesson="第1讲",
        kind=kind,
        title=title or name,
        file=as_file(data, name) if data is not None else None,
        captions=as_file(captions[0], captions[1]) if captions else None,
        metadata=metadata if metadata is not None else {"title": "示例资源", "author": "浙江开放大学"},
    )


class Files:
    """Generated once per test module: encoding video takes a moment."""

    def __init__(self):
        self.video = samples.video(width=320, height=180, seconds=1, fps=10)
        self.silent_video = samples.video(width=320, height=180, seconds=1, fps=10, audio_rate=None)
        self.audio = samples.audio(seconds=1, rate=44100)
        self.low_rate_audio = samples.audio(seconds=1, rate=22050)
        self.pdf = samples.pdf(pages=3)
        self.scanned_pdf = samples.pdf(pages=2, text=False)
        self.png = samples.image()
        self.corrupt = samples.corrupt()
        self.full_captions = samples.captions([(0, 0.5, "各位学员好"), (0.5, 1.0, "今天学习视频通话")])
        self.sparse_captions = samples.captions([(0, 0.2, "各位学员好")], format="srt")
