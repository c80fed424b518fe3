"""Each rule type on a passing file, a failing file and an unreadable (corrupt or missing) file."""

import pytest

from standards.rule_blocks import RuleStreamBlock
from standards.rules import CANT_TELL, EVALUATORS, FAILED, INAPPLICABLE, PASSED, Probes, evaluate

from .resources import Files, resource


@pytest.fixture(scope="module")
def files():
    return Files()


def outcome(rule_type, params, res):
    return evaluate(rule_type, params, Probes(res)).outcome


def video(files, **kwargs):
    return resource("video", files.video, "lesson.mp4", **kwargs)


def broken_video(files, **kwargs):
    return resource("video", files.corrupt, "broken.mp4", **kwargs)


def test_every_rule_block_has_an_evaluator_and_back():
    assert set(RuleStreamBlock.base_blocks) == set(EVALUATORS)


def test_video_min_height(files):
    assert outcome("video_min_height", {"min_height": 180}, video(files)) == PASSED
    assert outcome("video_min_height", {"min_height": 720}, video(files)) == FAILED
    assert outcome("video_min_height", {"min_height": 720}, broken_video(files)) == CANT_TELL


def test_video_min_frame_rate(files):
    assert outcome("video_min_frame_rate", {"min_fps": 10}, video(files)) == PASSED
    assert outcome("video_min_frame_rate", {"min_fps": 25}, video(files)) == FAILED
    assert outcome("video_min_frame_rate", {"min_fps": 25}, broken_video(files)) == CANT_TELL


def test_video_codec_in(files):
    assert outcome("video_codec_in", {"codecs": "h264, hevc"}, video(files)) == PASSED
    assert outcome("video_codec_in", {"codecs": "vp9"}, video(files)) == FAILED
    assert outcome("video_codec_in", {"codecs": "h264"}, broken_video(files)) == CANT_TELL


def test_duration_between_reads_the_running_time_from_the_file(files):
    one_second = {"min_minutes": 0.01, "max_minutes": 0.02}
    assert outcome("duration_between", one_second, video(files)) == PASSED
    assert outcome("duration_between", {"min_minutes": 5, "max_minutes": 20}, video(files)) == FAILED
    assert outcome("duration_between", {"min_minutes": 5}, broken_video(files)) == CANT_TELL
    audio = resource("audio", files.audio, "lesson.mp3")
    assert outcome("duration_between", {"max_minutes": 0.02}, audio) == PASSED
    assert outcome("duration_between", {"min_minutes": 1}, audio) == FAILED


def test_duration_ignores_documents(files):
    document = resource("document", files.pdf, "handout.pdf")
    assert outcome("duration_between", {"min_minutes": 5}, document) == INAPPLICABLE


def test_audio_min_sample_rate(files):
    assert outcome("audio_min_sample_rate", {"min_hz": 44100}, resource("audio", files.audio, "a.mp3")) == PASSED
    low = resource("audio", files.low_rate_audio, "low.mp3")
    assert outcome("audio_min_sample_rate", {"min_hz": 44100}, low) == FAILED
    broken = resource("audio", files.corrupt, "broken.mp3")
    assert outcome("audio_min_sample_rate", {"min_hz": 44100}, broken) == CANT_TELL
    silent = resource("video", files.silent_video, "silent.mp4")
    assert outcome("audio_min_sample_rate", {"min_hz": 44100}, silent) == INAPPLICABLE


def test_captions_present(files):
    with_captions = video(files, captions=(files.full_captions, "lesson.vtt"))
    assert outcome("captions_present", {}, with_captions) == PASSED
    assert outcome("captions_present", {}, video(files)) == FAILED
    garbled = video(files, captions=(files.corrupt, "lesson.vtt"))
    assert outcome("captions_present", {}, garbled) == CANT_TELL


