"""`manage.py check_resources`: formats, progress and exit status, on generated media files."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail import hooks

from standards import authoring as a
from standards import sources
from standards.models import StandardPage
from tests.factories import add_page

from .resources import Course, Files, resource

pytestmark = pytest.mark.django_db

FILES = None
GOOD_COURSE = Course("ZJ-2026-001", "老年智能手机应用")
POOR_COURSE = Course("ZJ-2026-002", "家庭园艺入门")


def sample_resources(courses=None):
    """The resource source the tests register in place of the courses app's catalog."""
    global FILES
    FILES = FILES or Files()
    metadata = {"title": "课程资源", "author": "杭州市社区学院"}
    resources = [
        resource(
            "video",
            FILES.video,
            "welcome.mp4",
            captions=(FILES.full_captions, "welcome.vtt"),
            course=GOOD_COURSE,
            title="开课导学",
        ),
        resource("document", FILES.pdf, "handout.pdf", course=GOOD_COURSE, title="学习手册"),
        resource("video", FILES.video, "soil.mp4", course=POOR_COURSE, title="认识土壤", metadata=metadata),
        resource("audio", FILES.audio, "talk.mp3", course=POOR_COURSE, title="园艺讲座", metadata={"title": "讲座"}),
        resource(
            "video",
            FILES.corrupt,
            "broken.mp4",
            captions=(FILES.full_captions, "b.vtt"),
            course=POOR_COURSE,
            title="损坏的视频",
            metadata=metadata,
        ),
    ]
    return [r for r in resources if courses is None or r.course in courses]


@pytest.fixture
def checker_standard(standards_index):
    body = [
        a.chapter(
            "resources",
            "资源要求",
            a.clause(
                "format",
                "格式",
                a.shall(
                    "format",
                    "资源应采用通用格式。",
                    "automatic",
                    rules=[a.rule("format_in", key="r.format", formats="mp4, mp3, pdf")],
                ),
            ),
            a.clause(
                "captions",
                "字幕",
                a.shall(
                    "captions", "视频应配有字幕。", "automatic", rules=[a.rule("captions_present", key="r.captions")]
                ),
            ),
            a.clause(
                "author",
                "著录",
                a.shall(
                    "author",
                    "资源应著录作者。",
                    "automatic",
                    rules=[a.rule("metadata_filled", key="r.author", field="author")],
                ),
            ),
            a.clause(
                "length",
                "时长",
                a.should(
                    "length",
                    "微课宜为5~20分钟。",
                    "automatic",
                    rules=[a.rule("duration_between", key="r.length", min_minutes=5, max_minutes=20)],
                ),
            ),
        )
    ]
    return add_page(
        standards_index,
        StandardPage(
            title="资源建设标准",
            slug="checker",
            code="DB33/T 1—2026",
            version="2026",
            status="current",
            stage="published",
            body=body,
        ),
    )


@pytest.fixture
def source():
    """The sample resources, registered after (so in place of) the courses app's catalog."""
    with hooks.register_temporarily(sources.RESOURCES_HOOK, sample_resources):
        yield


@pytest.fixture
def no_source(monkeypatch):
    """A site where no app offers resources (the hook the checker reads has no function)."""
    monkeypatch.setattr(sources, "RESOURCES_HOOK", "register_conformance_resources_nowhere")


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("check_resources", *args, stdout=out, stderr=err)
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


def test_text_report_and_non_zero_exit_when_a_resource_does_not_conform(checker_standard, source):
    code, out, err = run()
    assert code == 1
    assert "[ZJ-2026-001] 老年智能手机应用" in out and "[ZJ-2026-002] 家庭园艺入门" in out
    assert "failed    1.2      captions_present" in out
    assert "cantTell  1.1      format_in" in out
    assert "2门课程共5个资源：3个符合，2个不符合。" in out
    assert "[1/5] 开课导学" in err and "[5/5] 损坏的视频" in err
    assert "2 of 5 resources do not conform." in err


