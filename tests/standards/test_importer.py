"""Editors import a version of a standard from JSON: every problem is named with its place, and a
good file is written (and can be written again) without adding a second copy."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from standards.models import StandardPage

pytestmark = pytest.mark.django_db

GOOD = {
    "standard": {"code": "DB33/T 1—2026", "title": "示例标准", "version": "2026", "status": "current"},
    "body": [
        {"type": "foreword", "title": "前言", "text": "本文件按照GB/T 1.1—2020的规定起草。"},
        {
            "type": "chapter",
            "key": "video",
            "title": "视频资源",
            "content": [
                {
                    "type": "clause",
                    "key": "video.resolution",
                    "title": "分辨率",
                    "content": [
                        {
                            "type": "shall",
                            "key": "video.resolution",
                            "text": "视频的垂直分辨率应不低于720像素。",
                            "method": "automatic",
                            "rules": [{"type": "video_min_height", "min_height": 720}],
                        },
                        {"type": "note", "text": "即720p。"},
                    ],
                }
            ],
        },
    ],
}


def _import(tmp_path, data, *args):
    path = tmp_path / "standard.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    call_command("import_standard", str(path), *args, stdout=out, stderr=err)
    return out.getvalue()


def test_a_good_file_becomes_a_version_with_numbered_clauses_and_a_reimport_updates_it(standards_index, tmp_path):
    assert "Created" in _import(tmp_path, GOOD, "--publish")
    page = StandardPage.objects.get(code="DB33/T 1—2026")
    assert page.live and page.get_parent().pk == standards_index.pk
    clause = page.document.clauses[1]
    assert (clause.number, clause.title) == ("1.1", "分辨率")
    assert page.document.requirements[0].rules[0]["params"]["min_height"] == 720
    first_id = clause.id

    GOOD["body"][1]["content"][0]["title"] = "视频分辨率"
    assert "Updated" in _import(tmp_path, GOOD, "--publish")
    page = StandardPage.objects.get(code="DB33/T 1—2026")
    assert page.document.clauses[1].title == "视频分辨率" and page.document.clauses[1].id == first_id


def test_every_problem_is_reported_with_its_path_and_nothing_is_written(standards_index, tmp_path):
    bad = json.loads(json.dumps(GOOD))
    bad["standard"]["status"] = "valid"
    bad["standard"]["supersedes"] = "2020"
    clause = bad["body"][1]["content"][0]
    clause["content"].append({"type": "chapter", "key": "x", "title": "错位"})
    clause["content"].append({"type": "shall", "text": "缺少键。"})
    path = tmp_path / "standard.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_standard", str(path), stderr=err)
    problems = err.getvalue()
    assert "$.standard.status: must be one of" in problems
    assert "$.standard.supersedes: no version “2020”" in problems
    assert "$.body[1].content[0].content[2].type: “chapter” cannot stand here" in problems
    assert "$.body[1].content[0].content[3].key: is missing" in problems
    assert not StandardPage.objects.exists()


def test_block_validation_errors_point_at_the_rule(standards_index, tmp_path):
    bad = json.loads(json.dumps(GOOD))
    bad["body"][1]["content"][0]["content"][0]["rules"][0] = {"type": "duration_between", "kinds": ["video"]}
    path = tmp_path / "standard.json"
    path.write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_standard", str(path), stderr=err)
    assert "$.body[1].content[0].content[0].rules[0]" in err.getvalue()
    assert not StandardPage.objects.exists()


def test_a_file_that_is_not_json_is_refused_with_its_line(standards_index, tmp_path):
    path = tmp_path / "standard.json"
    path.write_text('{"standard": {\n  "code": }', encoding="utf-8")
    with pytest.raises(CommandError, match="line 2"):
        call_command("import_standard", str(path), stderr=io.StringIO())
