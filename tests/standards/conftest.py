"""A standards section with two versions of a small standard: a draft for comment and the published text."""

import datetime

import pytest

from standards import authoring as a
from standards.models import StandardIndexPage, StandardPage
from tests.factories import add_page


def video_chapter(inserted=False, changed=False, removed_captions=False):
    clauses = [
        a.clause(
            "video.resolution",
            "分辨率",
            a.shall(
                "video.resolution",
                "视频的垂直分辨率应不低于720像素。" if not changed else "视频的垂直分辨率应不低于1080像素。",
                "automatic",
                rules=[a.rule("video_min_height", key="rule.height", min_height=720 if not changed else 1080)],
            ),
            a.note("720像素对应常说的“高清”。"),
        ),
        a.clause(
            "video.length",
            "时长",
            a.should(
                "video.length",
                "微课的时长宜为5~20分钟。",
                "automatic",
                rules=[a.rule("duration_between", key="rule.duration", min_minutes=5, max_minutes=20)],
            ),
        ),
    ]
    if not removed_captions:
        clauses.append(
            a.clause(
                "video.captions",
                "字幕",
                a.shall(
                    "video.captions",
                    "视频应配有同步字幕文件。",
                    "automatic",
                    rules=[a.rule("captions_present", key="rule.captions")],
                ),
            )
        )
    if inserted:
        clauses.insert(0, a.clause("video.general", "一般要求", a.paragraph("视频资源应画面清晰、声音清楚。")))
    return a.chapter("video", "视频资源", *clauses)


def standard_body(version=1):
    later = version == 2
    return [
        a.section("foreword", "前言", "本文件按照GB/T 1.1—2020的规定起草。"),
        a.chapter("scope", "范围", a.paragraph("本文件规定了社区教育数字学习资源的技术要求。")),
        a.terms(
            "terms",
            a.term("term.microlesson", "微课", "围绕单一知识点、时长较短的视频课程。", "micro-lesson"),
            a.term("term.captions", "字幕", "与音频同步显示的文字。", "captions"),
        ),
        video_chapter(inserted=later, changed=later, removed_captions=later),
        a.annex(
            "annex.a", "检查方法", a.clause("annex.a.1", "抽样", a.paragraph("每门课程抽查3个资源。")), normative=True
        ),
    ]


@pytest.fixture
def standards_index(home_page):
    return add_page(home_page, StandardIndexPage(title="标准规范", slug="standards", introduction="资源建设标准"))


@pytest.fixture
def draft_version(standards_index):
    return add_page(
        standards_index,
        StandardPage(
            title="社区教育数字学习资源建设标准",
            slug="resources-2026-draft",
            code="DB33/T 9999—2026",
            version="2026征求意见稿",
            status=StandardPage.Status.DRAFT,
            stage=StandardPage.Stage.FOR_COMMENT,
            issued_date=datetime.date(2026, 3, 1),
            body=standard_body(1),
        ),
    )


@pytest.fixture
def published_version(standards_index, draft_version):
    return add_page(
        standards_index,
        StandardPage(
            title="社区教育数字学习资源建设标准",
            slug="resources-2026",
            code="DB33/T 9999—2026",
            version="2026",
            status=StandardPage.Status.CURRENT,
            stage=StandardPage.Stage.PUBLISHED,
            issued_date=datetime.date(2026, 9, 1),
            supersedes=draft_version,
            body=standard_body(2),
        ),
    )