def test_json_report_gives_each_outcome_with_its_clause(checker_standard, source):
    code, out, _ = run("--format", "json")
    assert code == 1
    data = json.loads(out)
    assert data["conforms"] is False
    assert data["standard"]["code"] == "DB33/T 1—2026"
    assert data["totals"]["nonconforming"] == 2
    courses = {course["course"]: course for course in data["courses"]}
    assert courses["ZJ-2026-001"]["conforms"] is True
    soil = next(r for r in courses["ZJ-2026-002"]["resources"] if r["title"] == "认识土壤")
    outcomes = {result["rule"]: (result["clause"], result["outcome"]) for result in soil["results"]}
    assert outcomes == {
        "format_in": ("1.1", "passed"),
        "captions_present": ("1.2", "failed"),
        "metadata_filled": ("1.3", "passed"),
        "duration_between": ("1.4", "failed"),
    }
    assert soil["results"][1]["clause_url"].endswith("/standards/checker/1.2/")
    audio = next(r for r in courses["ZJ-2026-002"]["resources"] if r["title"] == "园艺讲座")
    assert audio["conforms"] is False  # 应 metadata rule failed
    broken = next(r for r in courses["ZJ-2026-002"]["resources"] if r["title"] == "损坏的视频")
    assert broken["results"][0]["outcome"] == "cantTell"
    assert broken["conforms"] is True  # nothing 应 failed; the cantTell is reported, not guessed


def test_csv_report_has_one_row_per_resource_and_rule(checker_standard, source, tmp_path):
    target = tmp_path / "report.csv"
    code, out, _ = run("--format", "csv", "--output", str(target))
    assert code == 1 and out == ""
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(rows) == 5 * 4
    first = rows[0]
    assert (first["course"], first["resource"], first["clause"], first["rule"], first["outcome"]) == (
        "ZJ-2026-001",
        "开课导学",
        "1.1",
        "format_in",
        "passed",
    )
    assert {row["outcome"] for row in rows} == {"passed", "failed", "inapplicable", "cantTell"}


def test_one_conforming_course_exits_zero(checker_standard, source):
    code, out, _ = run("--course", "ZJ-2026-001", "--format", "json")
    assert code == 0
    assert [course["course"] for course in json.loads(out)["courses"]] == ["ZJ-2026-001"]


def test_problems_that_stop_the_check_exit_with_status_2(checker_standard, source):
    with pytest.raises(CommandError, match="No resources found for course NOPE") as error:
        call_command("check_resources", "--course", "NOPE")
    assert error.value.returncode == 2
    with pytest.raises(CommandError, match="No live standard with code X"):
        call_command("check_resources", "--standard", "X")


def test_without_a_resource_source_the_command_says_how_to_offer_one(checker_standard, no_source):
    offer = 'cannot be read: no app offers them.*hook "register_conformance_resources_nowhere"'
    with pytest.raises(CommandError, match=offer) as error:
        call_command("check_resources")
    assert error.value.returncode == 2


def test_without_a_current_standard_the_command_says_so(db, source):
    with pytest.raises(CommandError, match="No current standard is published"):
        call_command("check_resources")


def test_csv_cells_that_look_like_formulas_are_neutralised():
    from standards.conformance import Rule, check
    from standards.report_formats import to_csv

    tricky = resource("document", b"%PDF-1.4", "x.pdf", title='=HYPERLINK("http://x")')
    rule = Rule("r", "metadata_filled", {"field": "author"}, "shall", "c", "1.1", "", "")
    rows = list(csv.DictReader(io.StringIO(to_csv(check([tricky], [rule])))))
    assert rows[0]["resource"].startswith("'=")


def test_the_command_line_rejects_an_unknown_format_with_status_2():
    import subprocess
    import sys
    from pathlib import Path

    result = subprocess.run(
        [sys.executable, "manage.py", "check_resources", "--format", "xml"],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2
    assert "invalid choice: 'xml'" in result.stderr
