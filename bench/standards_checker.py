"""Benchmark: numbering a large standard, and checking resources, each against a floor.

Run with `.venv/bin/python bench/standards_checker.py`. No database is used.

1. Outline: parse and number a standard of 600 clauses (with requirements, notes and terms
   linked), against the same work on 60 clauses: the ratio shows how numbering scales
   (about 10 means linear).
2. Checker: apply every rule type to 40 generated resources, against the floor of opening
   each file once with PyAV: the ratio is the cost of the whole rule set over one probe.
Figures are medians of repeated runs.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

from standards import authoring as a  # noqa: E402
from standards import probe, samples  # noqa: E402
from standards.blocks import StandardBodyBlock  # noqa: E402
from standards.conformance import Rule, check  # noqa: E402
from standards.glossary import annotate  # noqa: E402
from standards.structure import outline  # noqa: E402
from tests.standards.resources import Course, resource  # noqa: E402


def median_seconds(function, repeat):
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


def standard(clauses):
    chapters = []
    per_chapter = 10
    for chapter in range(clauses // per_chapter):
        items = [
            a.clause(
                f"c{chapter}.{n}",
                f"条款{chapter}.{n}",
                a.shall(
                    f"r{chapter}.{n}",
                    "视频资源应配有字幕，微课时长宜适中。",
                    "automatic",
                    rules=[a.rule("video_min_height", key=f"k{chapter}.{n}", min_height=720)],
                ),
                a.note("说明性的注。", key=f"n{chapter}.{n}"),
            )
            for n in range(per_chapter)
        ]
        chapters.append(a.chapter(f"ch{chapter}", f"第{chapter}章", *items))
    terms = a.terms("terms", a.term("t1", "字幕", "同步文字。"), a.term("t2", "微课", "短视频课程。"))
    return [terms, *chapters]


def number(raw):
    annotate(outline(StandardBodyBlock().to_python(raw)))


def rules():
    params = {
        "video_min_height": {"min_height": 720},
        "video_min_frame_rate": {"min_fps": 25},
        "video_codec_in": {"codecs": "h264"},
        "duration_between": {"min_minutes": 5, "max_minutes": 20},
        "audio_min_sample_rate": {"min_hz": 44100},
        "captions_present": {},
        "captions_coverage": {"min_percent": 90},
        "metadata_filled": {"field": "author"},
        "file_size_max": {"max_mb": 500},
        "format_in": {"formats": "mp4, mp3, pdf"},
        "pdf_pages_between": {"max_pages": 60},
        "pdf_text_layer": {},
    }
    return [Rule(t, t, p, "shall", "c", "5.1", "", "") for t, p in params.items()]


def main():
    large, small = standard(600), standard(60)
    large_time = median_seconds(lambda: number(large), 5)
    small_time = median_seconds(lambda: number(small), 20)
    print(
        f"outline 600 clauses: {large_time * 1000:.1f} ms; floor 60 clauses: {small_time * 1000:.1f} ms; "
        f"ratio {large_time / small_time:.1f} (10 = linear)"
    )

    video = samples.video(seconds=2, fps=10)
    captions = samples.captions([(0, 1, "各位学员好"), (1, 2, "今天学习视频通话")])
    course = Course("BENCH", "基准课程")
    resources = [
        resource("video", video, f"v{n}.mp4", captions=(captions, f"v{n}.vtt"), course=course) for n in range(40)
    ]
    rule_set = rules()
    check_time = median_seconds(lambda: check(resources, rule_set), 5)
    floor_time = median_seconds(lambda: [probe.probe_media(r.file) for r in resources], 5)
    print(
        f"check 40 resources x {len(rule_set)} rules: {check_time * 1000:.1f} ms "
        f"({check_time / len(resources) * 1000:.2f} ms per resource); floor one PyAV probe each: "
        f"{floor_time * 1000:.1f} ms; ratio {check_time / floor_time:.1f}"
    )


if __name__ == "__main__":
    main()