def test_captions_coverage_compares_cues_with_the_running_time(files):
    full = video(files, captions=(files.full_captions, "lesson.vtt"))
    assert outcome("captions_coverage", {"min_percent": 90}, full) == PASSED
    sparse = video(files, captions=(files.sparse_captions, "lesson.srt"))
    result = evaluate("captions_coverage", {"min_percent": 90}, Probes(sparse))
    assert result.outcome == FAILED
    assert "20%" in result.message
    garbled = video(files, captions=(files.corrupt, "lesson.vtt"))
    assert outcome("captions_coverage", {"min_percent": 90}, garbled) == CANT_TELL
    broken_media = broken_video(files, captions=(files.full_captions, "lesson.vtt"))
    assert outcome("captions_coverage", {"min_percent": 90}, broken_media) == CANT_TELL


def test_metadata_filled_reads_metadata_not_the_file(files):
    assert outcome("metadata_filled", {"field": "author"}, video(files)) == PASSED
    blank = video(files, metadata={"title": "示例", "author": "  "})
    assert outcome("metadata_filled", {"field": "author"}, blank) == FAILED
    assert outcome("metadata_filled", {"field": "license"}, video(files)) == FAILED
    # A damaged file does not stop the metadata from being checked.
    assert outcome("metadata_filled", {"field": "author"}, broken_video(files)) == PASSED


def test_file_size_max(files):
    assert outcome("file_size_max", {"max_mb": 1}, video(files)) == PASSED
    assert outcome("file_size_max", {"max_mb": 0.001}, video(files)) == FAILED
    missing = resource("video", None, "missing.mp4")
    assert outcome("file_size_max", {"max_mb": 1}, missing) == CANT_TELL


def test_format_in_reads_the_content_not_the_name(files):
    assert outcome("format_in", {"formats": "mp4, mp3, pdf"}, video(files)) == PASSED
    assert outcome("format_in", {"formats": "webm"}, video(files)) == FAILED
    disguised = resource("document", files.png, "handout.pdf")
    assert outcome("format_in", {"formats": "pdf"}, disguised) == FAILED
    assert outcome("format_in", {"formats": "mp4"}, broken_video(files)) == CANT_TELL
    assert outcome("format_in", {"formats": "pdf"}, resource("document", files.corrupt, "x.pdf")) == CANT_TELL


def test_pdf_pages_between(files):
    document = resource("document", files.pdf, "handout.pdf")
    assert outcome("pdf_pages_between", {"min_pages": 1, "max_pages": 3}, document) == PASSED
    assert outcome("pdf_pages_between", {"max_pages": 2}, document) == FAILED
    truncated = resource("document", files.pdf[:200], "cut.pdf")
    assert outcome("pdf_pages_between", {"max_pages": 2}, truncated) == CANT_TELL
    picture = resource("document", files.png, "poster.png")
    assert outcome("pdf_pages_between", {"max_pages": 2}, picture) == INAPPLICABLE


def test_pdf_text_layer(files):
    assert outcome("pdf_text_layer", {}, resource("document", files.pdf, "a.pdf")) == PASSED
    assert outcome("pdf_text_layer", {}, resource("document", files.scanned_pdf, "scan.pdf")) == FAILED
    assert outcome("pdf_text_layer", {}, resource("document", files.corrupt, "x.pdf")) == CANT_TELL


def test_rule_kinds_can_be_narrowed_by_the_editor(files):
    audio = resource("audio", files.audio, "a.mp3")
    assert outcome("file_size_max", {"max_mb": 1, "kinds": ["video"]}, audio) == INAPPLICABLE


def test_unknown_rule_type_and_missing_parameter_are_cant_tell(files):
    assert outcome("video_bitrate", {}, video(files)) == CANT_TELL
    assert outcome("video_min_height", {}, video(files)) == CANT_TELL


def test_plain_text_documents_are_recognised_and_fail_a_pdf_only_format(files):
    handout = resource("document", "第一讲 蚕桑文化\n课程讲义".encode(), "handout.txt")
    assert outcome("format_in", {"formats": "pdf"}, handout) == FAILED
    assert outcome("pdf_text_layer", {}, handout) == INAPPLICABLE
    # Random bytes are not text: still "can't tell".
    assert outcome("format_in", {"formats": "pdf"}, resource("document", files.corrupt, "x.bin")) == CANT_TELL
